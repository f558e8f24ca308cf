package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;

/** {@code /api/v1/assessments} against the running app. */
class AssessmentApiTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void anIntakeIsAssessedStoredAndReadBack(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> created = dana.json("POST", "/api/v1/assessments", Intakes.deskWorker());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body())
                    .contains(
                            "\"urgency\":\"self_care\"",
                            "\"red_flags\":[]",
                            "\"causes\":[",
                            "\"cause\":\"postural_strain\"",
                            "\"findings\":",
                            "\"rules_version\":",
                            "\"evidence\":[");
            String id = created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
            assertThat(dana.get("/api/v1/assessments/" + id).statusCode()).isEqualTo(200);
            assertThat(dana.get("/api/v1/assessments").body()).startsWith("[{\"id\":" + id);
            assertThat(dana.get("/assessments/" + id).body()).contains("No warning signs found");
        }
    }

    @BothDatabases
    void anEmergencyAnswerGivesOnlyTheEmergency(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> created = dana.json("POST", "/api/v1/assessments", Intakes.heartWarning());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"urgency\":\"emergency\"", "\"causes\":[]");
        }
    }

    @BothDatabases
    void aBadIntakeIsRefusedNamingEachFieldAndNothingIsStored(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String bad = Intakes.deskWorker()
                    .replace("\"now\": 4", "\"now\": \"four\"")
                    .replace("\"hours\": 8", "\"hours\": 30")
                    .replace("\"age\": 34", "\"age\": 34, \"favourite_colour\": \"blue\"");
            HttpResponse<String> refused = dana.json("POST", "/api/v1/assessments", bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains("\"field\":\"pain.now\"", "\"field\":\"desk.hours\"", "favourite_colour");
            assertThat(dana.json("POST", "/api/v1/assessments", "{\"pain\": ").statusCode())
                    .isEqualTo(400);
            assertThat(dana.json("POST", "/api/v1/assessments", "[]").statusCode())
                    .isEqualTo(400);
            assertThat(dana.get("/api/v1/assessments").body()).isEqualTo("[]");
        }
    }

    @BothDatabases
    void anotherPersonsAssessmentIsForbidden(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String id = dana.json("POST", "/api/v1/assessments", Intakes.deskWorker())
                    .body()
                    .replaceAll("^\\{\"id\":(\\d+),.*", "$1");
            WebClient eli = server.client();
            eli.register("eli", PASSWORD);
            assertThat(eli.get("/api/v1/assessments/" + id).statusCode()).isEqualTo(403);
            HttpResponse<String> page = eli.get("/assessments/" + id);
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).doesNotContain("postural");
            assertThat(eli.get("/api/v1/assessments/abc").statusCode()).isEqualTo(400);
        }
    }

    @BothDatabases
    void theSchemaIsPublished(Database database) {
        try (TestServer server = TestServer.start(database)) {
            HttpResponse<String> schema = server.client().get("/api/v1/assessments/schema");
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.body())
                    .contains("\"$schema\"", "intake-v2", "intake_version", "saddle_numbness", "red_flags");
            assertThat(server.client().get("/api/v1/assessments/schema/1").body())
                    .contains("intake-v1")
                    .doesNotContain("saddle_numbness");
            assertThat(server.client().get("/api/v1/assessments/schema/2").body())
                    .contains("intake-v2");
            assertThat(server.client().get("/api/v1/assessments/schema/9").statusCode())
                    .isEqualTo(404);
            assertThat(server.client().get("/api/v1/assessments/schema/two").statusCode())
                    .isEqualTo(400);
        }
    }

    @BothDatabases
    void aVersion2IntakeWithANewWarningSignIsStoredWithItsUrgencyAndFlag(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            ObjectNode intake = TestIntakes.benign();
            TestIntakes.with(intake, "red_flags.attacks_after_meals", "true");

            HttpResponse<String> created = dana.json("POST", "/api/v1/assessments", intake.toString());

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body())
                    .contains(
                            "\"urgency\":\"soon\"",
                            "\"id\":\"gut_attacks_after_meals\"",
                            "\"rules_version\":\"assessment-rules-2\"",
                            "\"intake_version\":2",
                            "\"not_asked\":[]");
            String id = created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
            assertThat(dana.get("/assessments/" + id).body())
                    .contains("in the next week or two", "checked with version 2 of Backstop");
        }
    }

    @BothDatabases
    void aVersion1IntakeIsStillAcceptedAndSaysWhatItDidNotAsk(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);

            HttpResponse<String> created = dana.json("POST", "/api/v1/assessments", Intakes.deskWorker());

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"intake_version\":1", "\"field\":\"red_flags.saddle_numbness\"");
            String id = created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
            assertThat(dana.get("/assessments/" + id).body()).contains("id=\"not-asked\"", "Take the assessment again");
        }
    }

    @BothDatabases
    void anAssessmentStoredUnderTheFirstRulesIsShownUnderThoseRules(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            long person =
                    database.withHandle(handle -> handle.createQuery("SELECT id FROM users WHERE username = 'dana'")
                            .mapTo(Long.class)
                            .one());
            AssessmentResult old =
                    AssessmentResult.fromJson(Json.resource("/assessment/stored/rules-1-desk-worker.result.json")
                            .toString());
            long id = database.inTransaction(handle -> new AssessmentStore()
                    .insert(
                            handle,
                            person,
                            java.time.Instant.parse("2026-01-05T10:00:00Z"),
                            Intakes.deskWorker(),
                            old));

            String page = dana.get("/assessments/" + id).body();

            assertThat(page).contains("checked with version 1 of Backstop", "id=\"earlier-rules\"", "100 / 100");
            assertThat(dana.get("/api/v1/assessments/" + id).body())
                    .contains("\"rules_version\":\"assessment-rules-1\"");
        }
    }

    @BothDatabases
    void aBadVersion2IntakeIsRefusedNamingTheNewFields(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            ObjectNode intake = TestIntakes.benign();
            TestIntakes.with(intake, "red_flags.heart_risks", "[\"cigars\"]");
            TestIntakes.with(intake, "factors.rest", "\"sometimes\"");
            ((ObjectNode) intake.get("red_flags")).remove("saddle_numbness");

            HttpResponse<String> refused = dana.json("POST", "/api/v1/assessments", intake.toString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body())
                    .contains(
                            "\"field\":\"red_flags.heart_risks\"",
                            "\"field\":\"factors.rest\"",
                            "\"field\":\"red_flags.saddle_numbness\"");
            assertThat(dana.get("/api/v1/assessments").body()).isEqualTo("[]");
        }
    }
}
