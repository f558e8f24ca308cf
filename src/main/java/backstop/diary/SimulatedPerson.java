package backstop.diary;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A synthetic person and the truth behind their diary. {@code diary} is what they recorded (missing days and empty
 * cells included); {@code complete} is every day with every value, which no real person would have, for checking
 * the simulator itself.
 *
 * @param intercept the c of the model, derived so that latent pain averages {@code settings.baselinePain()}
 */
public record SimulatedPerson(
        SimulatorSettings settings, double intercept, List<PlantedEpisode> episodes, Diary diary, Diary complete) {

    public SimulatedPerson {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(diary, "diary");
        Objects.requireNonNull(complete, "complete");
        episodes = List.copyOf(episodes);
    }

    public List<Effect> effects() {
        return settings.effects();
    }

    public double persistence() {
        return settings.persistence();
    }

    public Map<DayOfWeek, Double> dayOfWeek() {
        return settings.dayOfWeek();
    }

    public String toCsv() {
        return DiaryCsv.toCsv(diary);
    }
}
