package backstop.insights;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A flare-up: consecutive recorded days whose evening pain is at least the flare rise (3 points by default, see {@link InsightSettings}) above
 * the person's own baseline, the median evening pain of the days before the flare began.
 *
 * @param baseline the trailing median evening pain on the day the flare began
 * @param peak the highest evening pain in the flare
 * @param days the number of flare days
 */
public record Flare(LocalDate start, LocalDate end, int peak, double baseline, int days) {
    public Flare {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
