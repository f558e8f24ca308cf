package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.db.DatabaseTest;
import backstop.error.BadInputException;
import backstop.json.Json;
import backstop.web.TestServer;
import backstop.web.WebClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Desk page's forms: settings, calendar, experiment, the day without script; and the person's data. */
class DeskPagesTest {
    private static final String PASSWORD = "a long enough secret";
    private static final String CALENDAR = BusyCalendarTest.read("/desk/work-calendar.ics");

    private static Map<String, String> settings(String micro) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("micro_minutes", micro);
        form.put("rest_minutes", "60");
        form.put("rest_length_min", "5");
        form.put("daily_limit_min", "300");
        form.put("postpone_minutes", "5");
        form.put("max_postpones", "2");
        form.put("max_skips", "3");
        form.put("idle_minutes", "10");
        form.put("strict", "on");
        return form;
    }

    private static HttpResponse<String> upload(TestServer server, WebClient client, String name, String content) {
        String boundary = "----desk" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + client.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: text/calendar\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return client.send(HttpRequest.newBuilder(URI.create(server.url("/desk/calendar")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    @BothDatabases
    void thePageOffersTheDayAndSettingsAreSavedOrRefusedNamingTheField(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            HttpResponse<String> page = dana.get("/desk");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("Start my working day", "rel=\"manifest\"", "Do breaks help me?")
                    .contains("Not enough data yet");

            HttpResponse<String> bad = dana.post("/desk/settings", settings("0"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("data-field=\"micro_minutes\"");
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_settings"))
                    .isZero();
            Map<String, String> wrongOrder = settings("90");
            assertThat(dana.post("/desk/settings", wrongOrder).body()).contains("data-field=\"rest_minutes\"");

            dana.get("/desk");
            assertThat(dana.post("/desk/settings", settings("25")).statusCode()).isEqualTo(302);
            String saved = dana.get("/api/v1/desk/today").body();
            assertThat(saved).contains("\"micro_minutes\":25", "\"strict\":true", "\"follow_plan\":false");
        }
    }

    @BothDatabases
    void theDayStartsAndStopsWithoutScriptAndSendingTheFormTwiceRecordsOnce(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            dana.get("/desk");
            Map<String, String> start = Map.of("action", "start", "id", "form-1", "offset", "+01:00");
            assertThat(dana.post("/desk/day", start).statusCode()).isEqualTo(302);
            assertThat(dana.post("/desk/day", start).statusCode()).isEqualTo(302);
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_events"))
                    .isEqualTo(1);
            assertThat(dana.get("/desk").body()).contains("Working since");
            assertThat(dana.post("/desk/day", Map.of("action", "nap", "id", "form-2"))
                            .statusCode())
                    .isEqualTo(400);
            assertThat(dana.post("/desk/day", Map.of("action", "stop", "id", "form-3", "offset", "+01:00"))
                            .statusCode())
                    .isEqualTo(302);
            assertThat(dana.get("/desk").body()).contains("Not at the desk");
        }
    }

    @BothDatabases
    void anUploadedCalendarKeepsOnlyTimesAndAFileThatIsNoCalendarIsRefused(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            dana.get("/desk");
            HttpResponse<String> refused = upload(server, dana, "diary.csv", "date,pain_pm\n2026-03-01,4\n");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("data-field=\"file\"");
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_calendars"))
                    .isZero();

            dana.get("/desk");
            assertThat(upload(server, dana, "work.ics", CALENDAR).statusCode()).isEqualTo(302);
            String kept = database.withHandle(h -> h.createQuery("SELECT ics FROM desk_calendars")
                    .mapTo(String.class)
                    .one());
            assertThat(kept).doesNotContain("Team standup", "Room 4.12", "kim@example.org");
            assertThat(dana.get("/desk").body()).contains("uploaded file with 9 events");

            dana.get("/desk");
            assertThat(dana.post("/desk/calendar/delete", Map.of()).statusCode())
                    .isEqualTo(302);
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_calendars"))
                    .isZero();
        }
    }

    @BothDatabases
    void aCalendarAddressInsideTheServersNetworkIsRefused(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            for (String address : new String[] {
                server.url("/static/favicon.svg"), "http://10.0.0.8/cal.ics", "ftp://example.org/cal.ics", "calendar"
            }) {
                dana.get("/desk");
                HttpResponse<String> response = dana.post("/desk/calendar", Map.of("calendar_url", address));
                assertThat(response.statusCode()).as(address).isEqualTo(400);
                assertThat(response.body()).as(address).contains("data-field=\"calendar_url\"");
            }
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_calendars"))
                    .isZero();
        }
    }

    @Test
    void internalAddressesAreRecognised() throws Exception {
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("127.0.0.1")))
                .isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("192.168.1.20")))
                .isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("169.254.169.254")))
                .isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("100.100.1.1")))
                .isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("::1"))).isTrue();
        assertThat(CalendarFetcher.isInternal(InetAddress.getByName("93.184.215.14")))
                .isFalse();
        assertThat(CalendarFetcher.address("webcal://calendar.example.org/a.ics")
                        .getScheme())
                .isEqualTo("https");
    }

    @BothDatabases
    void aSubscribedCalendarIsFetchedThenFetchedAgainWhenAnHourOldAndAFailedFetchKeepsTheOldCopy(Database database)
            throws Exception {
        HttpServer calendars = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String[] served = {CALENDAR};
        int[] status = {200};
        calendars.createContext("/work.ics", exchange -> {
            byte[] body = served[0].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(status[0], status[0] == 200 ? body.length : -1);
            if (status[0] == 200) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        calendars.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/work.ics");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        calendars.start();
        try {
            TestClock clock = TestClock.startingAt("2026-03-02T08:00:00Z");
            Services services = Services.wire(database, clock);
            User dana = services.accounts().register("dana", "", PASSWORD, Caller.anonymous("t"));
            Caller asDana = Caller.of(dana, "t");
            DeskService desk = new DeskService(
                    database,
                    services.audit(),
                    clock,
                    services.diary(),
                    services.plans(),
                    services.exercises(),
                    CalendarFetcher.allowingPrivateAddresses());
            String address = "http://127.0.0.1:" + calendars.getAddress().getPort();
            assertThat(desk.subscribeCalendar(dana, address + "/moved", asDana).events())
                    .isEqualTo(9);
            assertThat(desk.today(dana, ZoneOffset.ofHours(1), ZoneOffset.ofHours(1), asDana)
                            .busy())
                    .extracting(Pause::from)
                    .contains(Instant.parse("2026-03-02T08:30:00Z"), Instant.parse("2026-03-02T13:00:00Z"));

            served[0] = CALENDAR.replace("DTSTART:20260302T130000Z", "DTSTART:20260302T150000Z");
            clock.advance(java.time.Duration.ofMinutes(30));
            assertThat(desk.today(dana, ZoneOffset.UTC, ZoneOffset.UTC, asDana).busy())
                    .as("not an hour old yet: the copy is used")
                    .extracting(Pause::from)
                    .contains(Instant.parse("2026-03-02T13:00:00Z"));
            clock.advance(java.time.Duration.ofMinutes(31));
            assertThat(desk.today(dana, ZoneOffset.UTC, ZoneOffset.UTC, asDana).busy())
                    .extracting(Pause::from)
                    .contains(Instant.parse("2026-03-02T15:00:00Z"))
                    .doesNotContain(Instant.parse("2026-03-02T13:00:00Z"));

            status[0] = 500;
            clock.advance(java.time.Duration.ofMinutes(61));
            assertThat(desk.today(dana, ZoneOffset.UTC, ZoneOffset.UTC, asDana).calendar())
                    .hasValueSatisfying(info -> {
                        assertThat(info.error())
                                .hasValueSatisfying(error -> assertThat(error).contains("500"));
                        assertThat(info.events()).isEqualTo(9);
                    });
            assertThatThrownBy(() -> desk.subscribeCalendar(dana, address + "/work.ics", asDana))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("calendar_url");
        } finally {
            calendars.stop(0);
        }
    }

    @BothDatabases
    void theExperimentStartsAndStopsAndASuggestionNotBackedByTheDataIsRefused(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            dana.get("/desk");
            assertThat(dana.post("/desk/experiment", Map.of("action", "start")).statusCode())
                    .isEqualTo(302);
            assertThat(dana.get("/desk").body()).contains("Running since", "Stop the experiment");
            assertThat(dana.get("/api/v1/desk/today").body()).contains("\"reminders\":true", "\"phase\":1");
            assertThat(dana.post("/desk/experiment", Map.of("action", "stop")).statusCode())
                    .isEqualTo(302);
            dana.get("/desk");
            assertThat(dana.post("/desk/experiment", Map.of("action", "stop")).statusCode())
                    .as("nothing left to stop")
                    .isEqualTo(409);
            dana.get("/desk");
            assertThat(dana.post("/desk/suggestion", Map.of("minutes", "20")).statusCode())
                    .isEqualTo(400);
        }
    }

    @BothDatabases
    void whenLongSittingGoesWithMorePainAShorterIntervalIsOfferedWithTheEvidenceAndTakenOnlyWhenChosen(
            Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            User person = server.services().accounts().findByUsername("dana").orElseThrow();
            String diary =
                    backstop.diary.DiarySimulator.simulateToCsv(backstop.diary.SimulatorSettings.defaults(180, 11)
                            .withStart(server.services().diary().today().minusDays(180))
                            .withEffects(java.util.List.of(backstop.diary.Effect.parse("longest_sit_min:0:0.04"))));
            server.services()
                    .diary()
                    .importCsv(person, diary, backstop.diary.ImportMode.STRICT, Caller.of(person, "t"));

            String page = dana.get("/desk").body();
            assertThat(page).contains("For you, breaking up long sitting seems to go with less pain.");
            assertThat(page)
                    .contains("A micro-break every 30 minutes instead of 40", "Nothing changes unless you choose it");
            assertThat(dana.get("/api/v1/desk/today").body())
                    .as("nothing changed yet")
                    .contains("\"micro_minutes\":40");

            dana.get("/desk");
            assertThat(dana.post("/desk/suggestion", Map.of("minutes", "30")).statusCode())
                    .isEqualTo(302);
            assertThat(dana.get("/api/v1/desk/today").body()).contains("\"micro_minutes\":30", "\"follow_plan\":false");
            assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'desk.settings'"))
                    .isEqualTo(1);
        }
    }

    @BothDatabases
    void thePersonsDeskDataIsInTheirExportAndGoesWithTheirAccount(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String day = server.services().diary().today().minusDays(1).toString();
            dana.json(
                    "POST",
                    "/api/v1/desk/events",
                    "{\"id\": \"a\", \"type\": \"work_start\", \"at\": \"" + day + "T09:00:00Z\"}");
            dana.json(
                    "POST",
                    "/api/v1/desk/events",
                    "{\"id\": \"b\", \"type\": \"break_taken\", \"at\": \"" + day + "T09:30:00Z\"}");
            dana.get("/desk");
            dana.post("/desk/settings", settings("30"));
            dana.get("/desk");
            upload(server, dana, "work.ics", CALENDAR);

            var export =
                    Json.mapper().readTree(dana.get("/api/v1/me/export").body()).get("desk");
            assertThat(export.get("events")).hasSize(2);
            assertThat(export.get("events").get(1).get("type").asText()).isEqualTo("break_taken");
            assertThat(export.get("settings").get("micro_minutes").asInt()).isEqualTo(30);
            assertThat(export.get("calendar").get("events").asInt()).isEqualTo(9);
            assertThat(export.get("measured_days").get(0).get("breaks").asInt()).isEqualTo(1);

            dana.get("/account");
            assertThat(dana.post("/account/delete", Map.of("password", PASSWORD, "confirm", "DELETE"))
                            .statusCode())
                    .isEqualTo(302);
            for (String table : new String[] {"desk_events", "desk_settings", "desk_calendars", "diary_measured"}) {
                assertThat(DatabaseTest.number(database, "SELECT COUNT(*) FROM " + table))
                        .as(table)
                        .isZero();
            }
        }
    }
}
