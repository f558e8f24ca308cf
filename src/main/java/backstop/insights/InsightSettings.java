package backstop.insights;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The named thresholds of the insights engine. Which come from a source and which are project judgement is set out
 * in {@code docs/clinical.md}.
 *
 * @param painFreeMax pain (0–10, morning or evening) at or below this counts as pain-free (project judgement: 1)
 * @param episodeMinDays an episode needs at least this many consecutive recorded days with pain; 2 days is the
 *     "more than 24 hours" of de Vet et al. 2002
 * @param painFreeDays the pain-free time before and after an episode, "at least one month" in de Vet et al. 2002
 * @param maxUnrecordedDays the longest run of unrecorded days a pain-free stretch may contain and still count as
 *     pain-free; a longer gap is not known to be pain-free, so it does not separate two episodes
 * @param flareRise a flare day has evening pain at least this many points above the baseline: 3 by default, one
 *     more than the 2-point minimal important change of Farrar 2001, because a 2-point swing is everyday noise in a
 *     daily diary (see docs/clinical.md for the measured trade-off)
 * @param baselineDays the trailing window of the baseline: the median evening pain of the days before
 * @param baselineMinDays the baseline needs at least this many recorded evening pains in its window
 * @param flareMinDays a flare-up needs at least this many consecutive recorded flare days
 * @param minIntervals Kaplan–Meier of the time to recurrence needs at least this many pain-free intervals
 * @param minDays below this many days with evening pain the report says "not enough data yet"
 * @param rowsPerParameter the joint model needs at least this many complete rows per parameter
 * @param falseDiscoveryRate the Benjamini–Hochberg level under which a trigger is called significant
 * @param minPlanDays comparing episode rates before and after a plan start needs this many days on each side
 */
public record InsightSettings(
        int painFreeMax,
        int episodeMinDays,
        int painFreeDays,
        int maxUnrecordedDays,
        double flareRise,
        int baselineDays,
        int baselineMinDays,
        int flareMinDays,
        int minIntervals,
        int minDays,
        double rowsPerParameter,
        double falseDiscoveryRate,
        int minPlanDays) {

    public InsightSettings {
        List<FieldError> errors = new ArrayList<>();
        check(errors, painFreeMax >= 0 && painFreeMax <= 9, "pain_free_max", "must be between 0 and 9");
        check(errors, episodeMinDays >= 1 && episodeMinDays <= 30, "episode_min_days", "must be between 1 and 30");
        check(errors, painFreeDays >= 1 && painFreeDays <= 365, "pain_free_days", "must be between 1 and 365");
        check(
                errors,
                maxUnrecordedDays >= 0 && maxUnrecordedDays < painFreeDays,
                "max_unrecorded_days",
                "must be 0 or more and shorter than pain_free_days");
        check(errors, flareRise > 0 && flareRise <= 10, "flare_rise", "must be above 0 and at most 10");
        check(errors, baselineDays >= 3 && baselineDays <= 90, "baseline_days", "must be between 3 and 90");
        check(
                errors,
                baselineMinDays >= 1 && baselineMinDays <= baselineDays,
                "baseline_min_days",
                "must be between 1 and baseline_days");
        check(errors, flareMinDays >= 1 && flareMinDays <= 30, "flare_min_days", "must be between 1 and 30");
        check(errors, minIntervals >= 1, "min_intervals", "must be at least 1");
        check(errors, minDays >= 14, "min_days", "must be at least 14");
        check(errors, rowsPerParameter >= 2, "rows_per_parameter", "must be at least 2");
        check(
                errors,
                falseDiscoveryRate > 0 && falseDiscoveryRate < 1,
                "false_discovery_rate",
                "must be between 0 and 1");
        check(errors, minPlanDays >= 7, "min_plan_days", "must be at least 7");
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** The defaults documented in {@code docs/clinical.md}. */
    public static InsightSettings defaults() {
        return new InsightSettings(1, 2, 30, 3, 3.0, 14, 7, 1, 3, 28, 10, 0.05, 90);
    }

    private static void check(List<FieldError> errors, boolean good, String field, String message) {
        if (!good) {
            errors.add(new FieldError(field, message));
        }
    }
}
