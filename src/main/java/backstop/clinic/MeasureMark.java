package backstop.clinic;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's latest answer to one outcome measure, for their roster line: the score in words, and whether it moved
 * beyond the measure's minimal clinically important difference ({@code direction} "better", "worse" or "" within it;
 * for a change against the first answer, {@code changeText} says how much).
 */
public record MeasureMark(
        String measure, String name, LocalDate date, String scoreText, Optional<String> changeText, String direction) {
    public MeasureMark {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(scoreText, "scoreText");
        Objects.requireNonNull(changeText, "changeText");
        Objects.requireNonNull(direction, "direction");
    }

    public boolean beyondMcid() {
        return !direction.isEmpty();
    }

    /** "PSFS 6.5 of 10 on 2026-06-01 (+2.5 since the first), better beyond the MCID". */
    public String words() {
        return name + ": " + scoreText + " on " + date
                + changeText.map(change -> " (" + change + " since the first)").orElse("")
                + (direction.isEmpty() ? "" : ", " + direction + " beyond the MCID");
    }
}
