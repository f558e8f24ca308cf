package backstop.insights;

/**
 * The flare baseline of every day: the median evening pain over the {@code baselineDays} calendar days before it,
 * NaN when fewer than {@code baselineMinDays} of them have an evening pain. Evening pain is a whole number 0–10, so
 * a sliding count per value gives each median in eleven steps.
 */
final class Baselines {
    private Baselines() {}

    /** baseline[t] for t = 0 .. length (the last one is the baseline of the day after the diary ends). */
    static double[] of(DailySeries series, InsightSettings settings) {
        double[] baseline = new double[series.length + 1];
        int[] counts = new int[11];
        int inWindow = 0;
        for (int t = 0; t <= series.length; t++) {
            if (t > 0) {
                inWindow += add(counts, series.painPm[t - 1], 1);
            }
            int leaving = t - settings.baselineDays() - 1;
            if (leaving >= 0) {
                inWindow += add(counts, series.painPm[leaving], -1);
            }
            baseline[t] = inWindow < settings.baselineMinDays() ? Double.NaN : median(counts, inWindow);
        }
        return baseline;
    }

    private static int add(int[] counts, double pain, int change) {
        if (Double.isNaN(pain)) {
            return 0;
        }
        counts[(int) pain] += change;
        return change;
    }

    private static double median(int[] counts, int total) {
        int lowRank = (total - 1) / 2;
        int highRank = total / 2;
        double low = Double.NaN;
        int seen = 0;
        for (int value = 0; value < counts.length; value++) {
            int next = seen + counts[value];
            if (Double.isNaN(low) && lowRank < next) {
                low = value;
            }
            if (highRank < next) {
                return (low + value) / 2;
            }
            seen = next;
        }
        return low;
    }
}
