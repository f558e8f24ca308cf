package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.desk.SimulatedDays.Day;
import backstop.desk.SimulatedDays.Probe;
import backstop.json.Json;
import backstop.web.Browser;
import backstop.web.TestServer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's timer (desk-timer.js, run in the real browser) and the server's (BreakTimer, DeskTimeline) agree on
 * every minute of every simulated day: the same break due at the same moment, the same pauses, limits and totals.
 */
class DeskTimerMirrorTest {

    @Test
    void thePagesTimerAndTheServersAgreeMinuteByMinute() throws JsonProcessingException {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            browser.open(server.url("/exercises"));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("const s = document.createElement('script'); s.src = '/static/js/desk-timer.js';"
                    + " document.head.appendChild(s);");
            new WebDriverWait(browser.driver(), Browser.WAIT)
                    .until(driver -> Boolean.TRUE.equals(js.executeScript("return !!window.DeskTimer;")));
            int compared = 0;
            for (Day day : variants()) {
                for (boolean remind : new boolean[] {true, false}) {
                    String input = Json.mapper().writeValueAsString(input(day, remind));
                    String fromPage = (String) js.executeScript(
                            "const d = JSON.parse(arguments[0]);"
                                    + "const states = d.probes.map(p => DeskTimer.state(d.settings, d.events, d.pauses,"
                                    + " p.at, p.offset, d.remind));"
                                    + "const last = d.probes[d.probes.length - 1].at;"
                                    + "return JSON.stringify({states: states, days: DeskTimer.days(d.events, last)});",
                            input);
                    JsonNode page = Json.mapper().readTree(fromPage);
                    JsonNode java = Json.mapper().readTree(Json.mapper().writeValueAsString(expected(day, remind)));
                    for (int i = 0; i < day.probes().size(); i++) {
                        assertThat(page.get("states").get(i))
                                .as(day.name() + " at " + day.probes().get(i).at() + " remind=" + remind)
                                .isEqualTo(java.get("states").get(i));
                        compared++;
                    }
                    assertThat(page.get("days")).as(day.name() + " days").isEqualTo(java.get("days"));
                }
            }
            assertThat(compared).isGreaterThan(1500);
        }
    }

    /** The simulated days, and the office day again in strict mode. */
    private static List<Day> variants() {
        List<Day> days = new ArrayList<>(SimulatedDays.all());
        Day office = SimulatedDays.officeDay();
        days.add(new Day(
                "strict office day",
                new DeskSettings(false, 30, 60, 5, 300, 5, 2, 3, true, false, 5),
                office.events(),
                office.pauses(),
                office.probes()));
        return days;
    }

    private static Map<String, Object> input(Day day, boolean remind) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("settings", DeskJson.settings(day.settings()));
        input.put("events", day.events().stream().map(DeskJson::event).toList());
        input.put(
                "pauses",
                day.pauses().stream()
                        .map(p -> Map.of(
                                "from", p.from().toEpochMilli(), "to", p.to().toEpochMilli(), "reason", p.reason()))
                        .toList());
        input.put(
                "probes",
                day.probes().stream()
                        .map(p -> Map.of(
                                "at",
                                p.at().toEpochMilli(),
                                "offset",
                                p.offset().getTotalSeconds() / 60))
                        .toList());
        input.put("remind", remind);
        return input;
    }

    private static Map<String, Object> expected(Day day, boolean remind) {
        List<Map<String, Object>> states = new ArrayList<>();
        for (Probe probe : day.probes()) {
            TimerState s =
                    BreakTimer.at(day.settings(), day.events(), day.pauses(), probe.at(), probe.offset(), remind);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("working", s.working());
            state.put("since", millis(s.since()));
            state.put("stretch_since", millis(s.stretchSince()));
            state.put("next_kind", s.nextKind().map(BreakKind::code).orElse(null));
            state.put("next_at", millis(s.nextAt()));
            state.put("due", s.due());
            state.put("paused_until", millis(s.pausedUntil()));
            state.put("paused_for", s.pausedFor().orElse(null));
            state.put("postpones_left", s.postponesLeft());
            state.put("skips_left", s.skipsLeft());
            state.put("sitting_today_seconds", s.sittingTodaySeconds());
            state.put("limit_reached", s.limitReached());
            state.put("remind", s.remind());
            state.put("stale", s.stale());
            states.add(state);
        }
        Instant last = day.probes().get(day.probes().size() - 1).at();
        List<Map<String, Object>> days = DeskTimeline.days(day.events(), last).stream()
                .map(d -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("date", d.date().toString());
                    json.put("sitting_seconds", d.sittingSeconds());
                    json.put("longest_stretch_seconds", d.longestStretchSeconds());
                    json.put("micro", d.microBreaks());
                    json.put("rest", d.restBreaks());
                    json.put("natural", d.naturalBreaks());
                    json.put("skipped", d.skipped());
                    json.put("postponed", d.postponed());
                    json.put("sessions", d.sessions());
                    return json;
                })
                .toList();
        return Map.of("states", states, "days", days);
    }

    private static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }
}
