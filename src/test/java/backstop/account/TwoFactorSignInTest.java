package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.TrustedProxies;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 10's two-factor sign-in (TOTP, RFC 6238) and issue 13's finding 9: on, sign-in needs a code; recovery codes
 * work once; with the server setting, an admin must set it up before anything else and cannot turn it off.
 */
class TwoFactorSignInTest {
    private static final String PASSWORD = "a long enough secret";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
    private static final Pattern CODES = Pattern.compile("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>");
    private final TestClock clock = TestClock.startingAt("2026-03-02T09:00:00Z");

    private static byte[] secretOn(String page) {
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("the page shows the secret as text").isTrue();
        return Base32.decode(matcher.group(1).replace(" ", ""));
    }

    private static List<String> codesOn(String page) {
        return CODES.matcher(page).results().map(match -> match.group(1)).toList();
    }

    @BothDatabases
    void aClinicianTurnsItOnAndThenSignsInWithACodeOrARecoveryCode(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            server.services()
                    .accounts()
                    .addUser("owner", "", PASSWORD, Role.ADMIN, Caller.commandLine(java.util.Optional.empty()));
            server.services()
                    .accounts()
                    .addUser("kim", "", PASSWORD, Role.CLINICIAN, Caller.commandLine(java.util.Optional.empty()));
            WebClient kim = server.client();
            kim.login("kim", PASSWORD);
            assertThat(kim.get("/account").body()).contains("Two-factor sign-in");
            kim.get("/account/two-factor");
            assertThat(kim.post("/account/two-factor/setup", Map.of()).statusCode())
                    .isEqualTo(302);
            String setup = kim.get("/account/two-factor").body();
            assertThat(setup).contains("data:image/svg+xml;base64,");
            byte[] secret = secretOn(setup);
            assertThat(kim.post("/account/two-factor/confirm", Map.of("code", "000000"))
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> on =
                    kim.post("/account/two-factor/confirm", Map.of("code", Totp.code(secret, clock.instant())));
            assertThat(on.statusCode()).isEqualTo(200);
            List<String> recovery = codesOn(on.body());
            assertThat(recovery).hasSize(TwoFactor.RECOVERY_CODES).doesNotHaveDuplicates();

            WebClient later = server.client();
            HttpResponse<String> password = later.login("kim", PASSWORD);
            assertThat(password.headers().firstValue("Location")).contains("/login/two-factor");
            assertThat(later.get("/account").statusCode())
                    .as("not signed in yet")
                    .isEqualTo(302);
            assertThat(later.get("/api/v1/me").statusCode()).isEqualTo(401);
            later.get("/login/two-factor");
            assertThat(later.post("/login/two-factor", Map.of("code", "123456")).statusCode())
                    .isEqualTo(400);
            clock.advance(Duration.ofSeconds(30));
            HttpResponse<String> signedIn =
                    later.post("/login/two-factor", Map.of("code", Totp.code(secret, clock.instant())));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(later.get("/account").statusCode()).isEqualTo(200);

            WebClient replay = server.client();
            replay.login("kim", PASSWORD);
            replay.get("/login/two-factor");
            assertThat(replay.post("/login/two-factor", Map.of("code", Totp.code(secret, clock.instant())))
                            .statusCode())
                    .as("the same code does not work twice")
                    .isEqualTo(400);
            assertThat(replay.post("/login/two-factor", Map.of("code", recovery.get(0)))
                            .statusCode())
                    .isEqualTo(302);
            WebClient again = server.client();
            again.login("kim", PASSWORD);
            again.get("/login/two-factor");
            assertThat(again.post("/login/two-factor", Map.of("code", recovery.get(0)))
                            .statusCode())
                    .as("a recovery code works once")
                    .isEqualTo(400);
        }
    }

    @BothDatabases
    void whenTheServerRequiresItAnAdminSetsItUpBeforeAnythingElse(Database database) {
        SecuritySettings required = SecuritySettings.parse("--two-factor-required", "admin,clinician");
        try (TestServer server = TestServer.start(database, clock, required, TrustedProxies.none())) {
            server.services()
                    .accounts()
                    .addUser("owner", "", PASSWORD, Role.ADMIN, Caller.commandLine(java.util.Optional.empty()));
            WebClient owner = server.client();
            HttpResponse<String> password = owner.login("owner", PASSWORD);
            assertThat(password.headers().firstValue("Location")).contains("/login/two-factor/setup");
            assertThat(owner.get("/admin").statusCode())
                    .as("no admin page before setup")
                    .isEqualTo(302);
            assertThat(owner.get("/api/v1/admin/audit").statusCode()).isEqualTo(401);
            String setup = owner.get("/login/two-factor/setup").body();
            byte[] secret = secretOn(setup);
            HttpResponse<String> done =
                    owner.post("/login/two-factor/setup", Map.of("code", Totp.code(secret, clock.instant())));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(codesOn(done.body())).hasSize(TwoFactor.RECOVERY_CODES);
            assertThat(owner.get("/admin").statusCode()).isEqualTo(200);
            owner.get("/account/two-factor");
            assertThat(owner.post("/account/two-factor/disable", Map.of("password", PASSWORD))
                            .statusCode())
                    .as("required: cannot be turned off")
                    .isEqualTo(400);

            // A person is not asked for it.
            server.services().accounts().register("dana", "", PASSWORD, Caller.commandLine(java.util.Optional.empty()));
            assertThat(server.client().login("dana", PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).startsWith("/people/"));
        }
    }

    @BothDatabases
    void theOperatorCanTurnItOffWhenThePhoneIsLost(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            AccountService accounts = server.services().accounts();
            User kim = accounts.addUser(
                    "kim", "", PASSWORD, Role.CLINICIAN, Caller.commandLine(java.util.Optional.empty()));
            TwoFactorSetup setup = accounts.beginTwoFactor(kim, Caller.commandLine(java.util.Optional.empty()));
            accounts.confirmTwoFactor(
                    kim,
                    Totp.code(Base32.decode(setup.secret()), clock.instant()),
                    Caller.commandLine(java.util.Optional.empty()));
            assertThat(setup.otpauthUri())
                    .startsWith("otpauth://totp/Backstop%3Akim?secret=")
                    .contains("issuer=Backstop");
            accounts.removeTwoFactor("kim", Caller.commandLine(java.util.Optional.empty()));
            // Without the code step the clinician lands straight on their roster.
            assertThat(server.client().login("kim", PASSWORD).headers().firstValue("Location"))
                    .hasValue("/clinic");
            assertThat(accounts.twoFactorStatus(kim).enabled()).isFalse();
        }
    }
}
