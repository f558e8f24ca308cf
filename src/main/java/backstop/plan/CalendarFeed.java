package backstop.plan;

import backstop.error.BadInputException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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

    /** Time zone and times of day from a form or a query ({@code zone}, {@code session}, {@code work_start/end}). */
    static CalendarFeed from(Function<String, String> field) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Optional.ofNullable(field.apply("zone"))
                    .filter(z -> !z.isBlank())
                    .orElse("UTC")
                    .strip());
        } catch (DateTimeException e) {
            throw new BadInputException("zone", "is not a time zone such as Europe/Berlin");
        }
        return new CalendarFeed(
                zone,
                time(field, "session", "07:30"),
                time(field, "work_start", "09:00"),
                time(field, "work_end", "17:00"));
    }

    private static LocalTime time(Function<String, String> field, String name, String fallback) {
        String text =
                Optional.ofNullable(field.apply(name)).filter(t -> !t.isBlank()).orElse(fallback);
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(name, "must be a time written hh:mm");
        }
    }
}
