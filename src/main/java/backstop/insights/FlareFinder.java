package backstop.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds flare-ups: runs of at least {@code flareMinDays} consecutive recorded days whose evening pain is at least
 * {@code flareRise} above the baseline, the median evening pain over the {@code baselineDays} calendar days before the
 * run began (with at least {@code baselineMinDays} of them recorded, see {@link Baselines}). The baseline is frozen at the run's first day so
 * that the flare does not raise its own yardstick. A missing day or a missing evening pain ends a run: a flare is only
 * claimed on days that were recorded.
 */
final class FlareFinder {
    private FlareFinder() {}

    static List<Flare> find(DailySeries series, double[] baselines, InsightSettings settings) {
        List<Flare> flares = new ArrayList<>();
        int t = 0;
        while (t < series.length) {
            double baseline = baselines[t];
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
}
