package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import java.net.http.HttpResponse;
import java.util.Map;

/** A person's own data leaves with them: the export holds every feature's data, deletion removes all of it. */
class PersonalDataTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void theExportHoldsEveryFeaturesDataAndDeletionRemovesIt(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String yesterday = server.services().diary().today().minusDays(1).toString();
            dana.json("PUT", "/api/v1/diary/" + yesterday, "{\"pain_pm\": 4}");
            dana.json("PUT", "/api/v1/diary/" + yesterday, "{\"pain_pm\": 5}");
            String intake = new String(
                    PersonalDataTest.class
                            .getResourceAsStream("/assessment/vignettes/01-desk-worker-laptop.json")
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            String body =
                    backstop.json.Json.mapper().readTree(intake).get("intake").toString();
            assertThat(dana.json("POST", "/api/v1/assessments", body).statusCode())
                    .isEqualTo(201);

            HttpResponse<String> export = dana.get("/api/v1/me/export");
            assertThat(export.statusCode()).isEqualTo(200);
            var document = backstop.json.Json.mapper().readTree(export.body());
            assertThat(document.get("assessments")).hasSize(1);
            assertThat(document.get("assessments")
                            .get(0)
                            .get("intake")
                            .get("age")
                            .asInt())
                    .isEqualTo(34);
            assertThat(document.get("diary")).hasSize(1);
            assertThat(document.get("diary").get(0).get("pain_pm").asInt()).isEqualTo(5);
            assertThat(document.get("diary").get(0).get("revisions")).hasSize(2);

            dana.get("/account");
            assertThat(dana.post("/account/delete", Map.of("password", PASSWORD, "confirm", "DELETE"))
                            .statusCode())
                    .isEqualTo(302);
            for (String table : new String[] {"assessments", "diary_days", "diary_revisions", "sessions"}) {
                assertThat(backstop.db.DatabaseTest.number(
                                database,
                                "SELECT COUNT(*) FROM " + table
                                        + (table.equals("sessions") ? " WHERE user_id <> 1" : "")))
                        .as(table)
                        .isZero();
            }
        }
    }
}
