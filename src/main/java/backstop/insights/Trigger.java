package backstop.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The estimated within-person effect of one habit at one lag on evening pain: β of the insights model, the change in
 * evening pain per one unit of the habit's CSV column, {@code lag} days later. When the diary cannot support an
 * estimate, {@code status} is {@code insufficient_data}, {@code reason} says what is missing and the numbers are
 * absent.
 *
 * @param habit the CSV column name, or a sleep position contrast such as {@code sleep_position=side}
 * @param days the number of complete diary rows the estimate rests on
 * @param significant true when the Benjamini–Hochberg q-value over all habit × lag tests is below 0.05
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Trigger(
        String habit,
        int lag,
        String status,
        Optional<String> reason,
        int days,
        OptionalDouble effect,
        OptionalDouble ciLow,
        OptionalDouble ciHigh,
        OptionalDouble pValue,
        OptionalDouble qValue,
        boolean significant) {

    public Trigger {
        Objects.requireNonNull(habit, "habit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    static Trigger estimated(String habit, int lag, int days, double effect, double low, double high, double p) {
        return new Trigger(
                habit,
                lag,
                InsightReport.OK,
                Optional.empty(),
                days,
                OptionalDouble.of(effect),
                OptionalDouble.of(low),
                OptionalDouble.of(high),
                OptionalDouble.of(p),
                OptionalDouble.empty(),
                false);
    }

    static Trigger insufficient(String habit, int lag, int days, String reason) {
        return new Trigger(
                habit,
                lag,
                InsightReport.INSUFFICIENT_DATA,
                Optional.of(reason),
                days,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                false);
    }

    boolean isEstimated() {
        return pValue.isPresent();
    }

    Trigger withQValue(double q, double alpha) {
        return new Trigger(
                habit, lag, status, reason, days, effect, ciLow, ciHigh, pValue, OptionalDouble.of(q), q < alpha);
    }
}
