package backstop.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.plan.PlanPreferences;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Linking, the roster, the chart and the clinic API over HTTP, as a clinician, a person and an admin use them. */
class ClinicHttpTest {
    private static final String PASSWORD = "a long enough secret";
    private static final Pattern CODE = Pattern.compile("id=\"invite-code\">([0-9A-Z-]+)<");

    private static long count(Database database, String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @BothDatabases
    void aClinicianLinksAPatientSeesTheRosterAndChartAndLosesAccessOnRevocation(Database database) {
        try (TestServer server = TestServer.start(database)) {
            Caller cli = Caller.commandLine(Optional.empty());
            server.services().accounts().addUser("kim", "Kim Physio", PASSWORD, Role.CLINICIAN, cli);
            User dana = server.services().accounts().addUser("dana", "Dana Doe", PASSWORD, Role.PERSON, cli);
            server.services().accounts().addUser("root", "", PASSWORD, Role.ADMIN, cli);
            server.services().assessments().submit(dana, Intakes.deskWorker(), cli);
            server.services().plans().create(dana, PlanPreferences.defaults(), cli);

            WebClient kim = server.client();
            HttpResponse<String> login = kim.login("kim", PASSWORD);
            assertThat(login.headers().firstValue("Location")).contains("/clinic");
            assertThat(kim.get("/clinic").body()).contains("Nobody is linked with you yet");
            HttpResponse<String> made = kim.post("/clinic/invites", Map.of());
            assertThat(made.statusCode()).isEqualTo(200);
            Matcher matcher = CODE.matcher(made.body());
            assertThat(matcher.find()).isTrue();
            String code = matcher.group(1);
            assertThat(made.body()).contains("/care-team?code=" + code);

            WebClient person = server.client();
            person.login("dana", PASSWORD);
            assertThat(person.get("/care-team?code=" + code).body()).contains("value=\"" + code + "\"");
            HttpResponse<String> accepted = person.post("/care-team/accept", Map.of("code", code));
            assertThat(accepted.statusCode()).isEqualTo(302);
            String team = person.get("/care-team").body();
            assertThat(team).contains("Kim Physio").contains("End access");
            assertThat(person.post("/care-team/accept", Map.of("code", code)).statusCode())
                    .isEqualTo(400);

            String rosterRead =
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.roster.read' AND actor_name = 'kim'"
                            + " AND subject_name = 'dana'";
            long readsBefore = count(database, rosterRead);
            String roster = kim.get("/clinic").body();
            assertThat(count(database, rosterRead))
                    .as("one audit line per line shown")
                    .isEqualTo(readsBefore + 1);
            assertThat(kim.get("/clinic?q=nobody").statusCode()).isEqualTo(200);
            assertThat(count(database, rosterRead))
                    .as("no line shown, none audited")
                    .isEqualTo(readsBefore + 1);
            assertThat(roster).contains("Dana Doe").contains("No check-in yet").contains("<svg class=\"spark\"");
            assertThat(kim.get("/clinic?alert=no_check_in").body()).contains("Dana Doe");
            assertThat(kim.get("/clinic?alert=flare").body()).doesNotContain("Dana Doe</a>");
            assertThat(kim.get("/clinic?q=nobody").body()).contains("No patient matches");
            assertThat(kim.get("/clinic?page=9").body()).contains("Dana Doe").contains("Patients 1 to 1 of 1");
            HttpResponse<String> badPage = kim.get("/clinic?page=zero");
            assertThat(badPage.statusCode()).isEqualTo(400);
            assertThat(badPage.body()).contains("page");
            HttpResponse<String> chart = kim.get("/clinic/patients/" + dana.id());
            assertThat(chart.statusCode()).isEqualTo(200);
            assertThat(chart.body())
                    .contains("Dana Doe")
                    .contains("Plan and sessions")
                    .contains("Insights");
            HttpResponse<String> api = kim.get("/api/v1/clinic/patients");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"reasons\":[").contains("\"kind\":\"no_check_in\"");
            for (String part : new String[] {"", "/assessments", "/diary", "/plan", "/insights"}) {
                assertThat(kim.get("/api/v1/clinic/patients/" + dana.id() + part)
                                .statusCode())
                        .as(part)
                        .isEqualTo(200);
            }
            assertThat(person.get("/care-team").body())
                    .contains("When clinicians looked")
                    .contains("kim");

            // Marking an alert seen takes it off the open count.
            assertThat(kim.get("/clinic").statusCode()).isEqualTo(200);
            assertThat(kim.post(
                                    "/clinic/patients/" + dana.id() + "/alerts/no_check_in/seen",
                                    Map.of("note", "asked her to check in"))
                            .statusCode())
                    .isEqualTo(302);
            assertThat(kim.get("/clinic").body()).contains("asked her to check in");

            // Persons and admins get 403 on every clinic route.
            assertThat(person.get("/clinic").statusCode()).isEqualTo(403);
            assertThat(person.get("/api/v1/clinic/patients").statusCode()).isEqualTo(403);
            WebClient root = server.client();
            root.login("root", PASSWORD);
            assertThat(root.get("/api/v1/clinic/patients/" + dana.id()).statusCode())
                    .isEqualTo(403);

            // The person revokes: the clinician's very next request is refused, and only the refusal is written.
            long link = server.services().careTeam().linksOf(dana).get(0).id();
            person.get("/care-team");
            assertThat(person.post("/care-team/" + link + "/revoke", Map.of()).statusCode())
                    .isEqualTo(302);
            long before = count(database, "SELECT COUNT(*) FROM audit_log");
            assertThat(kim.get("/clinic/patients/" + dana.id()).statusCode()).isEqualTo(403);
            assertThat(count(database, "SELECT COUNT(*) FROM audit_log")).isEqualTo(before + 1);
            assertThat(kim.get("/api/v1/clinic/patients/" + dana.id() + "/diary")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(kim.get("/api/v1/clinic/patients").body()).isEqualTo("[]");
            assertThat(person.get("/care-team").body()).contains("you ended it");
        }
    }

    @BothDatabases
    void aClinicianEndsALink(Database database) {
        try (TestServer server = TestServer.start(database)) {
            Caller cli = Caller.commandLine(Optional.empty());
            User kimUser = server.services().accounts().addUser("kim", "Kim", PASSWORD, Role.CLINICIAN, cli);
            User dana = server.services().accounts().addUser("dana", "Dana", PASSWORD, Role.PERSON, cli);
            server.services()
                    .careTeam()
                    .accept(
                            dana,
                            server.services()
                                    .careTeam()
                                    .createInvite(kimUser, cli)
                                    .code(),
                            cli);
            WebClient kim = server.client();
            kim.login("kim", PASSWORD);
            kim.get("/clinic");
            assertThat(kim.post("/clinic/patients/" + dana.id() + "/end", Map.of())
                            .statusCode())
                    .isEqualTo(302);
            assertThat(kim.get("/clinic?ended=1").body())
                    .contains("The link has ended")
                    .contains("Nobody is linked");
            assertThat(kim.get("/clinic/patients/" + dana.id()).statusCode()).isEqualTo(403);
        }
    }
}
