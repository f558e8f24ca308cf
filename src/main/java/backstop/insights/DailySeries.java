package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryColumns;
import backstop.diary.Habit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A diary laid out on the calendar ({@link DiaryColumns}): index 0 is the first recorded date, one slot per calendar
 * day, and NaN wherever nothing was recorded (a missing day, or an empty cell). Nothing is filled in; every statistic
 * that needs a value skips the slots that have none. Built once per report so the fitting loops read plain arrays.
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

    /** {@link EpisodeFinder#states} for the threshold {@link #painStatesMax}, kept by it. */
    private int[] painStates;

    private int painStatesMax;

    private DailySeries(DiaryColumns columns) {
        first = columns.first();
        length = columns.length();
        painPm = columns.painPm();
        painAm = columns.painAm();
        habit = new double[HABITS.length][];
        for (Habit h : HABITS) {
            habit[h.ordinal()] = columns.habit(h);
        }
        recorded = columns.recorded();
        weekday = new int[length];
        int firstWeekday = first.getDayOfWeek().getValue() - 1;
        for (int t = 0; t < length; t++) {
            weekday[t] = (firstWeekday + t) % 7;
        }
    }

    static DailySeries of(Diary diary) {
        return new DailySeries(DiaryColumns.of(diary));
    }

    /** The series over columns read straight from a file; they become the series' own. */
    static DailySeries of(DiaryColumns columns) {
        return new DailySeries(columns);
    }

    /** The day states kept for this pain-free threshold, or null. */
    int[] painStates(int painFreeMax) {
        return painStates != null && painStatesMax == painFreeMax ? painStates : null;
    }

    void keepPainStates(int painFreeMax, int[] states) {
        painStates = states;
        painStatesMax = painFreeMax;
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
}
