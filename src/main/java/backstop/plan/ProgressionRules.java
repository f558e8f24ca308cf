package backstop.plan;

/**
 * The thresholds of the weekly progression, by the pain-monitoring model (silbernagel-2007): pain during exercise up
 * to {@code acceptablePainDuring} out of 10 is acceptable, and pain the next morning should be back to where it was
 * before the session (at most {@code allowedMorningRise} above it). The other numbers are project judgement; all are
 * listed with their source in docs/clinical.md. Backstop ships them in {@code plan/plan-rules-v1.json}
 * ({@link PlanRules#load()}); a new version of the file gets a new {@code version}, which every decision records.
 *
 * @param acceptablePainDuring highest acceptable pain during exercise (0 to 10); above it: hold
 * @param allowedMorningRise how far next-morning pain may sit above the pain before the session; above it: hold
 * @param regressPainDuring pain during exercise at or above this in any session: step back
 * @param minSessions fewer sessions logged in the week than this: hold, there is too little to judge
 * @param minCompletedPercent share of sessions in which the planned sets and repetitions were all done, needed to
 *     progress
 */
public record ProgressionRules(
        String version,
        int acceptablePainDuring,
        int allowedMorningRise,
        int regressPainDuring,
        int minSessions,
        int minCompletedPercent) {

    public ProgressionRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is missing");
        }
        PlanRules.within("acceptable_pain_during", acceptablePainDuring, 0, 10);
        PlanRules.within("allowed_morning_rise", allowedMorningRise, 0, 10);
        PlanRules.within("regress_pain_during", regressPainDuring, acceptablePainDuring + 1, 10);
        PlanRules.within("min_sessions", minSessions, 1, 14);
        PlanRules.within("min_completed_percent", minCompletedPercent, 0, 100);
    }
}
