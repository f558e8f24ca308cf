package backstop.desk;

import backstop.error.BadInputException;
import backstop.json.Doc;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The body of {@code POST /api/v1/desk/events} as the client writes it, bound by {@code web.JsonBodies} (its schema
 * in the API document is derived from this record); {@link #event()} is what it means. {@code at} stays text here so
 * a time without its UTC offset is named as such: the offset decides which day an event belongs to.
 */
record EventBody(
        @Doc(value = "The client's idempotency key.", pattern = DeskEvent.ID_PATTERN)
        String id,

        EventType type,

        @Doc(value = "When, with the UTC offset, e.g. 2026-03-02T09:15:00+01:00.", format = "date-time")
        String at,

        @Doc("For breaks; default micro.") Optional<BreakKind> kind,

        @Doc(value = "For a taken break: how long.", minimum = 1, maximum = DeskEvent.MAX_BREAK_SECONDS)
        Optional<Integer> seconds) {

    /** @throws BadInputException naming the field when the event cannot be */
    DeskEvent event() {
        return new DeskEvent(
                id, type, dateTime(at), kind, seconds.map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    private static OffsetDateTime dateTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                throw new BadInputException("at", "must carry the UTC offset, e.g. " + value + "+01:00 (or Z for UTC)");
            } catch (DateTimeParseException notEvenLocal) {
                throw new BadInputException(
                        "at", "must be an ISO date-time with offset, e.g. 2026-03-02T09:15:00+01:00");
            }
        }
    }
}
