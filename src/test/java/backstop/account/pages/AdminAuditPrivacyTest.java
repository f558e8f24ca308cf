package backstop.account.pages;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;

/**
 * Issue 13, finding 1: the audit trail an admin reads says who did what to which record, never the clinical content;
 * the person reads their own trail in full.
 */
class AdminAuditPrivacyTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void anAdminSeesWhoDidWhatToWhichRecordButNoClinicalDetail(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient owner = server.client();
            owner.register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> created = dana.json("POST", "/api/v1/assessments", Intakes.heartWarning());
            assertThat(created.statusCode()).isEqualTo(201);

            String api = owner.get("/api/v1/admin/audit?subject=dana").body();
            assertThat(api).contains("assessment.create").contains("\"record\":\"assessment ");
            assertThat(api).doesNotContain("urgency").doesNotContain("emergency");
            String page = owner.get("/admin/audit?subject=dana").body();
            assertThat(page).contains("assessment.create").contains("assessment ");
            assertThat(page).doesNotContain("urgency");

            String own = dana.get("/api/v1/me/audit").body();
            assertThat(own).contains("assessment.create").contains("urgency emergency");
            assertThat(dana.get("/account/export").body()).contains("urgency emergency");
        }
    }

    @BothDatabases
    void accountAdministrationStaysReadableToTheAdmin(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient owner = server.client();
            owner.register("owner", PASSWORD);
            server.client().register("dana", PASSWORD);
            String api =
                    owner.get("/api/v1/admin/audit?action=account.register").body();
            assertThat(api).contains("role person");
        }
    }

    @BothDatabases
    void anotherPersonCannotReadSomeoneElsesTrail(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            dana.json("POST", "/api/v1/assessments", Intakes.heartWarning());
            WebClient eli = server.client();
            eli.register("eli", PASSWORD);
            assertThat(eli.get("/api/v1/me/audit").body()).doesNotContain("assessment.create");
        }
    }
}
