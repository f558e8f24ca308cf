package backstop.clinic;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the demo sets by hand, so the services it drives write a patient's past in order: the assessment before the
 * plan, the plan before its sessions, each stamped with its own day. Only the demo uses it.
 */
public final class DemoClock extends Clock {
    private final Clock real;
    private Instant now;

    public DemoClock(Clock real) {
        this.real = real;
        this.now = real.instant();
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** Back to the real time. */
    public synchronized void reset() {
        now = real.instant();
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
