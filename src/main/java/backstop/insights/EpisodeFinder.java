package backstop.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds episodes per de Vet et al. 2002 on the calendar series. A day is painful when its highest recorded pain
 * (morning or evening) is above {@code painFreeMax}, pain-free when every recorded pain is at or below it, and unknown
 * when no pain was recorded (a missing day or empty cells). Nothing unknown is guessed:
 * <ul>
 *   <li>a core is a run of at least {@code episodeMinDays} consecutive painful days (pain lasting more than 24 h);</li>
 *   <li>two cores belong to one episode unless the stretch between them is a pain-free month: at least
 *       {@code painFreeDays} long, without a painful day, and without an unknown run longer than
 *       {@code maxUnrecordedDays}. A single painful day does not start an episode but does interrupt a pain-free
 *       month; an unknown stretch is not known to be pain-free, so it cannot separate episodes.</li>
 * </ul>
 */
final class EpisodeFinder {
    private EpisodeFinder() {
    }

    static List<Episode> find(DailySeries series, InsightSettings settings) {
        int[] state = states(series, settings.painFreeMax());
        List<int[]> cores = new ArrayList<>();
        int t = 0;
        while (t < series.length) {
            if (state[t] != PAINFUL) {
                t++;
                continue;
            }
            int end = t;
            while (end + 1 < series.length && state[end + 1] == PAINFUL) {
                end++;
            }
            if (end - t + 1 >= settings.episodeMinDays()) {
                cores.add(new int[] {t, end});
            }
            t = end + 1;
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] core : cores) {
            if (!merged.isEmpty()) {
                int[] last = merged.get(merged.size() - 1);
                if (!isPainFreeMonth(state, last[1] + 1, core[0] - 1, settings)) {
                    last[1] = core[1];
                    continue;
                }
            }
            merged.add(core.clone());
        }
        List<Episode> episodes = new ArrayList<>();
        for (int[] span : merged) {
            int peak = 0;
            int painDays = 0;
            for (int day = span[0]; day <= span[1]; day++) {
                peak = Math.max(peak, (int) Math.max(zeroIfNaN(series.painAm[day]), zeroIfNaN(series.painPm[day])));
                painDays += state[day] == PAINFUL ? 1 : 0;
            }
            boolean before = painFreeBefore(state, span[0], settings);
            boolean after = painFreeAfter(state, span[1], settings);
            episodes.add(new Episode(series.date(span[0]), series.date(span[1]), peak, painDays, before, after));
        }
        return List.copyOf(episodes);
    }

    static final int UNKNOWN = 0;
    static final int PAIN_FREE = 1;
    static final int PAINFUL = 2;

    static int[] states(DailySeries series, int painFreeMax) {
        int[] state = new int[series.length];
        for (int t = 0; t < series.length; t++) {
            double am = series.painAm[t];
            double pm = series.painPm[t];
            if (Double.isNaN(am) && Double.isNaN(pm)) {
                state[t] = UNKNOWN;
            } else {
                double highest = Math.max(zeroIfNaN(am), zeroIfNaN(pm));
                state[t] = highest > painFreeMax ? PAINFUL : PAIN_FREE;
            }
        }
        return state;
    }

    /** Days from..to (inclusive) form a pain-free month: long enough, no pain, no unknown run that is too long. */
    private static boolean isPainFreeMonth(int[] state, int from, int to, InsightSettings settings) {
        if (to - from + 1 < settings.painFreeDays()) {
            return false;
        }
        int unknownRun = 0;
        for (int t = from; t <= to; t++) {
            if (state[t] == PAINFUL) {
                return false;
            }
            unknownRun = state[t] == UNKNOWN ? unknownRun + 1 : 0;
            if (unknownRun > settings.maxUnrecordedDays()) {
                return false;
            }
        }
        return true;
    }

    /** The month before the episode lies inside the diary and is pain-free. */
    private static boolean painFreeBefore(int[] state, int start, InsightSettings settings) {
        int from = start - settings.painFreeDays();
        return from >= 0 && isPainFreeMonth(state, from, start - 1, settings);
    }

    private static boolean painFreeAfter(int[] state, int end, InsightSettings settings) {
        int to = end + settings.painFreeDays();
        return to < state.length && isPainFreeMonth(state, end + 1, to, settings);
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
