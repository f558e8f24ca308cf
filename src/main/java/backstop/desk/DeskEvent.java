package backstop.desk;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One thing the Desk page saw happen, as the client reported it: its own id (the idempotency key), the type, when
 * (with the person's UTC offset at that moment) and, for breaks, which kind and how long. Break events always carry
 * a kind, and a taken break its length, once built.
 */
record DeskEvent(String id, EventType type, OffsetDateTime at, Optional<BreakKind> kind, OptionalInt seconds) {
    /** Client ids: a UUID or any short token of letters, digits and . _ : - */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    static final Pattern ID = Pattern.compile(ID_PATTERN);
    /** A micro-break without a stated length counts this long (the shortest exercise countdown). */
    static final int DEFAULT_MICRO_SECONDS = 30;
    /** A rest break without a stated length counts five minutes (the default rest-break length). */
    static final int DEFAULT_REST_SECONDS = 300;
    /** No break is longer than four hours; a longer absence is the end of the working day. */
    static final int MAX_BREAK_SECONDS = 4 * 3600;

    DeskEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(seconds, "seconds");
        // Both databases keep milliseconds; a repeat must compare equal to what was stored.
        at = at.truncatedTo(ChronoUnit.MILLIS);
        List<FieldError> errors = new ArrayList<>();
        if (!ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1 to 64 letters, digits or . _ : - (a UUID will do)"));
        }
        if (at.getYear() < 1900 || at.getYear() > 2100) {
            errors.add(new FieldError("at", "must be between the years 1900 and 2100"));
        }
        if (at.getOffset().getTotalSeconds() % 60 != 0) {
            errors.add(new FieldError("at", "must have an offset in whole minutes"));
        }
        if (type.isBreak()) {
            kind = Optional.of(kind.orElse(BreakKind.MICRO));
        } else if (kind.isPresent()) {
            errors.add(new FieldError("kind", "is only for break events"));
        }
        if (type == EventType.BREAK_TAKEN) {
            if (seconds.isEmpty()) {
                if (kind.orElseThrow() == BreakKind.NATURAL) {
                    errors.add(new FieldError("seconds", "is needed for a natural break: how long were you away?"));
                } else {
                    seconds = OptionalInt.of(
                            kind.orElseThrow() == BreakKind.REST ? DEFAULT_REST_SECONDS : DEFAULT_MICRO_SECONDS);
                }
            } else if (seconds.getAsInt() < 1 || seconds.getAsInt() > MAX_BREAK_SECONDS) {
                errors.add(new FieldError(
                        "seconds", "must be between 1 and " + MAX_BREAK_SECONDS + ", was " + seconds.getAsInt()));
            }
        } else if (seconds.isPresent()) {
            errors.add(new FieldError("seconds", "is only for break_taken"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    static DeskEvent of(String id, EventType type, OffsetDateTime at) {
        return new DeskEvent(id, type, at, Optional.empty(), OptionalInt.empty());
    }

    static DeskEvent breakTaken(String id, OffsetDateTime at, BreakKind kind, int seconds) {
        return new DeskEvent(id, EventType.BREAK_TAKEN, at, Optional.of(kind), OptionalInt.of(seconds));
    }

    static DeskEvent breakEvent(String id, EventType type, OffsetDateTime at, BreakKind kind) {
        return new DeskEvent(id, type, at, Optional.of(kind), OptionalInt.empty());
    }

    Instant instant() {
        return at.toInstant();
    }

    /** When the event is over: a taken break ends after its length, anything else at once. */
    Instant end() {
        return type == EventType.BREAK_TAKEN ? instant().plusSeconds(seconds.orElseThrow()) : instant();
    }

    /** The person's own day the event happened on. */
    LocalDate day() {
        return at.toLocalDate();
    }

    /** The same event with only what defines it: a repeat of the same id must match this exactly. */
    boolean sameAs(DeskEvent other) {
        return id.equals(other.id)
                && type == other.type
                && instant().equals(other.instant())
                && at.getOffset().equals(other.at.getOffset())
                && kind.equals(other.kind)
                && seconds.equals(other.seconds);
    }
}
