package backstop.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * One clock for the server and the page in the browser: the real time plus a shift the test moves forward, so a
 * test can skip the minutes a person would wait (a break interval) instead of waiting them. The server gets it as
 * its {@link Clock}; {@link #install} makes the page's {@code Date.now()} and {@code new Date()} read the same
 * shift, from the tab's session storage, on every page the browser opens afterwards.
 */
public final class SharedClock extends Clock {
    private static final String KEY = "backstop.test.clock-shift";
    /**
     * Every browser test's clock, unless it moves its own: the real time moved to noon (UTC) of the day this JVM's
     * first browser test ran, ticking on from there. Server and page read the same shifted time, and a suite run
     * half a day from midnight cannot see "today" change while a test reads it twice.
     */
    static final Duration TO_NOON = shiftTo(LocalTime.NOON);

    private volatile Duration shift = TO_NOON;
    private Browser browser;

    /** The time every browser test runs at ({@link #TO_NOON}), until a test moves it. */
    public SharedClock() {}

    /**
     * The real time moved to {@code time} (UTC) of today's date, to tick on from there: a test that works with "a
     * while ago" or a day's totals then cannot be run across midnight by the real clock.
     */
    public static SharedClock atTimeOfDay(LocalTime time) {
        SharedClock clock = new SharedClock();
        clock.shift = shiftTo(time);
        return clock;
    }

    private static Duration shiftTo(LocalTime time) {
        Instant now = Instant.now();
        return Duration.between(
                now, LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(time).toInstant(ZoneOffset.UTC));
    }

    /**
     * The script {@link Browser} adds to every document: {@code Date.now()} and {@code new Date()} read the real time
     * plus the shift kept in the tab's session storage, or {@link #TO_NOON} while none is kept there.
     */
    static String dateScript() {
        return "(() => {"
                + " const Real = Date;"
                + " const shift = () => { try { const s = sessionStorage.getItem('" + KEY + "');"
                + " return s === null ? " + TO_NOON.toMillis() + " : Number(s); }"
                + " catch (e) { return " + TO_NOON.toMillis() + "; } };"
                + " class Shifted extends Real {"
                + "  constructor(...args) { if (args.length === 0) { super(Real.now() + shift()); } else { super(...args); } }"
                + "  static now() { return Real.now() + shift(); }"
                + " }"
                + " window.Date = Shifted;"
                + "})();";
    }

    /**
     * Every new document in this browser reads this clock's shift (the one it has now until {@link #advance} moves
     * it) instead of {@link #TO_NOON}; call before opening the first page of the origin.
     */
    public SharedClock install(Browser browser) {
        this.browser = browser;
        // The page reads the shift from session storage (Browser's script); this clock's own goes there first.
        String script = "(() => { try { if (sessionStorage.getItem('" + KEY + "') === null) {"
                + " sessionStorage.setItem('" + KEY + "', '" + shift.toMillis() + "'); } } catch (e) {} })();";
        ((HasCdp) browser.driver())
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
        return this;
    }

    /** Moves the server's clock and the open page's clock forward together. */
    public void advance(Duration duration) {
        shift = shift.plus(duration);
        if (browser != null) {
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "sessionStorage.setItem(arguments[0], String(arguments[1]));", KEY, shift.toMillis());
        }
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the shared clock is in UTC");
    }
}
