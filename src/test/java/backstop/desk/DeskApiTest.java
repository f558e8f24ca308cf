package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.db.DatabaseTest;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/v1/desk}: events in (idempotent, validated), the day into the diary, the history back out. */
class DeskApiTest {
    private static final String PASSWORD = "a long enough secret";

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    private static String event(String id, String type, String at) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"at\": \"" + at + "\"}";
    }

    private static int events(Database database) {
        return DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_events");
    }

    private record People(TestServer server, WebClient dana, WebClient eli, LocalDate day) {
        String at(String time) {
            return day + "T" + time + ":00+01:00";
        }

        HttpResponse<String> post(String body) {
            return dana.json("POST", "/api/v1/desk/events", body);
        }
    }

    private static People people(TestServer server) {
        server.client().register("owner", PASSWORD);
        WebClient dana = server.client();
        dana.register("dana", PASSWORD);
        WebClient eli = server.client();
        eli.register("eli", PASSWORD);
        return new People(server, dana, eli, server.services().diary().today().minusDays(2));
    }

    @BothDatabases
    void aRetriedEventIsRecordedOnceAndAReusedIdWithOtherContentIsAConflict(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            HttpResponse<String> first = p.post(event("start-1", "work_start", p.at("09:00")));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
            assertThat(json(first).get("repeat").asBoolean()).isFalse();

            HttpResponse<String> retry = p.post(event("start-1", "work_start", p.at("09:00")));
            assertThat(retry.statusCode()).isEqualTo(200);
            assertThat(json(retry).get("repeat").asBoolean()).isTrue();
            assertThat(json(retry).get("day").get("sessions").asInt()).isEqualTo(1);

            HttpResponse<String> reused = p.post(event("start-1", "work_stop", p.at("10:00")));
            assertThat(reused.statusCode()).isEqualTo(409);
            assertThat(events(database)).isEqualTo(1);
        }
    }

    @BothDatabases
    void badEventsAreRefusedNamingTheFieldAndChangeNothing(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            List<String[]> cases = new ArrayList<>();
            cases.add(new String[] {"{\"type\": \"work_start\", \"at\": \"" + p.at("09:00") + "\"}", "id"});
            cases.add(new String[] {event("a b", "work_start", p.at("09:00")), "id"});
            cases.add(new String[] {event("x1", "coffee", p.at("09:00")), "type"});
            cases.add(new String[] {event("x2", "work_start", p.day() + "T09:00:00"), "at"});
            cases.add(new String[] {event("x3", "work_start", "yesterday"), "at"});
            cases.add(new String[] {event("x4", "work_start", "2099-01-01T09:00:00Z"), "at"});
            cases.add(new String[] {event("x5", "break_taken", p.at("09:00")), "type"});
            cases.add(new String[] {
                "{\"id\": \"x6\", \"type\": \"work_start\", \"at\": \"" + p.at("09:00") + "\", \"kind\": \"micro\"}",
                "kind"
            });
            cases.add(new String[] {
                "{\"id\": \"x7\", \"type\": \"work_start\", \"at\": \"" + p.at("09:00") + "\", \"mood\": 3}", "mood"
            });
            cases.add(new String[] {"[1, 2]", "body"});
            cases.add(new String[] {"{\"id\": ", "body"});
            for (String[] bad : cases) {
                HttpResponse<String> response = p.post(bad[0]);
                assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
                assertThat(json(response).get("fields").get(0).get("field").asText())
                        .as(bad[0])
                        .isEqualTo(bad[1]);
            }
            assertThat(events(database)).isZero();
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM diary_measured"))
                    .isZero();
        }
    }

    @BothDatabases
    void workingDaysDoNotOverlapAndBreaksNeedOneAndComeInOrder(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            assertThat(p.post(event("s1", "work_start", p.at("09:00"))).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> second = p.post(event("s2", "work_start", p.at("09:30")));
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(second.body()).contains("\"field\":\"type\"").contains("already running since 09:00");
            HttpResponse<String> natural =
                    p.post("{\"id\": \"n1\", \"type\": \"break_taken\", \"kind\": \"natural\", \"at\": \""
                            + p.at("09:40") + "\"}");
            assertThat(natural.body()).contains("\"field\":\"seconds\"");
            assertThat(p.post(
                                    "{\"id\": \"b1\", \"type\": \"break_taken\", \"kind\": \"rest\", \"seconds\": 600, \"at\": \""
                                            + p.at("10:00") + "\"}")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> during = p.post(event("b2", "break_postponed", p.at("10:05")));
            assertThat(during.statusCode()).isEqualTo(400);
            assertThat(during.body()).contains("\"field\":\"at\"").contains("order");
            assertThat(p.post(event("e1", "work_stop", p.at("11:00"))).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> after = p.post(event("b3", "break_skipped", p.at("11:10")));
            assertThat(after.body()).contains("no working day is running");
            assertThat(events(database)).isEqualTo(3);
        }
    }

    @BothDatabases
    void postponesAndSkipsStopAtThePersonsLimits(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            p.dana().get("/desk");
            assertThat(p.dana()
                            .post(
                                    "/desk/settings",
                                    java.util.Map.ofEntries(
                                            java.util.Map.entry("micro_minutes", "30"),
                                            java.util.Map.entry("rest_minutes", "60"),
                                            java.util.Map.entry("rest_length_min", "5"),
                                            java.util.Map.entry("daily_limit_min", "300"),
                                            java.util.Map.entry("postpone_minutes", "5"),
                                            java.util.Map.entry("max_postpones", "1"),
                                            java.util.Map.entry("max_skips", "1"),
                                            java.util.Map.entry("idle_minutes", "10")))
                            .statusCode())
                    .isEqualTo(302);
            p.post(event("s", "work_start", p.at("09:00")));
            assertThat(p.post(event("p1", "break_postponed", p.at("09:30"))).statusCode())
                    .isEqualTo(201);
            HttpResponse<String> again = p.post(event("p2", "break_postponed", p.at("09:35")));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("no postpones left for this break");
            assertThat(p.post(event("k1", "break_skipped", p.at("09:36"))).statusCode())
                    .isEqualTo(201);
            assertThat(p.post(event("p3", "break_postponed", p.at("10:06"))).statusCode())
                    .as("the next break has its own postpone")
                    .isEqualTo(201);
            assertThat(p.post(event("k2", "break_skipped", p.at("10:12"))).body())
                    .contains("no skips left today");
        }
    }

    @BothDatabases
    void theDaysBreaksAndLongestStretchLandInTheDiaryAsMeasuredBesideThePersonsOwnValues(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            p.dana().json("PUT", "/api/v1/diary/" + p.day(), "{\"pain_pm\": 5, \"breaks\": 9}");
            p.post(event("s", "work_start", p.at("09:00")));
            p.post("{\"id\": \"m\", \"type\": \"break_taken\", \"kind\": \"micro\", \"seconds\": 30, \"at\": \""
                    + p.at("09:40") + "\"}");
            p.post("{\"id\": \"r\", \"type\": \"break_postponed\", \"kind\": \"rest\", \"at\": \"" + p.at("10:00")
                    + "\"}");
            HttpResponse<String> stop =
                    p.post(event("e", "work_stop", p.at("11:10:30").replace(":30:00", ":30")));
            assertThat(stop.statusCode()).as(stop.body()).isEqualTo(201);
            assertThat(json(stop).get("day").get("longest_sit_min").asInt()).isEqualTo(90);

            JsonNode diary = json(p.dana().get("/api/v1/diary/" + p.day()));
            assertThat(diary.get("breaks").asInt())
                    .as("the person typed 9; that stays")
                    .isEqualTo(9);
            assertThat(diary.get("longest_sit_min").asInt()).isEqualTo(90);
            assertThat(diary.get("desk_hours").asDouble()).isEqualTo(2.2);
            assertThat(diary.get("pain_pm").asInt()).isEqualTo(5);
            assertThat(diary.get("measured").toString()).isEqualTo("[\"desk_hours\",\"longest_sit_min\"]");

            JsonNode summary = json(p.dana().get("/api/v1/desk/summary?from=" + p.day() + "&to=" + p.day()));
            JsonNode day = summary.get("days").get(0);
            assertThat(day.get("date").asText()).isEqualTo(p.day().toString());
            assertThat(day.get("breaks_taken").asInt()).isEqualTo(1);
            assertThat(day.get("breaks_postponed").asInt()).isEqualTo(1);
            assertThat(day.get("pain_pm").asInt()).isEqualTo(5);
            assertThat(summary.get("weeks").get(0).get("breaks_taken").asInt()).isEqualTo(1);
            assertThat(summary.get("does_it_help")
                            .get("sitting_stretch")
                            .get("status")
                            .asText())
                    .isEqualTo("not_enough_data");
            assertThat(summary.get("does_it_help")
                            .get("sitting_stretch")
                            .get("text")
                            .asText())
                    .startsWith("Not enough data yet");

            assertThat(p.eli().get("/api/v1/diary/" + p.day()).statusCode())
                    .as("another person sees none of it")
                    .isEqualTo(404);
            assertThat(json(p.eli().get("/api/v1/desk/summary?from=" + p.day() + "&to=" + p.day()))
                            .get("days"))
                    .isEmpty();
        }
    }

    @BothDatabases
    void aDayWithTwoWorkingDaysAcrossMidnightIsMeasuredWhole(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            LocalDate before = p.day().minusDays(1);
            LocalDate after = p.day().plusDays(1);
            p.post(event("a1", "work_start", before + "T22:00:00+01:00"));
            p.post(event("a2", "work_stop", p.at("01:00")));
            p.post(event("b1", "work_start", p.at("20:00")));
            HttpResponse<String> stop = p.post(event("b2", "work_stop", after + "T00:30:00+01:00"));
            assertThat(stop.statusCode()).as(stop.body()).isEqualTo(201);
            // 00:00-01:00 from the first working day and 20:00-24:00 from the second: five hours.
            assertThat(json(p.dana().get("/api/v1/diary/" + p.day()))
                            .get("desk_hours")
                            .asDouble())
                    .isEqualTo(5.0);
            assertThat(json(p.dana().get("/api/v1/diary/" + after))
                            .get("desk_hours")
                            .asDouble())
                    .isEqualTo(0.5);
            assertThat(json(p.dana().get("/api/v1/diary/" + before))
                            .get("longest_sit_min")
                            .asInt())
                    .isEqualTo(120);
        }
    }

    @BothDatabases
    void theWorkingDayNowComesWithTheScheduleForTheDevicesOffset(Database database) {
        try (TestServer server = TestServer.start(database)) {
            People p = people(server);
            JsonNode today = json(p.dana().get("/api/v1/desk/today?offset=%2B01:00&zone=Europe/Berlin"));
            assertThat(today.get("settings").get("micro_minutes").asInt())
                    .as("no plan: the plan generator's default")
                    .isEqualTo(40);
            assertThat(today.get("settings").get("rest_minutes").asInt()).isEqualTo(60);
            assertThat(today.get("state").get("working").asBoolean()).isFalse();
            assertThat(today.get("exercises")).isNotEmpty();
            assertThat(today.get("exercises").get(0).get("illustration").asText())
                    .endsWith("/illustration.svg");
            assertThat(today.get("exercises").get(0).get("seconds").asInt()).isBetween(30, 60);
            assertThat(p.dana().get("/api/v1/desk/today?offset=teatime").body()).contains("\"field\":\"offset\"");
            assertThat(p.dana().get("/api/v1/desk/today?zone=Mars/Olympus").body())
                    .contains("\"field\":\"zone\"");
            assertThat(p.dana().get("/api/v1/desk/summary?from=2026-13-01").body())
                    .contains("\"field\":\"from\"");
            assertThat(server.client().get("/api/v1/desk/today").statusCode()).isEqualTo(401);
            String document = p.dana().get("/api/v1/openapi.json").body();
            assertThat(document).contains("/api/v1/desk/events", "/api/v1/desk/summary", "/api/v1/desk/today");
        }
    }
}
