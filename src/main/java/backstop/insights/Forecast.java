package backstop.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The chance that tomorrow's evening pain is a flare day (at least the flare rise above the baseline), from the
 * fitted model's predictive normal distribution, and how such forecasts did on the person's own past.
 *
 * @param terms the model's terms besides the constant, yesterday's pain and day of week: the significant triggers
 * @param habitsAssumed how tomorrow's habits were set: carried over from today, or supplied
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Forecast(
        String status,
        Optional<String> reason,
        Optional<LocalDate> date,
        OptionalDouble probability,
        OptionalDouble expectedPain,
        OptionalDouble baseline,
        OptionalDouble flareThreshold,
        Optional<String> habitsAssumed,
        List<String> terms,
        Optional<TrackRecord> trackRecord) {

    public Forecast {
        Objects.requireNonNull(status, "status");
        terms = List.copyOf(terms);
    }

    static Forecast unavailable(String reason, Optional<TrackRecord> track, List<String> terms) {
        return new Forecast(
                InsightReport.INSUFFICIENT_DATA,
                Optional.of(reason),
                Optional.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                terms,
                track);
    }

    /**
     * One-step-ahead forecasts on the person's own past: each day forecast from a model fitted only on the days
     * before it. The Brier score is the mean squared difference between forecast chance and what happened (0 is
     * perfect); climatology forecasts every day with the share of flare days seen so far; skill is
     * 1 − brier / climatology (above 0 means better than climatology).
     */
    public record TrackRecord(
            int evaluatedDays, int flareDays, double brier, double climatologyBrier, double brierSkill, String text) {}
}
