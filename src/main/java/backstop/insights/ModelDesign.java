package backstop.insights;

import backstop.diary.Habit;
import java.util.Arrays;
import java.util.List;

/**
 * The design matrix of the insights model on a diary's complete rows:
 * {@code pain_pm[t] = c + φ·pain_pm[t−1] + Σ β[h,lag]·habit_h[t−lag] + day-of-week + e[t]}. Columns are the
 * constant, yesterday's evening pain, then each habit at lags 0..2, then the same-day value of each adjusting habit
 * (used by the one-habit-at-a-time model), then a 0/1 column for each weekday present other than the reference (Monday, or the first weekday present when no Monday is). A row enters only when
 * every value it needs was recorded: nothing is filled in.
 */
final class ModelDesign {
    static final int CONSTANT = 0;
    static final int PERSISTENCE = 1;
    static final int FIRST_HABIT = 2;
    static final int LAG_COUNT = 3;

    final List<Habit> habits;
    final List<Habit> adjusters;
    final int lags;
    final int rows;
    final int columns;
    /** Row-major rows × columns. */
    final double[] x;

    final double[] y;
    /** The series index t of each row. */
    final int[] day;
    /** Column of each weekday 0..6, or −1 for the reference and absent weekdays. */
    final int[] weekdayColumn;

    /** The first weekday column: from it on, a row has at most one value that is not 0. */
    final int firstWeekdayColumn;

    /**
     * From this column on every column is a 0/1 contrast or a weekday, mostly 0 (a night has at most one of the
     * three sleep-position contrasts, a day at most one weekday), so X'X adds them only where they are 1. The
     * sleep positions are the last habits, so in a model without adjusters their lag columns end the habit block.
     */
    final int firstSparseColumn;

    private ModelDesign(
            List<Habit> habits,
            List<Habit> adjusters,
            int lags,
            int rows,
            int columns,
            double[] x,
            double[] y,
            int[] day,
            int[] weekdayColumn,
            int firstWeekdayColumn,
            int firstSparseColumn) {
        this.habits = habits;
        this.adjusters = adjusters;
        this.lags = lags;
        this.rows = rows;
        this.columns = columns;
        this.x = x;
        this.y = y;
        this.day = day;
        this.weekdayColumn = weekdayColumn;
        this.firstWeekdayColumn = firstWeekdayColumn;
        this.firstSparseColumn = firstSparseColumn;
    }

    /** Habits at lags 0, 1 and 2, nothing else adjusted for. */
    static ModelDesign of(DailySeries series, List<Habit> habits) {
        return of(series, habits, List.of());
    }

    /** Habits at lags 0, 1 and 2, adjusted for the same-day value of {@code adjusters}. */
    static ModelDesign of(DailySeries series, List<Habit> habits, List<Habit> adjusters) {
        int lags = LAG_COUNT;
        double[][] values = new double[habits.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = series.habit[habits.get(i).ordinal()];
        }
        double[][] sameDay = new double[adjusters.size()][];
        for (int i = 0; i < sameDay.length; i++) {
            sameDay[i] = series.habit[adjusters.get(i).ordinal()];
        }
        boolean[] pairs = series.eveningPainPairs();
        boolean[][] full = new boolean[habits.size()][];
        for (int i = 0; i < full.length; i++) {
            full[i] = series.recordedOverLags(habits.get(i));
        }
        int[] complete = new int[series.length];
        int[] perWeekday = new int[7];
        int rows = completeDays(series, pairs, full, sameDay, lags, complete, perWeekday);
        int[] weekdayColumn = {-1, -1, -1, -1, -1, -1, -1};
        int firstAdjuster = FIRST_HABIT + habits.size() * lags;
        int columns = firstAdjuster + adjusters.size();
        int firstWeekdayColumn = columns;
        int reference = -1;
        for (int weekday = 0; weekday < 7; weekday++) {
            if (perWeekday[weekday] == 0) {
                continue;
            }
            if (reference < 0) {
                reference = weekday;
            } else {
                weekdayColumn[weekday] = columns++;
            }
        }
        int[] day = Arrays.copyOf(complete, rows);
        double[] x = new double[rows * columns];
        double[] y = new double[rows];
        fill(series, values, sameDay, day, columns, firstAdjuster, weekdayColumn, x, y);
        return new ModelDesign(
                List.copyOf(habits),
                List.copyOf(adjusters),
                lags,
                rows,
                columns,
                x,
                y,
                day,
                weekdayColumn,
                firstWeekdayColumn,
                adjusters.isEmpty() ? FIRST_HABIT + contrastsFrom(habits) * lags : firstWeekdayColumn);
    }

    /** The index of the first habit of the trailing run of contrasts ({@code habits.size()} when it is empty). */
    private static int contrastsFrom(List<Habit> habits) {
        int first = habits.size();
        while (first > 0 && habits.get(first - 1).isContrast()) {
            first--;
        }
        return first;
    }

    // The loops of of() are methods of their own: the JIT compiles a method whole again for every loop it enters hot
    // (on-stack replacement), and of() with its loops inlined was compiled seven times in a roster.

    /** Writes the days t ≥ lags − 1 whose row is complete into {@code complete}, counts them per weekday. */
    private static int completeDays(
            DailySeries series,
            boolean[] pairs,
            boolean[][] full,
            double[][] sameDay,
            int lags,
            int[] complete,
            int[] perWeekday) {
        int rows = 0;
        for (int t = lags - 1; t < series.length; t++) {
            if (pairs[t] && isComplete(full, sameDay, t)) {
                complete[rows++] = t;
                perWeekday[series.weekday[t]]++;
            }
        }
        return rows;
    }

    /** The rows of the given days into x and their evening pain into y. */
    private static void fill(
            DailySeries series,
            double[][] values,
            double[][] sameDay,
            int[] days,
            int columns,
            int firstAdjuster,
            int[] weekdayColumn,
            double[] x,
            double[] y) {
        for (int r = 0; r < days.length; r++) {
            fillRow(series, values, sameDay, days[r], x, r * columns, firstAdjuster, weekdayColumn);
            y[r] = series.painPm[days[r]];
        }
    }

    /** The row of day t, from {@code x[offset]} on. */
    private static void fillRow(
            DailySeries series,
            double[][] values,
            double[][] sameDay,
            int t,
            double[] x,
            int offset,
            int firstAdjuster,
            int[] weekdayColumn) {
        x[offset + CONSTANT] = 1;
        x[offset + PERSISTENCE] = series.painPm[t - 1];
        for (int h = 0; h < values.length; h++) {
            for (int lag = 0; lag < LAG_COUNT; lag++) {
                x[offset + FIRST_HABIT + h * LAG_COUNT + lag] = values[h][t - lag];
            }
        }
        for (int a = 0; a < sameDay.length; a++) {
            x[offset + firstAdjuster + a] = sameDay[a][t];
        }
        int weekday = weekdayColumn[series.weekday[t]];
        if (weekday >= 0) {
            x[offset + weekday] = 1;
        }
    }

    int column(int habitIndex, int lag) {
        return FIRST_HABIT + habitIndex * lags + lag;
    }

    /** True when the habit takes one value on every row at every lag. */
    boolean isConstant(int habitIndex) {
        if (rows == 0) {
            return true;
        }
        double value = x[column(habitIndex, 0)];
        for (int r = 0; r < rows; r++) {
            for (int lag = 0; lag < lags; lag++) {
                if (x[r * columns + column(habitIndex, lag)] != value) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when an adjusting habit takes one value on every row. */
    boolean isAdjusterConstant(int adjusterIndex) {
        int column = FIRST_HABIT + habits.size() * lags + adjusterIndex;
        for (int r = 1; r < rows; r++) {
            if (x[r * columns + column] != x[column]) {
                return false;
            }
        }
        return true;
    }

    double firstValue(int habitIndex) {
        return x[column(habitIndex, 0)];
    }

    /** Every habit known at every lag on day t, and every adjusting habit on day t itself. */
    private static boolean isComplete(boolean[][] full, double[][] sameDay, int t) {
        for (boolean[] habit : full) {
            if (!habit[t]) {
                return false;
            }
        }
        for (double[] adjuster : sameDay) {
            if (Double.isNaN(adjuster[t])) {
                return false;
            }
        }
        return true;
    }
}
