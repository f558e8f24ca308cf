package backstop.diary;

import java.time.Instant;
import java.util.Objects;

/** A stored day: its current values, how many times it was saved, and when last. */
public record SavedDay(CheckIn checkIn, int revision, Instant updatedAt) {
    public SavedDay {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
