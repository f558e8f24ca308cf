package backstop.diary;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored day: its current values, how many times the person saved it (0: never, only measured values), when
 * last, and which of its fields were measured rather than typed ({@link MeasuredDay#FIELDS}).
 */
public record SavedDay(CheckIn checkIn, int revision, Instant updatedAt, Set<String> measured) {
    public SavedDay {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(updatedAt, "updatedAt");
        measured = Set.copyOf(measured);
    }

    /** A day with nothing measured in it. */
    public SavedDay(CheckIn checkIn, int revision, Instant updatedAt) {
        this(checkIn, revision, updatedAt, Set.of());
    }

    /** True when the person has checked in on this day, not only the Desk page measured it. */
    public boolean checkedIn() {
        return revision > 0;
    }
}
