package backstop.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures days at the desk from a person's events, in the order they happened: sitting is working-day time minus
 * the breaks taken, cut into stretches at every break, and each stretch counts on the person's own calendar day (in
 * the UTC offset of the event that began it), split at midnight. Pure: {@code now} is handed in. The page's script
 * (desk-timer.js) measures the same way; DeskTimerMirrorTest runs both on the same days.
 */
final class DeskTimeline {
    /**
     * A working day still open this long after it began is taken as forgotten: it ends with the last thing it saw,
     * so a tab left open overnight is not a sixteen-hour sit.
     */
    static final Duration MAX_OPEN = Duration.ofHours(16);

    private DeskTimeline() {}

    /** Every day that any event or stretch of sitting touched, in date order. */
    static List<DeskDay> days(List<DeskEvent> events, Instant now) {
        Map<LocalDate, DeskDay> days = new TreeMap<>();
        Optional<DeskEvent> open = Optional.empty();
        Instant stretchStart = null;
        ZoneOffset stretchOffset = ZoneOffset.UTC;
        Instant lastEnd = Instant.MIN;
        for (DeskEvent event : ordered(events)) {
            days.compute(event.day(), (date, day) -> (day == null ? DeskDay.empty(date) : day).plusEvent(event));
            switch (event.type()) {
                case WORK_START -> {
                    if (open.isPresent()) {
                        // A day never stopped ends with the last thing it saw.
                        sit(days, stretchStart, max(stretchStart, lastEnd), stretchOffset);
                    }
                    open = Optional.of(event);
                    stretchStart = event.instant();
                    stretchOffset = event.at().getOffset();
                }
                case WORK_STOP -> {
                    if (open.isPresent()) {
                        sit(days, stretchStart, event.instant(), stretchOffset);
                        open = Optional.empty();
                    }
                }
                case BREAK_TAKEN -> {
                    if (open.isPresent()) {
                        sit(days, stretchStart, event.instant(), stretchOffset);
                        stretchStart = event.end();
                        stretchOffset = event.at().getOffset();
                    }
                }
                case BREAK_SKIPPED, BREAK_POSTPONED -> {
                    // Counted above; the stretch goes on.
                }
            }
            lastEnd = max(lastEnd, event.end());
        }
        if (open.isPresent()) {
            Instant cap = open.get().instant().plus(MAX_OPEN);
            sit(days, stretchStart, now.isBefore(cap) ? now : max(stretchStart, lastEnd), stretchOffset);
        }
        return List.copyOf(days.values());
    }

    /** The day {@code date} (in the offsets its events carried), or an empty day. */
    static DeskDay day(List<DeskEvent> events, Instant now, LocalDate date) {
        return days(events, now).stream()
                .filter(day -> day.date().equals(date))
                .findFirst()
                .orElse(DeskDay.empty(date));
    }

    /** Events by time; events at the same instant keep the order they were recorded in. */
    static List<DeskEvent> ordered(List<DeskEvent> events) {
        List<DeskEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(DeskEvent::instant));
        return sorted;
    }

    private static void sit(Map<LocalDate, DeskDay> days, Instant from, Instant to, ZoneOffset offset) {
        Instant start = from;
        while (start.isBefore(to)) {
            OffsetDateTime local = start.atOffset(offset);
            Instant midnight = local.toLocalDate().plusDays(1).atStartOfDay().toInstant(offset);
            Instant end = midnight.isBefore(to) ? midnight : to;
            long seconds = Duration.between(start, end).getSeconds();
            days.compute(
                    local.toLocalDate(), (date, day) -> (day == null ? DeskDay.empty(date) : day).plusSitting(seconds));
            start = end;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
