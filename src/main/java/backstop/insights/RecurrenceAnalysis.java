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

    private RecurrenceAnalysis() {}

    static Recurrence analyse(
            DailySeries series,
            List<Episode> episodes,
            List<Flare> flares,
            Optional<LocalDate> planStart,
            InsightSettings settings) {
        double years = series.length / DAYS_PER_YEAR;
        List<Recurrence.Interval> intervals = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            LocalDate end = episodes.get(i).end();
            if (i + 1 < episodes.size()) {
                intervals.add(new Recurrence.Interval(
                        daysBetween(end, episodes.get(i + 1).start()), false));
            } else if (episodes.get(i).painFreeAfter()) {
                intervals.add(new Recurrence.Interval(daysBetween(end, series.date(series.length - 1)), true));
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
        return new Recurrence(
                years,
                episodes.size(),
                years > 0 ? episodes.size() / years : 0,
                flares.size(),
                years > 0 ? flares.size() / years : 0,
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
        double daysBefore = split;
        double daysAfter = series.length - split;
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
                            + " at least " + settings.minPlanDays() + " days of diary on each side; there are "
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
        String counts = count(before, what) + " in " + (int) daysBefore + " days before the plan and " + after + " in "
                + (int) daysAfter + " days since";
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
