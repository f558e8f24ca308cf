package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.WebClient;
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
            assertThat(schema.body()).contains("\"$schema\"", "intake-v1", "red_flags");
        }
    }
}
