package backstop.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A time when reminders wait: a busy event in the person's calendar, a call or a presentation. */
record Pause(Instant from, Instant to, String reason) {
    Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a pause ends after it begins: " + from + " to " + to);
        }
    }

    boolean covers(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** Overlapping and touching pauses joined, in time order; the first reason names a joined pause. */
    static List<Pause> merged(List<Pause> pauses) {
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : sorted) {
            if (!merged.isEmpty() && !pause.from.isAfter(merged.get(merged.size() - 1).to)) {
                Pause last = merged.remove(merged.size() - 1);
                merged.add(new Pause(last.from, pause.to.isAfter(last.to) ? pause.to : last.to, last.reason));
            } else {
                merged.add(pause);
            }
        }
        return List.copyOf(merged);
    }
}
