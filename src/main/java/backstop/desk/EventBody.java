package backstop.desk;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Doc;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

    /** @throws BadInputException naming every field that makes the event impossible, {@code at} among them */
    DeskEvent event() {
        OptionalInt length = seconds.map(OptionalInt::of).orElse(OptionalInt.empty());
        OffsetDateTime when;
        try {
            when = dateTime(at);
        } catch (BadInputException badTime) {
            // The other fields are still checked, so one answer names them all.
            List<FieldError> errors = new ArrayList<>(badTime.errors());
            try {
                new DeskEvent(id, type, ANY_TIME, kind, length);
            } catch (BadInputException others) {
                others.errors().stream()
                        .filter(error -> !error.field().equals("at"))
                        .forEach(errors::add);
            }
            throw new BadInputException(errors);
        }
        return new DeskEvent(id, type, when, kind, length);
    }

    /** A time every other check accepts, for checking the rest of a body whose time is unreadable. */
    private static final OffsetDateTime ANY_TIME = OffsetDateTime.of(2000, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

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
