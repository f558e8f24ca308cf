package backstop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, for expiry and throttling windows. */
public final class TestClock extends Clock {
    private Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public static TestClock startingAt(String instant) {
        return new TestClock(Instant.parse(instant));
    }

    /**
     * A clock that reads {@code start} now and then runs at the real pace: every date a test sees is fixed (no
     * test breaks around midnight), and later events still come after earlier ones.
     */
    public static Clock tickingFrom(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
