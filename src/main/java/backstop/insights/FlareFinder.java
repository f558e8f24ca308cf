package backstop.insights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds flare-ups: runs of at least {@code flareMinDays} consecutive recorded days whose evening pain is at least
 * {@code flareRise} above the baseline, the median evening pain over the {@code baselineDays} calendar days before the
 * run began (with at least {@code baselineMinDays} of them recorded). The baseline is frozen at the run's first day so
 * that the flare does not raise its own yardstick. A missing day or a missing evening pain ends a run: a flare is only
 * claimed on days that were recorded.
 */
final class FlareFinder {
    private FlareFinder() {
    }

    static List<Flare> find(DailySeries series, InsightSettings settings) {
        List<Flare> flares = new ArrayList<>();
        double[] window = new double[settings.baselineDays()];
        int t = 0;
        while (t < series.length) {
            double baseline = baseline(series, t, settings, window);
            if (Double.isNaN(baseline) || !(series.painPm[t] >= baseline + settings.flareRise())) {
                t++;
                continue;
            }
            int end = t;
            int peak = (int) series.painPm[t];
            while (end + 1 < series.length && series.painPm[end + 1] >= baseline + settings.flareRise()) {
                end++;
                peak = Math.max(peak, (int) series.painPm[end]);
            }
            int days = end - t + 1;
            if (days >= settings.flareMinDays()) {
                flares.add(new Flare(series.date(t), series.date(end), peak, baseline, days));
            }
            t = end + 1;
        }
        return List.copyOf(flares);
    }

    /** The median evening pain of days t−baselineDays .. t−1, or NaN when fewer than baselineMinDays were recorded. */
    static double baseline(DailySeries series, int t, InsightSettings settings, double[] window) {
        int count = 0;
        for (int day = Math.max(0, t - settings.baselineDays()); day < t && day < series.length; day++) {
            double pain = series.painPm[day];
            if (!Double.isNaN(pain)) {
                window[count++] = pain;
            }
        }
        if (count < settings.baselineMinDays()) {
            return Double.NaN;
        }
        Arrays.sort(window, 0, count);
        return count % 2 == 1 ? window[count / 2] : (window[count / 2 - 1] + window[count / 2]) / 2;
    }
}
