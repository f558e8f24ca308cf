package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** {@code /api/v1/diary} and the diary pages against the running app. */
class DiaryApiTest {
    private static final String PASSWORD = "a long enough secret";

    private static WebClient person(TestServer server) {
        server.client().register("owner", PASSWORD);
        WebClient dana = server.client();
        dana.register("dana", PASSWORD);
        return dana;
    }

    private static String yesterday(TestServer server) {
        return server.services().diary().today().minusDays(1).toString();
    }

    @BothDatabases
    void aDayIsCheckedInReadBackAndItsHistoryKept(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = person(server);
            String date = yesterday(server);
            HttpResponse<String> saved = dana.json(
                    "PUT",
                    "/api/v1/diary/" + date,
                    "{\"pain_am\": 3, \"pain_pm\": 5, \"desk_hours\": 7.5, \"sleep_position\": \"side\", \"arm_load\": 1,"
                            + " \"locations\": [\"between_shoulder_blades\"], \"note\": \"long meeting\"}");
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body())
                    .contains("\"pain_pm\":5", "\"desk_hours\":7.5", "\"revision\":1", "\"stress\":null");
            dana.json("PUT", "/api/v1/diary/" + date, "{\"pain_pm\": 6}");
            assertThat(dana.get("/api/v1/diary/" + date).body()).contains("\"pain_pm\":6", "\"pain_am\":null");
            assertThat(dana.get("/api/v1/diary/" + date + "/history").body())
                    .contains("\"revision\":2", "\"revision\":1", "long meeting");
            assertThat(dana.get("/api/v1/diary").body()).contains("\"date\":\"" + date + "\"");
        }
    }

    @BothDatabases
    void badValuesAreNamedAndNothingIsSaved(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = person(server);
            String date = yesterday(server);
            HttpResponse<String> bad = dana.json(
                    "PUT",
                    "/api/v1/diary/" + date,
                    "{\"pain_am\": 12, \"desk_hours\": \"lots\", \"sleep_position\": \"couch\", \"mood\": 3,"
                            + " \"locations\": [\"knee\"], \"breaks\": 2.5}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body())
                    .contains(
                            "\"field\":\"desk_hours\"",
                            "\"field\":\"sleep_position\"",
                            "\"field\":\"mood\"",
                            "\"field\":\"breaks\"");
            HttpResponse<String> range =
                    dana.json("PUT", "/api/v1/diary/" + date, "{\"pain_am\": 12, \"locations\": [\"knee\"]}");
            assertThat(range.body()).contains("\"field\":\"pain_am\"", "\"field\":\"locations\"");
            assertThat(dana.json("PUT", "/api/v1/diary/2026-02-30", "{}").body())
                    .contains("\"field\":\"date\"");
            assertThat(dana.json("PUT", "/api/v1/diary/" + date, "[1]").statusCode())
                    .isEqualTo(400);
            assertThat(dana.get("/api/v1/diary/" + date).statusCode()).isEqualTo(404);
            assertThat(dana.get("/api/v1/diary?from=yesterday").statusCode()).isEqualTo(400);
        }
    }

    @BothDatabases
    void aCsvIsImportedAndExportedThroughTheApi(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = person(server);
            String csv = DiaryCsv.HEADER + "\r\n2026-01-05,2,4,8,90,3,10,5,6,side,1,\"first, day\"\r\n"
                    + "2026-01-06,,3,,,,,,,,,\r\n";
            HttpResponse<String> imported =
                    dana.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/import")))
                            .header("Content-Type", "text/csv")
                            .header("X-CSRF-Token", dana.csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(csv))
                            .build());
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(imported.body()).contains("\"added\":2");
            HttpResponse<String> exported = dana.get("/api/v1/diary/export");
            assertThat(exported.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            // The export adds where it hurt and what kind of pain after the interchange columns.
            assertThat(exported.body())
                    .isEqualTo(DiaryCsv.HEADER + ",locations,pain_kinds\r\n"
                            + "2026-01-05,2,4,8,90,3,10,5,6,side,1,\"first, day\",,\r\n"
                            + "2026-01-06,,3,,,,,,,,,,,\r\n");
        }
    }

    @BothDatabases
    void aCsvWithBadRowsIsRefusedWholeUnlessSkipBadIsAsked(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = person(server);
            String csv = DiaryCsv.HEADER + "\r\n2026-01-05,2,4,8,90,3,10,5,6,side,1,ok\r\n2026-01-06,11,3,,,,,,,,,\r\n";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/import")))
                    .header("Content-Type", "text/csv")
                    .header("X-CSRF-Token", dana.csrf())
                    .POST(HttpRequest.BodyPublishers.ofString(csv));
            HttpResponse<String> refused = dana.send(request.build());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("line 3, pain_am");
            assertThat(dana.get("/api/v1/diary?from=2026-01-01&to=2026-01-31").body())
                    .isEqualTo("[]");
            HttpResponse<String> skipped =
                    dana.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/import?skip_bad=true")))
                            .header("Content-Type", "text/csv")
                            .header("X-CSRF-Token", dana.csrf())
                            .POST(HttpRequest.BodyPublishers.ofString(csv))
                            .build());
            assertThat(skipped.body()).contains("\"added\":1", "line 3, pain_am");
            HttpResponse<String> wrongType = dana.json("POST", "/api/v1/diary/import", "{}");
            assertThat(wrongType.statusCode()).isEqualTo(400);
            assertThat(wrongType.body()).contains("Content-Type");
        }
    }

    @BothDatabases
    void theCheckInFormSavesAndShowsErrorsNextToTheirFields(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = person(server);
            String date = yesterday(server);
            dana.get("/diary/" + date);
            HttpResponse<String> bad = dana.post("/diary/" + date, Map.of("pain_pm", "4", "desk_hours", "30"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("data-field=\"desk_hours\"");
            HttpResponse<String> good = dana.post(
                    "/diary/" + date,
                    Map.of("pain_pm", "4", "desk_hours", "7.5", "sleep_position", "back", "note", ""));
            assertThat(good.statusCode()).isEqualTo(302);
            assertThat(dana.get("/diary").body())
                    .contains("data-date=\"" + date + "\"")
                    .contains("pain – → 4");
        }
    }
}
