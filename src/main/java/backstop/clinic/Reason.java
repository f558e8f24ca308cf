package backstop.clinic;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason a patient needs attention, in words, with the event it comes from ({@code eventKey}): a "seen" mark
 * holds for that event only. {@code seen} is the clinician's mark when it is for this very event.
 */
public record Reason(AlertKind kind, String words, String eventKey, Optional<Seen> seen) {
    public Reason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(seen, "seen");
    }

    public Reason(AlertKind kind, String words, String eventKey) {
        this(kind, words, eventKey, Optional.empty());
    }

    public boolean open() {
        return seen.isEmpty();
    }

    Reason withSeen(Optional<Seen> mark) {
        return new Reason(kind, words, eventKey, mark.filter(m -> m.eventKey().equals(eventKey)));
    }

    /** A clinician's "seen" mark on an alert: for which event, when, and their note. */
    public record Seen(String eventKey, String note, Instant at) {
        public Seen {
            Objects.requireNonNull(eventKey, "eventKey");
            Objects.requireNonNull(note, "note");
            Objects.requireNonNull(at, "at");
        }
    }
}
