package backstop.insights;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds episodes per de Vet et al. 2002 on the calendar series. A day is painful when its highest recorded pain
 * (morning or evening) is above {@code painFreeMax}, pain-free when every recorded pain is at or below it, and unknown
 * when no pain was recorded (a missing day or empty cells). Nothing unknown is guessed:
 * <ul>
 *   <li>a core is a run of at least {@code episodeMinDays} consecutive painful days (pain lasting more than 24 h);</li>
 *   <li>two cores belong to one episode unless the stretch between them holds a pain-free month: at least
 *       {@code painFreeDays} consecutive days without a painful day and without an unknown run longer than
 *       {@code maxUnrecordedDays}. A single painful day does not start an episode but does interrupt a pain-free
 *       month; a long unknown stretch is not known to be pain-free, so it cannot be part of one. Whatever a long gap
 *       hid, a known pain-free month after it still separates what came before from what comes after.</li>
 *   <li>an episode never spans a gap: an unrecorded stretch longer than the pain-free month ({@code painFreeDays})
 *       is unknown, not pain, so the cores on either side of it are separate episodes, the one before "may still
 *       have gone on" and the one after "may have begun earlier".</li>
 * </ul>
 */
final class EpisodeFinder {
    private EpisodeFinder() {}

    static List<Episode> find(DailySeries series, InsightSettings settings) {
        int[] state = states(series, settings.painFreeMax());
        List<int[]> merged = merged(cores(state, settings.episodeMinDays()), state, settings);
        List<Episode> episodes = new ArrayList<>(merged.size());
        for (int[] span : merged) {
            episodes.add(episode(series, state, span[0], span[1], settings));
        }
        return List.copyOf(episodes);
    }

    // One loop per method: the JIT compiles a method again for each loop it enters while hot (on-stack replacement),
    // so one method with four loops was compiled four times, each time whole.

    /** The runs of at least minDays consecutive painful days, as {first, last}. */
    private static List<int[]> cores(int[] state, int minDays) {
        List<int[]> cores = new ArrayList<>();
        int t = 0;
        while (t < state.length) {
            if (state[t] != PAINFUL) {
                t++;
                continue;
            }
            int end = painfulRunEnd(state, t);
            if (end - t + 1 >= minDays) {
                cores.add(new int[] {t, end});
            }
            t = end + 1;
        }
        return cores;
    }

    private static int painfulRunEnd(int[] state, int start) {
        int end = start;
        while (end + 1 < state.length && state[end + 1] == PAINFUL) {
            end++;
        }
        return end;
    }

    /** Cores joined into episodes unless a pain-free month or a long gap lies between them. */
    private static List<int[]> merged(List<int[]> cores, int[] state, InsightSettings settings) {
        List<int[]> merged = new ArrayList<>();
        for (int[] core : cores) {
            if (!merged.isEmpty()) {
                int[] last = merged.get(merged.size() - 1);
                if (!containsPainFreeMonth(state, last[1] + 1, core[0] - 1, settings)
                        && longGapStart(state, last[1] + 1, core[0] - 1, settings) < 0) {
                    last[1] = core[1];
                    continue;
                }
            }
            merged.add(core.clone());
        }
        return merged;
    }

    private static Episode episode(DailySeries series, int[] state, int first, int last, InsightSettings settings) {
        int peak = 0;
        int painDays = 0;
        for (int day = first; day <= last; day++) {
            peak = Math.max(peak, (int) Math.max(zeroIfNaN(series.painAm[day]), zeroIfNaN(series.painPm[day])));
            painDays += state[day] == PAINFUL ? 1 : 0;
        }
        boolean before = painFreeBefore(state, first, settings);
        boolean after = painFreeAfter(state, last, settings);
        return new Episode(series.date(first), series.date(last), peak, painDays, before, after);
    }

    static final int UNKNOWN = 0;
    static final int PAIN_FREE = 1;
    static final int PAINFUL = 2;

    /** Each day's state; worked out once per series and threshold (a report asks four times), not to be changed. */
    static int[] states(DailySeries series, int painFreeMax) {
        int[] known = series.painStates(painFreeMax);
        if (known != null) {
            return known;
        }
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
        series.keepPainStates(painFreeMax, state);
        return state;
    }

    /**
     * Days from..to (inclusive) hold a pain-free month: painFreeDays consecutive days with no painful day, where
     * unknown runs of at most maxUnrecordedDays count as pain-free and a longer one restarts the count.
     */
    private static boolean containsPainFreeMonth(int[] state, int from, int to, InsightSettings settings) {
        int run = 0;
        int unknownRun = 0;
        for (int t = from; t <= to; t++) {
            if (state[t] == PAINFUL) {
                run = 0;
                unknownRun = 0;
                continue;
            }
            unknownRun = state[t] == UNKNOWN ? unknownRun + 1 : 0;
            if (unknownRun > settings.maxUnrecordedDays()) {
                run = 0;
                continue;
            }
            run++;
            if (run >= settings.painFreeDays()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first day of an unrecorded run longer than the pain-free month within days from..to (inclusive), or -1:
     * across such a gap nothing is known, so no episode spans it and no pain-free interval runs through it.
     */
    static int longGapStart(int[] state, int from, int to, InsightSettings settings) {
        int unknownRun = 0;
        for (int t = from; t <= to; t++) {
            unknownRun = state[t] == UNKNOWN ? unknownRun + 1 : 0;
            if (unknownRun > settings.painFreeDays()) {
                return t - unknownRun + 1;
            }
        }
        return -1;
    }

    /** Days with a pain recorded (morning or evening) in from..to-1: the days a rate can count. */
    static int recordedPainDays(int[] state, int from, int to) {
        int count = 0;
        for (int t = Math.max(0, from); t < Math.min(to, state.length); t++) {
            count += state[t] == UNKNOWN ? 0 : 1;
        }
        return count;
    }

    /** The month before the episode lies inside the diary and is pain-free. */
    private static boolean painFreeBefore(int[] state, int start, InsightSettings settings) {
        int from = start - settings.painFreeDays();
        return from >= 0 && containsPainFreeMonth(state, from, start - 1, settings);
    }

    private static boolean painFreeAfter(int[] state, int end, InsightSettings settings) {
        int to = end + settings.painFreeDays();
        return to < state.length && containsPainFreeMonth(state, end + 1, to, settings);
    }

    private static double zeroIfNaN(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
