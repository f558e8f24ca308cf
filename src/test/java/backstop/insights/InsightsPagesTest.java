package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.SimulatorSettings;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** A person's insights over HTTP, computed from the diary they imported. */
class InsightsPagesTest {
    private static final String PASSWORD = "a long enough secret";

    private static void importDiary(TestServer server, WebClient client, int days) {
        String csv = DiarySimulator.simulateToCsv(SimulatorSettings.defaults(days, 42)
                .withStart(server.services().diary().today().minusDays(days))
                .withEffects(List.of(Effect.parse("desk_hours:0:0.5"), Effect.parse("stress:0:0.3"))));
        HttpResponse<String> imported =
                client.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/import")))
                        .header("Content-Type", "text/csv")
                        .header("X-CSRF-Token", client.csrf())
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build());
        assertThat(imported.statusCode()).isEqualTo(200);
    }

    @BothDatabases
    void aYearOfDiaryGivesTriggersEpisodesAndAForecast(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            importDiary(server, dana, 365);
            HttpResponse<String> response = dana.get("/api/v1/insights");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode report = Json.mapper().readTree(response.body());
            assertThat(report.get("status").asText()).isEqualTo("ok");
            assertThat(report.get("days").asInt()).isGreaterThan(300);
            assertThat(report.get("model").asText()).isIn("joint", "per_habit");
            assertThat(report.get("triggers")).isNotEmpty();
            assertThat(report.has("episodes")).isTrue();
            assertThat(report.has("recurrence")).isTrue();
            JsonNode desk = null;
            for (JsonNode trigger : report.get("triggers")) {
                if (trigger.get("habit").asText().equals("desk_hours")
                        && trigger.get("lag").asInt() == 0) {
                    desk = trigger;
                }
            }
            assertThat(desk).isNotNull();
            assertThat(desk.get("significant").asBoolean()).isTrue();
            assertThat(desk.get("ci_low").asDouble()).isLessThan(0.5);
            assertThat(desk.get("ci_high").asDouble()).isGreaterThan(0.5);
            assertThat(report.get("cards")).isNotEmpty();

            String page = dana.get("/insights").body();
            assertThat(page).contains("data-habit=\"desk_hours\"", "class=\"trigger-chart\"", "Tomorrow");
        }
    }

    @BothDatabases
    void aShortDiarySaysWhatIsMissingInsteadOfANumber(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            importDiary(server, dana, 20);
            JsonNode report =
                    Json.mapper().readTree(dana.get("/api/v1/insights").body());
            assertThat(report.get("status").asText()).isEqualTo("insufficient_data");
            assertThat(report.get("reason").asText()).isNotBlank();
            assertThat(dana.get("/insights").body()).contains("id=\"insufficient\"");
        }
    }
}
