package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.Habit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.OptionalDouble;

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
        LocalDate first = diary.firstDate().orElseThrow();
        int length = (int) ChronoUnit.DAYS.between(first, diary.lastDate().orElseThrow()) + 1;
        DailySeries series = new DailySeries(first, length);
        for (DiaryDay day : diary.days()) {
            int t = (int) ChronoUnit.DAYS.between(first, day.date());
            series.recorded[t] = true;
            day.painPm().ifPresent(value -> series.painPm[t] = value);
            day.painAm().ifPresent(value -> series.painAm[t] = value);
            for (Habit habit : HABITS) {
                OptionalDouble value = habit.valueOn(day);
                if (value.isPresent()) {
                    series.habit[habit.ordinal()][t] = value.getAsDouble();
                }
            }
        }
        return series;
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
