package backstop.diary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A flare-up the simulator planted: from {@code start} to {@code end} inclusive, {@code shock} points were added to
 * the intercept of latent evening pain. Pain stays raised for a few days after {@code end} as φ carries it over.
 */
public record PlantedEpisode(LocalDate start, LocalDate end, double shock) {
    public PlantedEpisode {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("an episode ends on or after its start");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
