package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.Habit;
import backstop.diary.SleepPosition;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A diary laid out on the calendar: index 0 is the first recorded date, one slot per calendar day, and NaN wherever
 * nothing was recorded (a missing day, or an empty cell). Nothing is filled in; every statistic that needs a value
 * skips the slots that have none. Built once per report so the fitting loops read plain arrays.
 */
final class DailySeries {
    private static final Habit[] HABITS = Habit.values();

    final LocalDate first;
    final int length;
    final double[] painPm;
    final double[] painAm;
    /** habit[h.ordinal()][t]. */
    final double[][] habit;

    final boolean[] recorded;
    /** 0 = Monday … 6 = Sunday. */
    final int[] weekday;

    /** Made when first asked: see {@link #eveningPainPairs} and {@link #recordedOverLags}. */
    private boolean[] eveningPainPairs;

    private final boolean[][] recordedOverLags = new boolean[HABITS.length][];

    private DailySeries(LocalDate first, int length) {
        this.first = first;
        this.length = length;
        painPm = nan(length);
        painAm = nan(length);
        habit = new double[HABITS.length][];
        for (int h = 0; h < HABITS.length; h++) {
            habit[h] = nan(length);
        }
        recorded = new boolean[length];
        weekday = new int[length];
        int firstWeekday = first.getDayOfWeek().getValue() - 1;
        for (int t = 0; t < length; t++) {
            weekday[t] = (firstWeekday + t) % 7;
        }
    }

    static DailySeries of(Diary diary) {
        if (diary.isEmpty()) {
            return new DailySeries(LocalDate.EPOCH, 0);
        }
        List<DiaryDay> days = diary.days();
        LocalDate first = days.get(0).date();
        long firstDay = first.toEpochDay();
        int length = (int) (days.get(days.size() - 1).date().toEpochDay() - firstDay) + 1;
        DailySeries series = new DailySeries(first, length);
        double[][] habit = series.habit;
        LocalDate previous = null;
        int t = -1;
        for (DiaryDay day : days) {
            LocalDate date = day.date();
            // Most days follow the day before: one comparison instead of an epoch-day calculation.
            t = previous != null && date.getDayOfMonth() > 1 && isNextDay(previous, date)
                    ? t + 1
                    : (int) (date.toEpochDay() - firstDay);
            previous = date;
            series.recorded[t] = true;
            series.painPm[t] = orNaN(day.painPm());
            series.painAm[t] = orNaN(day.painAm());
            habit[Habit.DESK_HOURS.ordinal()][t] =
                    day.deskHours().isPresent() ? day.deskHours().getAsDouble() : Double.NaN;
            habit[Habit.LONGEST_SIT_MIN.ordinal()][t] = orNaN(day.longestSitMin());
            habit[Habit.BREAKS.ordinal()][t] = orNaN(day.breaks());
            habit[Habit.EXERCISE_MIN.ordinal()][t] = orNaN(day.exerciseMin());
            habit[Habit.STRESS.ordinal()][t] = orNaN(day.stress());
            habit[Habit.SLEEP_QUALITY.ordinal()][t] = orNaN(day.sleepQuality());
            habit[Habit.ARM_LOAD.ordinal()][t] =
                    day.armLoad().isPresent() ? day.armLoad().get().level() : Double.NaN;
            if (day.sleepPosition().isPresent()) {
                SleepPosition position = day.sleepPosition().get();
                habit[Habit.SLEEP_POSITION_SIDE.ordinal()][t] = position == SleepPosition.SIDE ? 1 : 0;
                habit[Habit.SLEEP_POSITION_STOMACH.ordinal()][t] = position == SleepPosition.STOMACH ? 1 : 0;
                habit[Habit.SLEEP_POSITION_MIXED.ordinal()][t] = position == SleepPosition.MIXED ? 1 : 0;
            }
        }
        return series;
    }

    /** True when {@code date} is the day after {@code previous} within one month (the caller has day of month > 1). */
    private static boolean isNextDay(LocalDate previous, LocalDate date) {
        return previous.getDayOfMonth() + 1 == date.getDayOfMonth()
                && previous.getMonthValue() == date.getMonthValue()
                && previous.getYear() == date.getYear();
    }

    /** pairs[t]: evening pain recorded on day t and on the day before (false for t = 0). */
    boolean[] eveningPainPairs() {
        if (eveningPainPairs == null) {
            boolean[] pairs = new boolean[length];
            for (int t = 1; t < length; t++) {
                pairs[t] = !Double.isNaN(painPm[t]) && !Double.isNaN(painPm[t - 1]);
            }
            eveningPainPairs = pairs;
        }
        return eveningPainPairs;
    }

    /**
     * full[t]: the habit recorded on day t and on the {@link ModelDesign#LAG_COUNT} − 1 days before it, so that every
     * lag of it is known on day t (false for the first days).
     */
    boolean[] recordedOverLags(Habit habit) {
        boolean[] full = recordedOverLags[habit.ordinal()];
        if (full == null) {
            full = new boolean[length];
            double[] values = this.habit[habit.ordinal()];
            int run = 0;
            for (int t = 0; t < length; t++) {
                run = Double.isNaN(values[t]) ? 0 : run + 1;
                full[t] = run >= ModelDesign.LAG_COUNT;
            }
            recordedOverLags[habit.ordinal()] = full;
        }
        return full;
    }

    private static double orNaN(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : Double.NaN;
    }

    LocalDate date(int t) {
        return first.plusDays(t);
    }

    int index(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(first, date);
    }

    int daysWithEveningPain() {
        int count = 0;
        for (double value : painPm) {
            count += Double.isNaN(value) ? 0 : 1;
        }
        return count;
    }

    int recordedDays() {
        int count = 0;
        for (boolean day : recorded) {
            count += day ? 1 : 0;
        }
        return count;
    }

    static double at(double[] values, int t) {
        return t < 0 || t >= values.length ? Double.NaN : values[t];
    }

    private static double[] nan(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
