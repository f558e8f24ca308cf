package backstop.plan;

import backstop.error.BadInputException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/** The settings of a person's calendar subscription: where they live and when they work and exercise. */
public record CalendarFeed(ZoneId zone, LocalTime sessionTime, LocalTime workStart, LocalTime workEnd) {
    public CalendarFeed {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(sessionTime, "sessionTime");
        Objects.requireNonNull(workStart, "workStart");
        Objects.requireNonNull(workEnd, "workEnd");
        if (!workEnd.isAfter(workStart)) {
            throw new BadInputException("work_end", "must be later than work_start");
        }
    }
}
