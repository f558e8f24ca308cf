package backstop.insights;

import java.util.Objects;

/**
 * One plain-words finding for the person: a significant trigger with its numbers and the root cause it points to.
 *
 * @param effect β per one unit of the habit's CSV column, as in the report
 * @param cause one of postural_strain, muscle_overuse, joint_irritation, stress_tension, sleep_position
 */
public record InsightCard(
        String habit, int lag, String text, double effect, double ciLow, double ciHigh, String cause) {
    public InsightCard {
        Objects.requireNonNull(habit, "habit");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cause, "cause");
    }
}
