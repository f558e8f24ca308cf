package backstop.share.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.util.Optional;

/** A linked clinician downloads a patient's FHIR and PDF; nobody else does, and revocation ends it at once. */
class ClinicShareHttpTest {
    private static final String PASSWORD = "a long enough secret";

    private static long audits(Database database, String action, long personId) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_log WHERE action = :action AND subject_id = :person")
                .bind("action", action)
                .bind("person", personId)
                .mapTo(Long.class)
                .one());
    }

    @BothDatabases
    void onlyALinkedClinicianDownloadsAPatientsFhirAndReport(Database database) {
        try (TestServer server = TestServer.start(database)) {
            Caller cli = Caller.commandLine(Optional.empty());
            var accounts = server.services().accounts();
            User kim = accounts.addUser("kim", "Kim Physio", PASSWORD, Role.CLINICIAN, cli);
            accounts.addUser("lee", "Lee Other", PASSWORD, Role.CLINICIAN, cli);
            User dana = accounts.addUser("dana", "Dana Doe", PASSWORD, Role.PERSON, cli);
            accounts.addUser("eli", "", PASSWORD, Role.PERSON, cli);
            accounts.addUser("root", "", PASSWORD, Role.ADMIN, cli);
            String yesterday = server.services().diary().today().minusDays(1).toString();
            WebClient person = server.client();
            person.login("dana", PASSWORD);
            person.json("PUT", "/api/v1/diary/" + yesterday, "{\"pain_am\": 3, \"pain_pm\": 5}");
            var careTeam = server.services().careTeam();
            var link = careTeam.accept(dana, careTeam.createInvite(kim, cli).code(), cli);

            String fhir = "/api/v1/clinic/patients/" + dana.id() + "/fhir/export";
            String page = "/clinic/patients/" + dana.id() + "/report";
            String pdf = "/api/v1/clinic/patients/" + dana.id() + "/report.pdf";
            WebClient clinician = server.client();
            clinician.login("kim", PASSWORD);
            HttpResponse<String> export = clinician.get(fhir);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
            assertThat(export.body()).contains("\"resourceType\":\"Bundle\"", "\"code\":\"72514-3\"", "Dana Doe");
            for (String path : new String[] {page, pdf + "?from=" + yesterday + "&to=" + yesterday}) {
                HttpResponse<String> report = clinician.get(path);
                assertThat(report.statusCode()).as(path).isEqualTo(200);
                assertThat(report.headers().firstValue("Content-Type")).contains("application/pdf");
                assertThat(report.body()).startsWith("%PDF");
            }
            assertThat(clinician.get(fhir + "?from=tomorrow").statusCode()).isEqualTo(400);
            assertThat(clinician.get("/clinic/patients/" + dana.id()).body())
                    .contains("id=\"chart-report\"", "href=\"" + page + "\"", "href=\"" + fhir + "\"");
            assertThat(audits(database, "fhir.export", dana.id())).isEqualTo(1);
            assertThat(audits(database, "report.pdf", dana.id())).isEqualTo(2);
            String reader = database.withHandle(handle -> handle.createQuery(
                            "SELECT actor_name FROM audit_log WHERE action = 'fhir.export' AND subject_id = :p")
                    .bind("p", dana.id())
                    .mapTo(String.class)
                    .one());
            assertThat(reader).as("the clinician is the one who read").isEqualTo("kim");

            for (String name : new String[] {"lee", "dana", "eli", "root"}) {
                WebClient other = server.client();
                other.login(name, PASSWORD);
                for (String path : new String[] {fhir, page, pdf}) {
                    assertThat(other.get(path).statusCode())
                            .as(name + " " + path)
                            .isEqualTo(403);
                }
            }
            assertThat(server.client().get(fhir).statusCode()).isEqualTo(401);

            careTeam.revoke(dana, link.id(), cli);
            for (String path : new String[] {fhir, page, pdf}) {
                assertThat(clinician.get(path).statusCode())
                        .as("revoked " + path)
                        .isEqualTo(403);
            }
            assertThat(audits(database, "fhir.export", dana.id())).isEqualTo(1);
        }
    }
}
