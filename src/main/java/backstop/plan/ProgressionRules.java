package backstop.plan;

/**
 * The thresholds of the weekly progression, by the pain-monitoring model (silbernagel-2007): pain during exercise up
 * to {@code acceptablePainDuring} out of 10 is acceptable, and pain the next morning should be back to where it was
 * before the session (at most {@code allowedMorningRise} above it). The other numbers are project judgement; all are
 * listed with their source in docs/clinical.md. Change them by making a new record; {@link #defaults()} is what
 * Backstop ships.
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

    public static final String DEFAULT_VERSION = "progression-rules-1";

    public ProgressionRules {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("progression rules need a version");
        }
        within("acceptable_pain_during", acceptablePainDuring, 0, 10);
        within("allowed_morning_rise", allowedMorningRise, 0, 10);
        within("regress_pain_during", regressPainDuring, acceptablePainDuring + 1, 10);
        within("min_sessions", minSessions, 1, 14);
        within("min_completed_percent", minCompletedPercent, 0, 100);
    }

    /** Pain during at most 5/10, back to the pre-session level by the next morning; step back at 7/10. */
    public static ProgressionRules defaults() {
        return new ProgressionRules(DEFAULT_VERSION, 5, 0, 7, 2, 80);
    }

    private static void within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
        }
    }
}
