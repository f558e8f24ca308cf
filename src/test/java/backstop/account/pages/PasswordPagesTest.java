package backstop.account.pages;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.SecuritySettings;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.TrustedProxies;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Issue 13, finding 5: changing a password ends every other session; an admin's reset link works once and expires. */
class PasswordPagesTest {
    private static final String PASSWORD = "a long enough secret";
    private static final String NEW = "another long secret";

    @BothDatabases
    void changingThePasswordEndsEveryOtherSessionButKeepsThisOne(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient laptop = server.client();
            laptop.register("dana", PASSWORD);
            WebClient phone = server.client();
            phone.login("dana", PASSWORD);
            assertThat(phone.get("/account").statusCode()).isEqualTo(200);

            laptop.get("/account");
            HttpResponse<String> wrong = laptop.post(
                    "/account/password",
                    Map.of("current_password", "not it", "new_password", NEW, "new_password_confirm", NEW));
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("current_password");
            HttpResponse<String> common = laptop.post(
                    "/account/password",
                    Map.of(
                            "current_password",
                            PASSWORD,
                            "new_password",
                            "password1234",
                            "new_password_confirm",
                            "password1234"));
            assertThat(common.statusCode()).isEqualTo(400);
            assertThat(common.body()).contains("most common");

            HttpResponse<String> changed = laptop.post(
                    "/account/password",
                    Map.of("current_password", PASSWORD, "new_password", NEW, "new_password_confirm", NEW));
            assertThat(changed.statusCode()).isEqualTo(302);
            assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
            assertThat(phone.get("/account").statusCode())
                    .as("the other session ended")
                    .isEqualTo(302);
            assertThat(server.client().login("dana", PASSWORD).statusCode()).isEqualTo(401);
            assertThat(server.client().login("dana", NEW).statusCode()).isEqualTo(302);
        }
    }

    @BothDatabases
    void anAdminsResetLinkWorksOnceEndsSessionsAndExpires(Database database) {
        TestClock clock = TestClock.startingAt("2026-03-02T09:00:00Z");
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            WebClient owner = server.client();
            owner.register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            long danaId = server.services()
                    .accounts()
                    .findByUsername("dana")
                    .orElseThrow()
                    .id();

            owner.get("/admin");
            HttpResponse<String> issued = owner.post("/admin/users/" + danaId + "/reset", Map.of());
            assertThat(issued.statusCode()).isEqualTo(200);
            String link = issued.body().replaceAll("(?s).*id=\"reset-link\">([^<]+)<.*", "$1");
            String path = link.substring(link.indexOf("/reset/"));
            assertThat(issued.body()).doesNotContain(PASSWORD);

            WebClient forgot = server.client();
            assertThat(forgot.get(path).body()).contains("dana");
            HttpResponse<String> mismatch =
                    forgot.post(path, Map.of("new_password", NEW, "new_password_confirm", NEW + "x"));
            assertThat(mismatch.statusCode()).isEqualTo(400);
            HttpResponse<String> set = forgot.post(path, Map.of("new_password", NEW, "new_password_confirm", NEW));
            assertThat(set.statusCode()).isEqualTo(302);
            assertThat(dana.get("/account").statusCode())
                    .as("dana's old session ended")
                    .isEqualTo(302);
            assertThat(server.client().login("dana", NEW).statusCode()).isEqualTo(302);

            assertThat(forgot.get(path).statusCode()).as("used once").isEqualTo(404);
            assertThat(forgot.post(
                                    path,
                                    Map.of(
                                            "new_password",
                                            "third password here",
                                            "new_password_confirm",
                                            "third password here"))
                            .statusCode())
                    .isEqualTo(404);

            String later =
                    server.services().accounts().issuePasswordReset("dana", Caller.commandLine(Optional.empty()));
            clock.advance(Duration.ofHours(24));
            assertThat(forgot.get("/reset/" + later).statusCode()).as("expired").isEqualTo(404);
            assertThat(forgot.get("/reset/not-a-real-token").statusCode()).isEqualTo(404);
        }
    }
}
