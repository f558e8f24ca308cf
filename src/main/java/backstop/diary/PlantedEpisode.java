package backstop.diary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A flare-up the simulator planted: on {@code start}, {@code shock} points were added to the error of latent evening
 * pain; φ carries it over the following days, and {@code end} is the last day it still adds at least one point
 * (shock·φ^days ≥ 1).
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
