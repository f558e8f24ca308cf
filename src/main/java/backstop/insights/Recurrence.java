package backstop.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How often pain comes back: episodes and flare-ups per year, the pain-free intervals between episodes, the
 * Kaplan–Meier estimate of the time to recurrence, and, when a plan start date is given, whether episodes and
 * flare-ups have become rarer since.
 *
 * @param years the days with a pain recorded, in years: rates count only what the person recorded, never the gaps
 * @param recordedDays the days with a pain (morning or evening) recorded
 * @param episodesPerYear absent below {@code RecurrenceAnalysis.RATE_MIN_DAYS} recorded days, with {@code ratesReason}
 * @param ratesReason present when the rates are absent: what is missing
 * @param intervals the pain-free intervals in days, from the end of one episode to the start of the next; the last
 *     one runs to the end of the diary and is censored
 * @param timeToRecurrence Kaplan–Meier, present once there are at least {@code minIntervals} intervals
 * @param sincePlan present when a plan start date was given
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Recurrence(
        double years,
        int recordedDays,
        int episodes,
        OptionalDouble episodesPerYear,
        int flares,
        OptionalDouble flaresPerYear,
        Optional<String> ratesReason,
        List<Interval> intervals,
        Optional<KaplanMeier> timeToRecurrence,
        Optional<String> timeToRecurrenceReason,
        Optional<PlanComparison> sincePlan) {

    public Recurrence {
        intervals = List.copyOf(intervals);
        Objects.requireNonNull(episodesPerYear, "episodesPerYear");
        Objects.requireNonNull(flaresPerYear, "flaresPerYear");
        Objects.requireNonNull(ratesReason, "ratesReason");
        Objects.requireNonNull(timeToRecurrence, "timeToRecurrence");
        Objects.requireNonNull(timeToRecurrenceReason, "timeToRecurrenceReason");
        Objects.requireNonNull(sincePlan, "sincePlan");
    }

    /**
     * A pain-free interval; {@code censored} when it was still going on at the end of the diary or when an unrecorded
     * gap longer than a month began (what came after the gap is unknown).
     */
    public record Interval(int days, boolean censored) {}

    /**
     * The Kaplan–Meier survival curve of the time to recurrence (the chance of still being free of a new episode
     * after a number of days), with censoring.
     *
     * @param medianDays the first time at which the curve falls to 0.5 or below; absent when it never does
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record KaplanMeier(int intervals, int recurrences, OptionalDouble medianDays, List<Step> steps) {
        public KaplanMeier {
            steps = List.copyOf(steps);
        }
    }

    /** At {@code days}, {@code recurrences} new episodes among {@code atRisk} intervals still open. */
    public record Step(int days, int atRisk, int recurrences, double survival) {}

    /**
     * Episode and flare-up rates before and after the plan started, each tested with the conditional (exact binomial)
     * test of two Poisson rates: given the total count, the share after the start is binomial under equal rates.
     */
    public record PlanComparison(String planStart, RateChange episodes, RateChange flares) {}

    /**
     * @param daysBefore days with a pain recorded before the plan started (gaps are not counted)
     * @param daysAfter days with a pain recorded since
     * @param verdict {@code fewer_since_plan}, {@code no_clear_change} or {@code not_enough_data}
     * @param pValue one-sided, for a lower rate after the plan start
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record RateChange(
            int before,
            double daysBefore,
            int after,
            double daysAfter,
            OptionalDouble perYearBefore,
            OptionalDouble perYearAfter,
            OptionalDouble pValue,
            String verdict,
            String text) {}
}
