package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead ends of issue 14 on the plan's pages, each with a way on. */
class PlanDeadEndsTest {
    private static final String PASSWORD = "a long enough secret";

    private static WebClient personWithPlan(TestServer server) {
        server.client().register("owner", PASSWORD);
        WebClient dana = server.client();
        dana.register("dana", PASSWORD);
        assertThat(dana.json("POST", "/api/v1/assessments", Intakes.deskWorker())
                        .statusCode())
                .isEqualTo(201);
        return dana;
    }

    @Test
    void theAssessmentResultOffersToMakeThePlanAndThePlanPageLeadsWithWhatToDoNow() throws Exception {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            WebClient dana = personWithPlan(server);
            JsonNode latest =
                    Json.mapper().readTree(dana.get("/api/v1/assessments").body());
            long id = latest.get(0).get("id").asLong();
            assertThat(dana.get("/assessments/" + id).body()).contains("id=\"make-my-plan\"", "href=\"/plan\"");

            assertThat(dana.json("POST", "/api/v1/plans", "{\"minutes_per_session\": 12}")
                            .statusCode())
                    .isEqualTo(201);
            String plan = dana.get("/plan").body();
            assertThat(plan.indexOf("id=\"plan-now\""))
                    .as("what to do now comes before the details")
                    .isLessThan(plan.indexOf("id=\"coverage\""));
            assertThat(plan).contains("<details>", "Start today's session");
            // The calendar's settings appear once, and the time zone takes the browser's (data-browser-zone).
            assertThat(plan.split("name=\"zone\"", -1)).hasSize(2);
            assertThat(plan.split("name=\"work_start\"", -1)).hasSize(2);
            assertThat(plan).contains("data-browser-zone", "formaction=\"/plan/calendar.ics\"");
            HttpResponse<String> ics = dana.post(
                    "/plan/calendar.ics",
                    Map.of("zone", "Europe/Berlin", "session", "07:15", "work_start", "08:30", "work_end", "16:30"));
            assertThat(ics.statusCode()).isEqualTo(200);
            assertThat(ics.body()).contains("BEGIN:VCALENDAR", "Europe/Berlin");
            assertThat(dana.get("/account").body()).contains("href=\"#password\"", "Change your password");
        }
    }

    @Test
    void aSessionLoggedWithoutPainKeepsWhatWasTickedAndSaysInWordsWhatIsMissing() throws Exception {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            WebClient dana = personWithPlan(server);
            assertThat(dana.json("POST", "/api/v1/plans", "{\"minutes_per_session\": 12}")
                            .statusCode())
                    .isEqualTo(201);
            String today = server.services().plans().today().toString();
            JsonNode session = Json.mapper()
                    .readTree(dana.get("/api/v1/plans/current/today?date=" + today)
                            .body());
            String first = session.get("sessions")
                    .get(0)
                    .get("exercises")
                    .get(0)
                    .get("id")
                    .asText();
            dana.get("/plan/today");

            HttpResponse<String> refused =
                    dana.post("/plan/today", Map.of("date", today, first + ".done", "on", first + ".sets", "1"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("Nothing was logged yet.")
                    .contains("Pain before the session: please rate your pain from 0 to 10.")
                    .contains("Worst pain during the session: please rate your pain from 0 to 10.")
                    .containsPattern("id=\"done-" + first + "\" checked")
                    .contains("name=\"" + first + ".sets\" min=\"0\" max=\"10\" value=\"1\"")
                    .doesNotContain("<strong>pain before</strong>", "pain_before is", "pain_before:");
            var me = server.services().accounts().findByUsername("dana").orElseThrow();
            assertThat(server.services()
                            .plans()
                            .logs(
                                    me,
                                    server.services().plans().today(),
                                    server.services().plans().today(),
                                    backstop.account.Caller.of(me, "test")))
                    .as("nothing written")
                    .isEmpty();

            HttpResponse<String> logged = dana.post(
                    "/plan/today",
                    Map.of("date", today, first + ".done", "on", "pain_before", "2", "pain_during", "3"));
            assertThat(logged.statusCode()).isIn(200, 302, 303);
            String page = dana.get("/plan/today?date=" + today + "&logged=1").body();
            assertThat(page)
                    .contains("Logged for this day")
                    .contains("pain 2 before, 3 at worst during")
                    .contains("data-logged=\"" + first + "\"")
                    .contains("· logged today");
        }
    }
}
