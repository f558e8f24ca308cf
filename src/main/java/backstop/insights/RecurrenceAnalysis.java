package backstop.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apache.commons.math3.distribution.BinomialDistribution;

/** Rates, pain-free intervals, Kaplan–Meier and the before/after-plan test behind {@link Recurrence}. */
final class RecurrenceAnalysis {
    static final String FEWER = "fewer_since_plan";
    static final String NO_CLEAR_CHANGE = "no_clear_change";
    static final String NOT_ENOUGH = "not_enough_data";
    private static final double DAYS_PER_YEAR = 365.25;
    /**
     * A rate per year needs at least this many days with a pain recorded (a quarter of a year): below it one episode
     * more or less would swing the rate by more than four a year (project judgement, docs/clinical.md).
     */
    static final int RATE_MIN_DAYS = 90;

    private RecurrenceAnalysis() {}

    static Recurrence analyse(
            DailySeries series,
            List<Episode> episodes,
            List<Flare> flares,
            Optional<LocalDate> planStart,
            InsightSettings settings) {
        int[] state = EpisodeFinder.states(series, settings.painFreeMax());
        int recordedDays = EpisodeFinder.recordedPainDays(state, 0, series.length);
        double years = recordedDays / DAYS_PER_YEAR;
        List<Recurrence.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            Episode episode = episodes.get(i);
            int end = series.index(episode.end());
            boolean hasNext = i + 1 < episodes.size();
            int nextStart = hasNext ? series.index(episodes.get(i + 1).start()) : series.length;
            int gap = EpisodeFinder.longGapStart(state, end + 1, nextStart - 1, settings);
            if (hasNext && gap < 0) {
                intervals.add(new Recurrence.Interval(
                        daysBetween(episode.end(), episodes.get(i + 1).start()), false));
            } else if (episode.painFreeAfter()) {
                // Pain-free as far as the diary knows: up to its last day, or up to a long gap.
                int lastKnown = gap < 0 ? series.length - 1 : gap - 1;
                intervals.add(new Recurrence.Interval(daysBetween(episode.end(), series.date(lastKnown)), true));
            }
        }
        Optional<Recurrence.KaplanMeier> curve = Optional.empty();
        Optional<String> reason = Optional.empty();
        if (intervals.size() >= settings.minIntervals()) {
            curve = Optional.of(kaplanMeier(intervals));
        } else {
            reason = Optional.of("the time to recurrence needs at least " + settings.minIntervals()
                    + " pain-free intervals between episodes; the diary has " + intervals.size());
        }
        Optional<Recurrence.PlanComparison> sincePlan = planStart.map(start -> new Recurrence.PlanComparison(
                start.toString(),
                compare(series, start, episodes, Episode::start, "episodes", settings),
                compare(series, start, flares, Flare::start, "flare-ups", settings)));
        boolean enough = recordedDays >= RATE_MIN_DAYS;
        return new Recurrence(
                years,
                recordedDays,
                episodes.size(),
                enough ? OptionalDouble.of(episodes.size() / years) : OptionalDouble.empty(),
                flares.size(),
                enough ? OptionalDouble.of(flares.size() / years) : OptionalDouble.empty(),
                enough
                        ? Optional.empty()
                        : Optional.of("a rate per year needs at least " + RATE_MIN_DAYS + " days with pain recorded;"
                                + " the diary has " + recordedDays),
                intervals,
                curve,
                reason,
                sincePlan);
    }

    static Recurrence.KaplanMeier kaplanMeier(List<Recurrence.Interval> intervals) {
        List<Recurrence.Interval> sorted = new ArrayList<>(intervals);
        // At tied times events come before censoring, the usual convention.
        sorted.sort((a, b) -> a.days() != b.days()
                ? Integer.compare(a.days(), b.days())
                : Boolean.compare(a.censored(), b.censored()));
        List<Recurrence.Step> steps = new ArrayList<>();
        double survival = 1;
        int atRisk = sorted.size();
        int recurrences = 0;
        OptionalDouble median = OptionalDouble.empty();
        int i = 0;
        while (i < sorted.size()) {
            int days = sorted.get(i).days();
            int events = 0;
            int leaving = 0;
            while (i < sorted.size() && sorted.get(i).days() == days) {
                events += sorted.get(i).censored() ? 0 : 1;
                leaving++;
                i++;
            }
            if (events > 0) {
                survival *= 1 - (double) events / atRisk;
                steps.add(new Recurrence.Step(days, atRisk, events, survival));
                recurrences += events;
                if (median.isEmpty() && survival <= 0.5) {
                    median = OptionalDouble.of(days);
                }
            }
            atRisk -= leaving;
        }
        return new Recurrence.KaplanMeier(intervals.size(), recurrences, median, steps);
    }

    static <T> Recurrence.RateChange compare(
            DailySeries series,
            LocalDate planStart,
            List<T> events,
            Function<T, LocalDate> date,
            String what,
            InsightSettings settings) {
        int split = Math.max(0, Math.min(series.length, series.index(planStart)));
        int[] state = EpisodeFinder.states(series, settings.painFreeMax());
        // Only the days the person recorded count: a gap is neither pain-free time nor time at risk we know of.
        double daysBefore = EpisodeFinder.recordedPainDays(state, 0, split);
        double daysAfter = EpisodeFinder.recordedPainDays(state, split, series.length);
        int before = 0;
        int after = 0;
        for (T event : events) {
            if (date.apply(event).isBefore(planStart)) {
                before++;
            } else {
                after++;
            }
        }
        OptionalDouble rateBefore =
                daysBefore > 0 ? OptionalDouble.of(before / daysBefore * DAYS_PER_YEAR) : OptionalDouble.empty();
        OptionalDouble rateAfter =
                daysAfter > 0 ? OptionalDouble.of(after / daysAfter * DAYS_PER_YEAR) : OptionalDouble.empty();
        if (daysBefore < settings.minPlanDays() || daysAfter < settings.minPlanDays()) {
            return new Recurrence.RateChange(
                    before,
                    daysBefore,
                    after,
                    daysAfter,
                    rateBefore,
                    rateAfter,
                    OptionalDouble.empty(),
                    NOT_ENOUGH,
                    "Comparing " + what + " before and after the plan started needs"
                            + " at least " + settings.minPlanDays()
                            + " days with pain recorded on each side; there are "
                            + (int) daysBefore + " before and " + (int) daysAfter + " after.");
        }
        int total = before + after;
        if (total == 0) {
            return new Recurrence.RateChange(
                    before,
                    daysBefore,
                    after,
                    daysAfter,
                    rateBefore,
                    rateAfter,
                    OptionalDouble.empty(),
                    NOT_ENOUGH,
                    "There were no " + what + " before or after the plan started, so there is no rate to compare.");
        }
        double shareAfter = daysAfter / (daysBefore + daysAfter);
        double p = new BinomialDistribution(null, total, shareAfter).cumulativeProbability(after);
        String verdict = p < settings.falseDiscoveryRate() ? FEWER : NO_CLEAR_CHANGE;
        String counts = count(before, what) + " in " + (int) daysBefore + " recorded days before the plan and " + after
                + " in " + (int) daysAfter + " recorded days since";
        String text = verdict.equals(FEWER)
                ? "Since the plan started, " + what + " have come less often: " + counts + " (one-sided p = "
                        + Numbers.decimals(p, 3) + ")."
                : "No clear change in how often " + what + " come since the plan started: " + counts
                        + " (one-sided p = " + Numbers.decimals(p, 3) + ")"
                        + (total < 10 ? "; with counts this small only a large change would show." : ".");
        return new Recurrence.RateChange(
                before, daysBefore, after, daysAfter, rateBefore, rateAfter, OptionalDouble.of(p), verdict, text);
    }

    /** "1 episode", "3 flare-ups": {@code plural} ends in s. */
    private static String count(int number, String plural) {
        return number + " " + (number == 1 ? plural.substring(0, plural.length() - 1) : plural);
    }

    private static int daysBetween(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }
}
