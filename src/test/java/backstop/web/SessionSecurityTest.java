package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.SecuritySettings;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Issue 13, finding 6: session ids rotate, cookies bind to the host over TLS, tokens expire and show their use. */
class SessionSecurityTest {
    private static final String PASSWORD = "a long enough secret";
    private static final Pattern SESSION = Pattern.compile("(?:__Host-)?backstop_session=([^;]+)");

    private static String sessionFrom(HttpResponse<String> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION.matcher(cookie);
            if (matcher.lookingAt() && !matcher.group(1).isEmpty()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no session cookie in " + response.headers().allValues("Set-Cookie"));
    }

    private static HttpResponse<String> getWithCookie(TestServer server, String path, String cookie) {
        return server.client()
                .send(HttpRequest.newBuilder(URI.create(server.url(path)))
                        .header("Cookie", "backstop_session=" + cookie)
                        .GET()
                        .build());
    }

    @BothDatabases
    void signingInAgainEndsTheSessionTheBrowserHadBefore(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String first = sessionFrom(dana.login("dana", PASSWORD));
            assertThat(getWithCookie(server, "/account", first).statusCode()).isEqualTo(200);
            String second = sessionFrom(dana.login("dana", PASSWORD));
            assertThat(second).isNotEqualTo(first);
            assertThat(getWithCookie(server, "/account", first).statusCode())
                    .as("the previous session id no longer works")
                    .isEqualTo(302);
            assertThat(getWithCookie(server, "/account", second).statusCode()).isEqualTo(200);
        }
    }

    @BothDatabases
    void aRoleChangeEndsTheSessionsOfThatAccount(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient owner = server.client();
            owner.register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String before = sessionFrom(dana.login("dana", PASSWORD));
            User danaAccount =
                    server.services().accounts().findByUsername("dana").orElseThrow();
            owner.get("/admin");
            assertThat(owner.post("/admin/users/" + danaAccount.id() + "/role", Map.of("role", "clinician"))
                            .statusCode())
                    .isEqualTo(302);
            assertThat(getWithCookie(server, "/account", before).statusCode()).isEqualTo(302);
        }
    }

    @BothDatabases
    void overTlsTheCookiesCarryTheHostPrefix(Database database) {
        try (TestServer server = TestServer.start(
                database,
                java.time.Clock.systemUTC(),
                SecuritySettings.defaults(),
                TrustedProxies.parse("proxies", "127.0.0.1"))) {
            server.services().accounts().register("dana", "", PASSWORD, Caller.commandLine(Optional.empty()));
            // Java's cookie store keeps Secure cookies away from http://, as a browser would: carry them by hand.
            WebClient browser = server.client();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                    .header("X-Forwarded-Proto", "https")
                    .GET()
                    .build());
            String pre = page.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("__Host-backstop_pre="))
                    .findFirst()
                    .orElseThrow()
                    .split(";")[0];
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                    .header("X-Forwarded-Proto", "https")
                    .header("Cookie", pre)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "username=dana&password=a+long+enough+secret&_csrf=" + csrf.group(1)))
                    .build());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("__Host-backstop_session=")
                            .contains("Secure")
                            .contains("Path=/")
                            .doesNotContainIgnoringCase("Domain="));
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
            // The same header from a client that is not a trusted proxy changes nothing.
            try (TestServer direct = TestServer.start(database)) {
                WebClient eli = direct.client().withHeader("X-Forwarded-Proto", "https");
                eli.get("/login");
                assertThat(eli.login("dana", PASSWORD).headers().allValues("Set-Cookie"))
                        .anySatisfy(cookie -> assertThat(cookie).startsWith("backstop_session="));
            }
        }
    }

    @BothDatabases
    void anApiTokenExpiresAndShowsWhenItWasLastUsed(Database database) {
        TestClock clock = TestClock.startingAt("2026-03-02T09:00:00Z");
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            User dana = server.services()
                    .accounts()
                    .addUser("dana", "", PASSWORD, Role.PERSON, Caller.commandLine(Optional.empty()));
            String token = server.services()
                    .accounts()
                    .createApiToken(
                            dana, "script", Optional.of(Duration.ofDays(30)), Caller.commandLine(Optional.empty()));
            HttpRequest me = HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            assertThat(server.client().send(me).statusCode()).isEqualTo(200);
            assertThat(server.services().accounts().apiTokens(dana))
                    .singleElement()
                    .satisfies(info -> {
                        assertThat(info.lastUsedAt()).contains(clock.instant());
                        assertThat(info.expiresAt()).contains(clock.instant().plus(Duration.ofDays(30)));
                    });
            clock.advance(Duration.ofDays(30));
            assertThat(server.client().send(me).statusCode()).isEqualTo(401);
        }
    }

    @BothDatabases
    void theAccountPageMakesTokensThatExpireAndListsThem(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            dana.get("/account");
            HttpResponse<String> made = dana.post("/account/tokens", Map.of("name", "sheet", "expires", "30"));
            assertThat(made.statusCode()).isEqualTo(200);
            assertThat(made.body()).contains("new-token").contains("Expires");
            assertThat(dana.post("/account/tokens", Map.of("name", "x", "expires", "soon"))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(dana.post("/account/tokens", Map.of("name", "x", "expires", "99999"))
                            .statusCode())
                    .isEqualTo(400);
        }
    }
}
