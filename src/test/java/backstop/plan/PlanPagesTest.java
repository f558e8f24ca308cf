package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

/** The plan over HTTP: made from the assessment, today's session logged, the calendar downloaded. */
class PlanPagesTest {
    private static final String PASSWORD = "a long enough secret";

    private static WebClient assessedPerson(TestServer server, String intake) {
        server.client().register("owner", PASSWORD);
        WebClient dana = server.client();
        dana.register("dana", PASSWORD);
        assertThat(dana.json("POST", "/api/v1/assessments", intake).statusCode())
                .isEqualTo(201);
        return dana;
    }

    @BothDatabases
    void aPersonMakesAPlanLogsTodaysSessionAndReadsItBack(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.deskWorker());
            assertThat(dana.get("/api/v1/plans/current").statusCode()).isEqualTo(404);
            HttpResponse<String> created = dana.json(
                    "POST", "/api/v1/plans", "{\"minutes_per_session\": 12, \"equipment\": [\"band\", \"wall\"]}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode plan =
                    Json.mapper().readTree(dana.get("/api/v1/plans/current").body());
            assertThat(plan.get("minutes_per_session").asInt()).isEqualTo(12);
            assertThat(plan.get("coverage").get("warnings")).isEmpty();
            assertThat(plan.get("parts")).isNotEmpty();

            String today = server.services().plans().today().toString();
            JsonNode session = Json.mapper()
                    .readTree(dana.get("/api/v1/plans/current/today?date=" + today)
                            .body());
            JsonNode first = session.get("sessions").get(0).get("exercises").get(0);
            String body = "{\"date\": \"" + today + "\", \"pain_before\": 2, \"pain_during\": 3, \"exercises\": [{"
                    + "\"exercise_id\": \"" + first.get("id").asText() + "\", \"sets\": "
                    + first.get("sets").asInt()
                    + ", \"reps\": " + first.get("reps").asInt() + ", \"hold_seconds\": "
                    + first.get("hold_seconds").asInt() + "}]}";
            assertThat(dana.json("POST", "/api/v1/plans/current/sessions", body).statusCode())
                    .isEqualTo(201);
            assertThat(dana.get("/diary/" + today).body()).containsPattern("name=\"exercise_min\"[^>]*value=\"\\d+\"");
            assertThat(dana.get("/plan").body()).contains("id=\"coverage\"", "id=\"sessions\"", "id=\"review\"");
        }
    }

    @BothDatabases
    void badPreferencesAndBadLogsAreNamedAndChangeNothing(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.deskWorker());
            HttpResponse<String> bad = dana.json(
                    "POST",
                    "/api/v1/plans",
                    "{\"minutes_per_session\": 45, \"equipment\": [\"rowing machine\"], \"colour\": \"red\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"field\":\"colour\"");
            HttpResponse<String> range = dana.json(
                    "POST", "/api/v1/plans", "{\"minutes_per_session\": 45, \"equipment\": [\"rowing machine\"]}");
            assertThat(range.body()).contains("\"field\":\"minutes_per_session\"", "\"field\":\"equipment\"");
            assertThat(dana.get("/api/v1/plans/current").statusCode()).isEqualTo(404);

            dana.json("POST", "/api/v1/plans", "{}");
            String today = server.services().plans().today().toString();
            HttpResponse<String> wrong = dana.json(
                    "POST",
                    "/api/v1/plans/current/sessions",
                    "{\"date\": \"" + today
                            + "\", \"pain_before\": 2, \"pain_during\": 14, \"exercises\": [{\"exercise_id\": \"moonwalk\", \"sets\": 1, \"reps\": 1}]}");
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("exercise_id");
            assertThat(server.services()
                            .plans()
                            .exerciseMinutes(
                                    server.services()
                                            .accounts()
                                            .findByUsername("dana")
                                            .orElseThrow(),
                                    java.time.LocalDate.parse(today),
                                    backstop.account.Caller.commandLine(java.util.Optional.empty())))
                    .isEmpty();
        }
    }

    @BothDatabases
    void aRefusedPlanFormIsA400PageNamingTheFieldAndMakesNoPlan(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.deskWorker());
            HttpResponse<String> refused = dana.post("/plan", java.util.Map.of("minutes_per_session", "lots"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("The plan could not be made from these settings.", "minutes_per_session");
            assertThat(dana.get("/api/v1/plans/current").statusCode()).isEqualTo(404);
        }
    }

    @BothDatabases
    void urgentSignsMeanNoPlanUntilADoctorHasSeenThePerson(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.heartWarning());
            HttpResponse<String> refused = dana.json("POST", "/api/v1/plans", "{}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(dana.get("/plan").body()).contains("id=\"see-doctor-first\"");
            HttpResponse<String> today = dana.get("/plan/today");
            assertThat(today.statusCode()).isEqualTo(302);
            assertThat(today.headers().firstValue("Location")).contains("/plan");
        }
    }

    @BothDatabases
    void theCalendarDownloadParsesAsICalendar(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.deskWorker());
            dana.json("POST", "/api/v1/plans", "{}");
            HttpResponse<String> ics =
                    dana.get("/plan/calendar.ics?zone=Europe/Berlin&session=07:15&work_start=08:30&work_end=16:30");
            assertThat(ics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
            assertThat(calendar.getComponents("VEVENT")).isNotEmpty();
            assertThat(dana.get("/plan/calendar.ics?zone=Mars/Olympus").statusCode())
                    .isEqualTo(400);
            assertThat(dana.get("/plan/calendar.ics?work_start=18:00&work_end=09:00")
                            .body())
                    .contains("work_end");
        }
    }

    @BothDatabases
    void aCalendarAppSubscribesWithAPrivateAddressThatCanBeStopped(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.deskWorker());
            dana.json("POST", "/api/v1/plans", "{}");
            dana.get("/plan");
            HttpResponse<String> made = dana.post(
                    "/plan/calendar/feed",
                    java.util.Map.of(
                            "zone", "Europe/Berlin", "session", "06:45", "work_start", "08:00", "work_end", "16:00"));
            assertThat(made.statusCode()).isEqualTo(200);
            String url = made.body().replaceAll("(?s).*<code id=\"feed-url\">([^<]+)</code>.*", "$1");
            String path = java.net.URI.create(url).getPath();

            HttpResponse<String> fetched = server.client().get(path);
            assertThat(fetched.statusCode()).isEqualTo(200);
            Calendar calendar = new CalendarBuilder().build(new StringReader(fetched.body()));
            assertThat(calendar.getComponents("VEVENT")).isNotEmpty();
            assertThat(fetched.body()).contains("Europe/Berlin");
            assertThat(server.services().audit().search(backstop.account.AuditQuery.latest(3)))
                    .anySatisfy(entry -> {
                        assertThat(entry.action()).isEqualTo("plan.feed.read");
                        assertThat(entry.subject()).isEqualTo("dana");
                    });

            assertThat(server.client().get("/calendar/not-a-token.ics").statusCode())
                    .isEqualTo(404);
            assertThat(dana.post("/plan/calendar/feed", java.util.Map.of("zone", "Nowhere/Town"))
                            .statusCode())
                    .isEqualTo(400);
            dana.get("/plan");
            dana.post("/plan/calendar/feed/delete", java.util.Map.of());
            assertThat(server.client().get(path).statusCode()).isEqualTo(404);
        }
    }

    @BothDatabases
    void afterASoonResultAPlanNeedsThePersonToConfirmADoctorClearedExercise(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.intakeOf("28-soon-constant-pain.json"));
            assertThat(dana.json("POST", "/api/v1/plans", "{}").statusCode()).isEqualTo(409);
            assertThat(dana.json("POST", "/api/v1/plans", "{\"cleared_by_clinician\": \"yes\"}")
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> cleared = dana.json("POST", "/api/v1/plans", "{\"cleared_by_clinician\": true}");
            assertThat(cleared.statusCode()).isEqualTo(201);
            assertThat(cleared.body()).contains("doctor said exercise is safe");
        }
    }

    @BothDatabases
    void afterAnEmergencyNoConfirmationIsEnough(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = assessedPerson(server, Intakes.heartWarning());
            assertThat(dana.json("POST", "/api/v1/plans", "{\"cleared_by_clinician\": true}")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(dana.get("/plan").body()).doesNotContain("id=\"cleared-form\"");
        }
    }
}
