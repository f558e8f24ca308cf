package backstop.diary;

import java.time.Instant;
import java.util.Objects;

/** One saved version of a day, kept when the day is edited: what it said, when, by whom and through what. */
public record DiaryRevision(int revision, Instant savedAt, String savedBy, String source, CheckIn checkIn) {
    public DiaryRevision {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(checkIn, "checkIn");
    }
}
