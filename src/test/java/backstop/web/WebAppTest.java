package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.AuditQuery;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The running app over HTTP: sign-up, log-in, log-out, access rules, CSRF and error answers. */
class WebAppTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void aNewUserSignsUpLandsOnTheirOverviewAndSignsOut(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient owner = server.client();
            owner.register("owner", PASSWORD);
            WebClient dana = server.client();
            String overview = dana.register("dana", PASSWORD);
            assertThat(overview).matches("/people/\\d+");
            assertThat(dana.get(overview).body()).contains("Hello, dana");

            assertThat(dana.post("/logout", Map.of()).statusCode()).isEqualTo(302);
            HttpResponse<String> after = dana.get(overview);
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).startsWith("/login?next="));
        }
    }

    @BothDatabases
    void aPersonCannotOpenAnotherPersonsPagesAndTheAttemptIsAudited(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            String danasPage = server.client().register("dana", PASSWORD);
            WebClient eli = server.client();
            eli.register("eli", PASSWORD);
            HttpResponse<String> response = eli.get(danasPage);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).doesNotContain("Hello, dana");
            assertThat(server.services().audit().search(AuditQuery.latest(5))).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("person.view.refused");
                assertThat(entry.actor()).isEqualTo("eli");
            });
        }
    }

    @BothDatabases
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient visitor = server.client();
            visitor.get("/register");
            HttpResponse<String> response = visitor.postRaw(
                    "/register", Map.of("username", "mallory", "password", PASSWORD, "password_confirm", PASSWORD));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(server.services().accounts().findByUsername("mallory")).isEmpty();

            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> forged = dana.postRaw("/account/tokens", Map.of("name", "x", "_csrf", "forged"));
            assertThat(forged.statusCode()).isEqualTo(403);
        }
    }

    @BothDatabases
    void aRequestFromAnotherSiteIsRefused(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> response = dana.send(HttpRequest.newBuilder(URI.create(server.url("/account/tokens")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "https://evil.example")
                    .POST(HttpRequest.BodyPublishers.ofString("name=x&_csrf=" + dana.csrf()))
                    .build());
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @BothDatabases
    void theWrongRoleGets403(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            assertThat(dana.get("/admin").statusCode()).isEqualTo(403);
            assertThat(dana.get("/admin/audit").statusCode()).isEqualTo(403);
            assertThat(dana.get("/api/v1/admin/audit").statusCode()).isEqualTo(403);
        }
    }

    @BothDatabases
    void theOwnerSeesAccountsAndTheAuditTrailWithFilters(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient owner = server.client();
            assertThat(owner.register("owner", PASSWORD)).isEqualTo("/admin");
            server.client().register("dana", PASSWORD);
            assertThat(owner.get("/admin").body()).contains("dana");
            String audit = owner.get("/admin/audit?action=account.register").body();
            assertThat(audit).contains("account.register").doesNotContain(">login<");
            HttpResponse<String> bad = owner.get("/admin/audit?from=2026-13-01");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("from").contains("yyyy-mm-dd");
            HttpResponse<String> partial =
                    owner.send(HttpRequest.newBuilder(URI.create(server.url("/admin/audit?subject=dana")))
                            .header("HX-Request", "true")
                            .GET()
                            .build());
            assertThat(partial.body()).contains("<table").doesNotContain("<html");
        }
    }

    @BothDatabases
    void loginIsThrottledAfterRepeatedFailures(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("dana", PASSWORD);
            WebClient guesser = server.client();
            for (int i = 0; i < 5; i++) {
                assertThat(guesser.login("dana", "wrong password " + i).statusCode())
                        .isEqualTo(401);
            }
            HttpResponse<String> blocked = guesser.login("dana", PASSWORD);
            assertThat(blocked.statusCode()).isEqualTo(429);
            assertThat(blocked.body()).containsPattern("Please wait [0-9]+ seconds");
            assertThat(blocked.headers().firstValue("Retry-After").map(Integer::parseInt))
                    .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 30));
        }
    }

    @BothDatabases
    void sessionCookiesAreHttpOnlyAndSameSiteLax(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.get("/register");
            HttpResponse<String> signUp = dana.post(
                    "/register", Map.of("username", "dana", "password", PASSWORD, "password_confirm", PASSWORD));
            assertThat(signUp.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("backstop_session="));
            HttpResponse<String> response = dana.login("dana", PASSWORD);
            assertThat(response.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("backstop_session=")
                            .contains("HttpOnly")
                            .containsIgnoringCase("SameSite=Lax"));
        }
    }

    @BothDatabases
    void everyPageCarriesSecurityHeadersWithoutInlineScripts(Database database) {
        try (TestServer server = TestServer.start(database)) {
            HttpResponse<String> home = server.client().get("/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'")
                            .doesNotContain("unsafe-inline")
                            .doesNotContain("unsafe-eval"));
            assertThat(home.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(home.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(home.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(home.body())
                    .doesNotContainPattern("<script>(?!</script>)|<script(?![^>]*src=)[^>]*>")
                    .doesNotContain("style=\"");
        }
    }

    @BothDatabases
    void theApiAnswersBadInputWith400NamingTheFieldAndChangesNothing(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);

            HttpResponse<String> malformed = dana.json("PUT", "/api/v1/me", "{\"display_name\": ");
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("\"field\":\"body\"").contains("not valid JSON");

            HttpResponse<String> unknown =
                    dana.json("PUT", "/api/v1/me", "{\"display_name\": \"D\", \"role\": \"admin\"}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("\"field\":\"role\"").contains("not a known field");

            HttpResponse<String> wrongType = dana.json("PUT", "/api/v1/me", "{\"display_name\": [1, 2]}");
            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(wrongType.body()).contains("\"field\":\"display_name\"");

            HttpResponse<String> missing = dana.json("PUT", "/api/v1/me", "{}");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("display_name");

            HttpResponse<String> notJson = dana.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
                    .header("Content-Type", "text/plain")
                    .header("X-CSRF-Token", dana.csrf())
                    .PUT(HttpRequest.BodyPublishers.ofString("display_name=x"))
                    .build());
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("Content-Type");

            assertThat(dana.get("/api/v1/me").body()).contains("\"display_name\":\"dana\"");
            HttpResponse<String> good = dana.json("PUT", "/api/v1/me", "{\"display_name\": \"Dana K\"}");
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.body()).contains("\"display_name\":\"Dana K\"");
        }
    }

    @BothDatabases
    void anOversizeBodyIsRefusedWith413(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String huge = "{\"display_name\": \"" + "x".repeat((int) HttpStack.MAX_REQUEST_BYTES + 10) + "\"}";
            HttpResponse<String> response = dana.json("PUT", "/api/v1/me", huge);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("too large").doesNotContain("Exception");
        }
    }

    @BothDatabases
    void theApiWantsASessionOrAToken(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient anonymous = server.client();
            HttpResponse<String> response = anonymous.get("/api/v1/me");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("json"));

            var dana =
                    server.services().accounts().register("dana", "", PASSWORD, backstop.account.Caller.anonymous("t"));
            String token =
                    server.services().accounts().createApiToken(dana, "t", backstop.account.Caller.anonymous("t"));
            HttpResponse<String> withToken = anonymous.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(withToken.body()).contains("\"username\":\"dana\"");
            HttpResponse<String> tokenPut = anonymous.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"display_name\": \"Via token\"}"))
                    .build());
            assertThat(tokenPut.statusCode()).isEqualTo(200);
            HttpResponse<String> badToken = anonymous.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/me")))
                    .header("Authorization", "Bearer bst_nope")
                    .GET()
                    .build());
            assertThat(badToken.statusCode()).isEqualTo(401);
        }
    }

    @BothDatabases
    void unknownAddressesGetAFriendly404(Database database) {
        try (TestServer server = TestServer.start(database)) {
            HttpResponse<String> page = server.client().get("/no/such/page");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("There is no page at this address");
            HttpResponse<String> api = server.client().get("/api/v1/no-such-thing");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.body()).startsWith("{").contains("\"status\":404");
            assertThat(server.client().get("/people/not-a-number").statusCode()).isIn(302, 400);
        }
    }

    @BothDatabases
    void anUnexpectedFailureShowsAnErrorIdAndNoStackTrace(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            String overview = dana.register("dana", PASSWORD);
            database.close();
            HttpResponse<String> response = dana.get(overview);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body())
                    .containsPattern("error id [0-9a-f]{8}")
                    .doesNotContain("at backstop.")
                    .doesNotContain("Exception");
        }
    }

    @BothDatabases
    void healthSaysWhetherTheDatabaseAnswers(Database database) {
        try (TestServer server = TestServer.start(database)) {
            assertThat(server.client().get("/health").body()).contains("\"database\":\"up\"");
            assertThat(server.client().get("/health/live").statusCode()).isEqualTo(200);
            database.close();
            HttpResponse<String> down = server.client().get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("unreachable");
        }
    }

    @BothDatabases
    void aPersonExportsAndDeletesTheirOwnData(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> export = dana.get("/account/export");
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.body())
                    .contains("\"format\" : \"backstop-export-v1\"")
                    .contains("\"username\" : \"dana\"");

            dana.get("/account");
            HttpResponse<String> unconfirmed =
                    dana.post("/account/delete", Map.of("password", PASSWORD, "confirm", "yes"));
            assertThat(unconfirmed.statusCode()).isEqualTo(400);
            assertThat(server.services().accounts().findByUsername("dana")).isPresent();

            HttpResponse<String> deleted =
                    dana.post("/account/delete", Map.of("password", PASSWORD, "confirm", "DELETE"));
            assertThat(deleted.statusCode()).isEqualTo(302);
            assertThat(server.services().accounts().findByUsername("dana")).isEmpty();
        }
    }
}
