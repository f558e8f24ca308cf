package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * "Do breaks help me?", asked of one person's diary: evening pain on days with a longer versus a shorter longest
 * unbroken sitting stretch (adjusted for yesterday's pain and a slow trend), or, when the person runs the
 * alternating-weeks experiment, evening pain in phases without versus with break reminders. Says "not enough data
 * yet" until the rules below are met; the interval is a 95% t interval either way. Pure statistics: records in,
 * records out. Design, assumptions and sources: docs/clinical.md, "Does it help me?".
 *
 * @param difference second group minus first (longer minus shorter stretch days, or without minus with
 *     reminders), in points of evening pain: above 0 means more pain without breaks
 */
public record BreakEffect(
        Design design,
        Status status,
        int rows,
        int rowsNeeded,
        int firstGroup,
        int secondGroup,
        int groupNeeded,
        OptionalInt thresholdMinutes,
        OptionalDouble firstMean,
        OptionalDouble secondMean,
        OptionalDouble difference,
        OptionalDouble low,
        OptionalDouble high,
        int degreesOfFreedom,
        Optional<Verdict> verdict) {

    /** Which comparison: the person's own ordinary days, or their experiment. */
    public enum Design {
        SITTING_STRETCH,
        ALTERNATING_WEEKS
    }

    public enum Status {
        NOT_ENOUGH_DATA,
        ESTIMATED
    }

    /** What the interval allows one to say. */
    public enum Verdict {
        /** The whole interval lies above 0: more evening pain without breaks. */
        BREAKS_HELP,
        /** The whole interval lies below 0: less evening pain on the days with longer stretches or no reminders. */
        OPPOSITE,
        /** The interval holds 0 and lies within ±2 points, the smallest change people notice (Farrar 2001). */
        SMALLER_THAN_NOTICEABLE,
        /** The interval holds 0 and reaches beyond ±2 points: more days are needed to tell. */
        UNCLEAR
    }

    /** Days of the ordinary comparison needed in all, and in each of the two groups. */
    public static final int MIN_DAYS = 28;

    public static final int MIN_DAYS_PER_GROUP = 10;
    /** Complete pairs of phases (one with, one without reminders) the experiment needs: one four-week block each way. */
    public static final int MIN_PAIRS = 2;
    /** A phase counts when at least this many of its days after the washout have an evening pain. */
    public static final int MIN_DAYS_PER_PHASE = 7;
    /** Farrar 2001, Ostelo 2008: about 2 points of 10 is the smallest change people experience as meaningful. */
    public static final double NOTICEABLE_POINTS = 2.0;

    public BreakEffect {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thresholdMinutes, "thresholdMinutes");
        Objects.requireNonNull(firstMean, "firstMean");
        Objects.requireNonNull(secondMean, "secondMean");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Evening pain after longer versus shorter unbroken sitting, on desk days with yesterday's evening pain known:
     * pain = b0 + b1·longer + b2·yesterday's pain + b3·months since the first day, fitted by least squares. "Longer"
     * means above the person's own median stretch, so both groups are about the same size.
     */
    public static BreakEffect sittingStretch(Diary diary) {
        List<DiaryDay> usable = new ArrayList<>();
        List<Double> yesterday = new ArrayList<>();
        for (DiaryDay day : diary.days()) {
            Optional<DiaryDay> before = diary.day(day.date().minusDays(1));
            boolean deskDay =
                    day.longestSitMin().orElse(0) > 0 && day.deskHours().orElse(1) > 0;
            if (deskDay
                    && day.painPm().isPresent()
                    && before.isPresent()
                    && before.get().painPm().isPresent()) {
                usable.add(day);
                yesterday.add((double) before.get().painPm().getAsInt());
            }
        }
        int rows = usable.size();
        if (rows == 0) {
            return notEnough(Design.SITTING_STRETCH, 0, MIN_DAYS, 0, 0, MIN_DAYS_PER_GROUP, OptionalInt.empty());
        }
        int threshold = lowerMedian(
                usable.stream().mapToInt(day -> day.longestSitMin().getAsInt()).toArray());
        int longer = (int) usable.stream()
                .filter(day -> day.longestSitMin().getAsInt() > threshold)
                .count();
        int shorter = rows - longer;
        if (rows < MIN_DAYS || shorter < MIN_DAYS_PER_GROUP || longer < MIN_DAYS_PER_GROUP) {
            return notEnough(
                    Design.SITTING_STRETCH,
                    rows,
                    MIN_DAYS,
                    shorter,
                    longer,
                    MIN_DAYS_PER_GROUP,
                    OptionalInt.of(threshold));
        }
        int k = 4;
        double[] x = new double[rows * k];
        double[] y = new double[rows];
        LocalDate first = usable.get(0).date();
        double sumShorter = 0;
        double sumLonger = 0;
        for (int r = 0; r < rows; r++) {
            DiaryDay day = usable.get(r);
            boolean isLonger = day.longestSitMin().getAsInt() > threshold;
            double pain = day.painPm().getAsInt();
            x[r * k] = 1;
            x[r * k + 1] = isLonger ? 1 : 0;
            x[r * k + 2] = yesterday.get(r);
            x[r * k + 3] = ChronoUnit.DAYS.between(first, day.date()) / 30.0;
            y[r] = pain;
            if (isLonger) {
                sumLonger += pain;
            } else {
                sumShorter += pain;
            }
        }
        LeastSquares.Fit fit;
        try {
            fit = LeastSquares.fit(x, y, rows, k);
        } catch (LeastSquares.Collinear e) {
            // E.g. the same evening pain every day: nothing varies that could show a difference.
            return notEnough(
                    Design.SITTING_STRETCH,
                    rows,
                    MIN_DAYS,
                    shorter,
                    longer,
                    MIN_DAYS_PER_GROUP,
                    OptionalInt.of(threshold));
        }
        if (fit.degreesOfFreedom() < 1 || !(fit.standardErrors()[1] > 0)) {
            return notEnough(
                    Design.SITTING_STRETCH,
                    rows,
                    MIN_DAYS,
                    shorter,
                    longer,
                    MIN_DAYS_PER_GROUP,
                    OptionalInt.of(threshold));
        }
        double estimate = fit.coefficients()[1];
        double half = tQuantile(fit.degreesOfFreedom()) * fit.standardErrors()[1];
        return estimated(
                Design.SITTING_STRETCH,
                rows,
                MIN_DAYS,
                shorter,
                longer,
                MIN_DAYS_PER_GROUP,
                OptionalInt.of(threshold),
                sumShorter / shorter,
                sumLonger / longer,
                estimate,
                half,
                fit.degreesOfFreedom());
    }

    /**
     * The experiment: each phase's mean evening pain after its washout days; each complete pair of phases (with and
     * without reminders, in either order) gives one difference, and the differences get a t interval. Rows are
     * pairs here, and the groups count phases.
     */
    public static BreakEffect experiment(Diary diary, AlternatingWeeks weeks) {
        Optional<LocalDate> last = diary.lastDate();
        List<Double> means = new ArrayList<>();
        for (int phase = 0; ; phase++) {
            LocalDate end = weeks.phaseEnd(phase).minusDays(1);
            // Only whole phases count: one the diary has not reached yet, or the person stopped in, is left out.
            if (last.isEmpty()
                    || end.isAfter(last.get())
                    || weeks.end().map(end::isAfter).orElse(false)) {
                break;
            }
            double sum = 0;
            int count = 0;
            for (LocalDate date = weeks.phaseStart(phase).plusDays(AlternatingWeeks.WASHOUT_DAYS);
                    !date.isAfter(end);
                    date = date.plusDays(1)) {
                OptionalInt pain = diary.day(date).map(DiaryDay::painPm).orElse(OptionalInt.empty());
                if (pain.isPresent()) {
                    sum += pain.getAsInt();
                    count++;
                }
            }
            means.add(count >= MIN_DAYS_PER_PHASE ? sum / count : Double.NaN);
        }
        List<Double> differences = new ArrayList<>();
        double sumWith = 0;
        double sumWithout = 0;
        for (int pair = 0; 2 * pair + 1 < means.size(); pair++) {
            double a = means.get(2 * pair);
            double b = means.get(2 * pair + 1);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            double with = AlternatingWeeks.withReminders(2 * pair) ? a : b;
            double without = AlternatingWeeks.withReminders(2 * pair) ? b : a;
            differences.add(without - with);
            sumWith += with;
            sumWithout += without;
        }
        int pairs = differences.size();
        if (pairs < MIN_PAIRS) {
            return notEnough(Design.ALTERNATING_WEEKS, pairs, MIN_PAIRS, pairs, pairs, MIN_PAIRS, OptionalInt.empty());
        }
        double mean = differences.stream().mapToDouble(Double::doubleValue).sum() / pairs;
        double squares =
                differences.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum();
        double se = Math.sqrt(squares / (pairs - 1) / pairs);
        double half = tQuantile(pairs - 1) * se;
        return estimated(
                Design.ALTERNATING_WEEKS,
                pairs,
                MIN_PAIRS,
                pairs,
                pairs,
                MIN_PAIRS,
                OptionalInt.empty(),
                sumWith / pairs,
                sumWithout / pairs,
                mean,
                half,
                pairs - 1);
    }

    static Verdict verdict(double low, double high) {
        if (low > 0) {
            return Verdict.BREAKS_HELP;
        }
        if (high < 0) {
            return Verdict.OPPOSITE;
        }
        if (low > -NOTICEABLE_POINTS && high < NOTICEABLE_POINTS) {
            return Verdict.SMALLER_THAN_NOTICEABLE;
        }
        return Verdict.UNCLEAR;
    }

    private static BreakEffect estimated(
            Design design,
            int rows,
            int rowsNeeded,
            int first,
            int second,
            int groupNeeded,
            OptionalInt threshold,
            double firstMean,
            double secondMean,
            double estimate,
            double half,
            int df) {
        double low = estimate - half;
        double high = estimate + half;
        return new BreakEffect(
                design,
                Status.ESTIMATED,
                rows,
                rowsNeeded,
                first,
                second,
                groupNeeded,
                threshold,
                OptionalDouble.of(firstMean),
                OptionalDouble.of(secondMean),
                OptionalDouble.of(estimate),
                OptionalDouble.of(low),
                OptionalDouble.of(high),
                df,
                Optional.of(verdict(low, high)));
    }

    private static BreakEffect notEnough(
            Design design, int rows, int needed, int first, int second, int groupNeeded, OptionalInt threshold) {
        return new BreakEffect(
                design,
                Status.NOT_ENOUGH_DATA,
                rows,
                needed,
                first,
                second,
                groupNeeded,
                threshold,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                0,
                Optional.empty());
    }

    private static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }

    private static int lowerMedian(int[] values) {
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
