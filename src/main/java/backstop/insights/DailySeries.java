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
        for (DiaryDay day : days) {
            int t = (int) (day.date().toEpochDay() - firstDay);
            series.recorded[t] = true;
            series.painPm[t] = orNaN(day.painPm());
            series.painAm[t] = orNaN(day.painAm());
            for (Habit habit : HABITS) {
                series.habit[habit.ordinal()][t] = valueOn(habit, day);
            }
        }
        return series;
    }

    /**
     * {@link Habit#valueOn} as a plain double, NaN when not recorded, without an optional per value (the series is
     * built for every report; {@code DailySeriesTest} holds the two equal).
     */
    static double valueOn(Habit habit, DiaryDay day) {
        return switch (habit) {
            case DESK_HOURS -> day.deskHours().isPresent() ? day.deskHours().getAsDouble() : Double.NaN;
            case LONGEST_SIT_MIN -> orNaN(day.longestSitMin());
            case BREAKS -> orNaN(day.breaks());
            case EXERCISE_MIN -> orNaN(day.exerciseMin());
            case STRESS -> orNaN(day.stress());
            case SLEEP_QUALITY -> orNaN(day.sleepQuality());
            case ARM_LOAD -> day.armLoad().isPresent() ? day.armLoad().get().level() : Double.NaN;
            case SLEEP_POSITION_SIDE -> contrast(day, SleepPosition.SIDE);
            case SLEEP_POSITION_STOMACH -> contrast(day, SleepPosition.STOMACH);
            case SLEEP_POSITION_MIXED -> contrast(day, SleepPosition.MIXED);
        };
    }

    private static double orNaN(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : Double.NaN;
    }

    private static double contrast(DiaryDay day, SleepPosition position) {
        return day.sleepPosition().isPresent() ? (day.sleepPosition().get() == position ? 1 : 0) : Double.NaN;
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
