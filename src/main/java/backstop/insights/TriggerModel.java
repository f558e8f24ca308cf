package backstop.insights;

import backstop.diary.Habit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Estimates each habit's within-person effect on evening pain at lags 0, 1 and 2 with the insights model, fitted by
 * ordinary least squares on complete rows. Jointly (all habits in one model) when there are at least
 * {@code rowsPerParameter} rows per parameter, else one diary column at a time with its three lags, yesterday's pain
 * and day of week. Intervals and p-values are classical: with yesterday's pain in the model the errors are close to
 * independent, and t(n − k) then keeps its nominal error rates at 90 days (the calibration test measures it).
 */
final class TriggerModel {
    static final String JOINT = "joint";
    static final String PER_HABIT = "per_habit";

    /** The diary columns; sleep position enters as three contrasts fitted together. */
    static final List<List<Habit>> COLUMNS = List.of(
            List.of(Habit.DESK_HOURS),
            List.of(Habit.LONGEST_SIT_MIN),
            List.of(Habit.BREAKS),
            List.of(Habit.EXERCISE_MIN),
            List.of(Habit.STRESS),
            List.of(Habit.SLEEP_QUALITY),
            List.of(Habit.ARM_LOAD),
            List.of(Habit.SLEEP_POSITION_SIDE, Habit.SLEEP_POSITION_STOMACH, Habit.SLEEP_POSITION_MIXED));

    static final int LAGS = ModelDesign.LAG_COUNT;
    /** Fewer residual degrees of freedom than this leave the residual variance, and so every interval, too loose. */
    static final int MIN_RESIDUAL_DF = 10;

    private static final Map<Integer, Double> CRITICAL = new ConcurrentHashMap<>();

    private TriggerModel() {}

    /** The triggers in habit and lag order, with q-values, and which model produced them. */
    record Result(String model, List<Trigger> triggers) {}

    static Result fit(DailySeries series, InsightSettings settings) {
        Map<Habit, String> refused = new EnumMap<>(Habit.class);
        Map<Habit, Integer> refusedDays = new EnumMap<>(Habit.class);
        List<List<Habit>> viableColumns = viableColumns(series, settings, refused, refusedDays);
        Map<Habit, Trigger[]> estimates = new EnumMap<>(Habit.class);
        String model = PER_HABIT;
        List<Habit> jointHabits = new ArrayList<>();
        viableColumns.forEach(jointHabits::addAll);
        if (!jointHabits.isEmpty()) {
            ModelDesign joint = ModelDesign.of(series, jointHabits);
            if (joint.rows >= settings.minDays()
                    && joint.rows >= settings.rowsPerParameter() * joint.columns
                    && fitJoint(joint, series, jointHabits, estimates, refused, refusedDays)) {
                model = JOINT;
            }
        }
        if (model.equals(PER_HABIT)) {
            estimates.clear();
            for (List<Habit> column : viableColumns) {
                fitInto(
                        adjustedDesign(series, column, jointHabits, settings),
                        estimates,
                        refused,
                        refusedDays,
                        settings);
            }
        }
        return new Result(model, withQValues(estimates, refused, refusedDays, settings));
    }

    // fit() and withQValues() hand their loops to methods of their own: the JIT compiles a method whole again for every
    // loop it enters hot (on-stack replacement), and these two were among the largest compilations of a roster.

    /** Each diary column's habits that have enough rows of their own and vary there; the others refused. */
    private static List<List<Habit>> viableColumns(
            DailySeries series, InsightSettings settings, Map<Habit, String> refused, Map<Habit, Integer> refusedDays) {
        List<List<Habit>> viableColumns = new ArrayList<>();
        for (List<Habit> column : COLUMNS) {
            Survey own = Survey.of(series, column);
            List<Habit> viable = new ArrayList<>();
            for (int i = 0; i < column.size(); i++) {
                Habit habit = column.get(i);
                if (own.rows < settings.minDays()) {
                    refuse(refused, refusedDays, habit, own.rows, tooFewRows(habit, own.rows, settings.minDays()));
                } else if (own.constant[i]) {
                    refuse(refused, refusedDays, habit, own.rows, constant(habit, own.firstValue[i], own.rows));
                } else {
                    viable.add(habit);
                }
            }
            if (!viable.isEmpty()) {
                viableColumns.add(viable);
            }
        }
        return viableColumns;
    }

    /** Fits the joint model, dropping a habit that turns out constant or inseparable on the joint rows. */
    private static boolean fitJoint(
            ModelDesign first,
            DailySeries series,
            List<Habit> habits,
            Map<Habit, Trigger[]> estimates,
            Map<Habit, String> refused,
            Map<Habit, Integer> refusedDays) {
        ModelDesign joint = first;
        List<Habit> kept = new ArrayList<>(habits);
        while (true) {
            int constant = firstConstant(joint);
            if (constant >= 0) {
                Habit habit = kept.remove(constant);
                refuse(
                        refused,
                        refusedDays,
                        habit,
                        joint.rows,
                        constant(habit, joint.firstValue(constant), joint.rows));
            } else {
                try {
                    store(
                            joint,
                            LeastSquares.fit(joint.x, joint.y, joint.rows, joint.columns, joint.firstSparseColumn),
                            estimates);
                    return true;
                } catch (LeastSquares.Collinear collinear) {
                    int habitIndex = (collinear.column - ModelDesign.FIRST_HABIT) / joint.lags;
                    if (collinear.column < ModelDesign.FIRST_HABIT || habitIndex >= kept.size()) {
                        return false;
                    }
                    Habit habit = kept.remove(habitIndex);
                    refuse(refused, refusedDays, habit, joint.rows, inseparable(habit));
                }
            }
            if (kept.isEmpty()) {
                return false;
            }
            joint = ModelDesign.of(series, kept);
        }
    }

    private static int firstConstant(ModelDesign design) {
        for (int i = 0; i < design.habits.size(); i++) {
            if (design.isConstant(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One diary column with its three lags, adjusted for the same-day values of the other habits that vary. Without
     * that adjustment a habit that goes with another one (stress with poor sleep, desk hours with stress on work
     * days) takes over the other's effect: measured on simulated people, stress at 0.2 came out at 0.27 and its
     * interval covered the truth in only 77% of people at 365 days.
     */
    private static ModelDesign adjustedDesign(
            DailySeries series, List<Habit> column, List<Habit> allHabits, InsightSettings settings) {
        List<Habit> adjusters = new ArrayList<>(allHabits);
        adjusters.removeAll(column);
        ModelDesign design = ModelDesign.of(series, column, adjusters);
        List<Habit> varying = new ArrayList<>();
        for (int a = 0; a < adjusters.size(); a++) {
            if (!design.isAdjusterConstant(a)) {
                varying.add(adjusters.get(a));
            }
        }
        return varying.size() == adjusters.size() ? design : ModelDesign.of(series, column, varying);
    }

    private static void fitInto(
            ModelDesign design,
            Map<Habit, Trigger[]> estimates,
            Map<Habit, String> refused,
            Map<Habit, Integer> refusedDays,
            InsightSettings settings) {
        if (design.rows < settings.minDays() || design.rows - design.columns < MIN_RESIDUAL_DF) {
            for (Habit habit : design.habits) {
                refuse(
                        refused,
                        refusedDays,
                        habit,
                        design.rows,
                        tooFewAdjustedRows(
                                habit, design.rows, Math.max(settings.minDays(), design.columns + MIN_RESIDUAL_DF)));
            }
            return;
        }
        try {
            store(
                    design,
                    LeastSquares.fit(design.x, design.y, design.rows, design.columns, design.firstSparseColumn),
                    estimates);
        } catch (LeastSquares.Collinear collinear) {
            for (Habit habit : design.habits) {
                refuse(refused, refusedDays, habit, design.rows, inseparable(habit));
            }
        }
    }

    private static void store(ModelDesign design, LeastSquares.Fit fit, Map<Habit, Trigger[]> estimates) {
        int df = fit.degreesOfFreedom();
        TDistribution t = new TDistribution(null, df);
        double critical = critical(df);
        for (int h = 0; h < design.habits.size(); h++) {
            Habit habit = design.habits.get(h);
            Trigger[] lags = new Trigger[design.lags];
            for (int lag = 0; lag < design.lags; lag++) {
                int column = design.column(h, lag);
                double effect = fit.coefficients()[column];
                double se = fit.standardErrors()[column];
                double p = 2 * t.cumulativeProbability(-Math.abs(effect / se));
                lags[lag] = Trigger.estimated(
                        habit.key(), lag, design.rows, effect, effect - critical * se, effect + critical * se, p);
            }
            estimates.put(habit, lags);
        }
    }

    /**
     * t(df)'s 97.5% point, kept per degrees of freedom: its inversion costs about as much as the rest of storing a
     * fit, and the people of a roster share few values of df (at most one per possible number of diary rows).
     */
    static double critical(int df) {
        return CRITICAL.computeIfAbsent(df, d -> new TDistribution(null, d).inverseCumulativeProbability(0.975));
    }

    private static List<Trigger> withQValues(
            Map<Habit, Trigger[]> estimates,
            Map<Habit, String> refused,
            Map<Habit, Integer> refusedDays,
            InsightSettings settings) {
        List<Trigger> triggers = allTriggers(estimates, refused, refusedDays);
        double[] q = BenjaminiHochberg.qValues(estimatedPValues(triggers));
        putQValues(triggers, q, settings.falseDiscoveryRate());
        return List.copyOf(triggers);
    }

    /** Every habit at every lag: its estimate, or why it has none. */
    private static List<Trigger> allTriggers(
            Map<Habit, Trigger[]> estimates, Map<Habit, String> refused, Map<Habit, Integer> refusedDays) {
        List<Trigger> triggers = new ArrayList<>();
        for (Habit habit : Habit.values()) {
            Trigger[] lags = estimates.get(habit);
            for (int lag = 0; lag < LAGS; lag++) {
                if (lags != null) {
                    triggers.add(lags[lag]);
                } else {
                    triggers.add(Trigger.insufficient(
                            habit.key(),
                            lag,
                            refusedDays.getOrDefault(habit, 0),
                            refused.getOrDefault(habit, "there are no complete days for it")));
                }
            }
        }
        return triggers;
    }

    private static double[] estimatedPValues(List<Trigger> triggers) {
        return triggers.stream()
                .filter(Trigger::isEstimated)
                .mapToDouble(tr -> tr.pValue().getAsDouble())
                .toArray();
    }

    /** Replaces each estimated trigger by itself with its q-value, in order. */
    private static void putQValues(List<Trigger> triggers, double[] q, double falseDiscoveryRate) {
        int next = 0;
        for (int i = 0; i < triggers.size(); i++) {
            if (triggers.get(i).isEstimated()) {
                triggers.set(i, triggers.get(i).withQValue(q[next++], falseDiscoveryRate));
            }
        }
    }

    private static void refuse(
            Map<Habit, String> refused, Map<Habit, Integer> refusedDays, Habit habit, int days, String reason) {
        refused.put(habit, reason);
        refusedDays.put(habit, days);
    }

    static String tooFewRows(Habit habit, int rows, int needed) {
        return "only " + rows + " days have " + columnName(habit) + " recorded on the day and the two days before,"
                + " with evening pain that day and the day before; at least " + needed + " such days are needed";
    }

    static String tooFewAdjustedRows(Habit habit, int rows, int needed) {
        return "only " + rows + " days have " + columnName(habit) + " recorded on the day and the two days before,"
                + " the other habits recorded that day, and evening pain that day and the day before; at least "
                + needed + " such days are needed";
    }

    static String constant(Habit habit, double value, int rows) {
        String key = habit.key();
        int equals = key.indexOf('=');
        if (equals >= 0) {
            String position = key.substring(equals + 1);
            return (value == 1 ? "every one" : "none") + " of the " + rows + " usable nights was spent sleeping on the "
                    + position
                    + (value == 1
                            ? "; a comparison with back sleeping needs some nights on the back"
                            : "; a comparison needs some nights in that position");
        }
        return key + " was " + Numbers.plain(value) + " on all " + rows
                + " usable days; an effect can only show when the habit varies";
    }

    static String inseparable(Habit habit) {
        return habit.key() + " moved in lockstep with other recorded values, so its own effect cannot be separated";
    }

    private static String columnName(Habit habit) {
        String key = habit.key();
        int equals = key.indexOf('=');
        return equals >= 0 ? key.substring(0, equals) : key;
    }

    /** The complete rows of one diary column's own model, and whether each habit in it varies there. */
    private static final class Survey {
        int rows;
        final boolean[] constant;
        final double[] firstValue;

        private Survey(int habits) {
            constant = new boolean[habits];
            firstValue = new double[habits];
            Arrays.fill(constant, true);
        }

        static Survey of(DailySeries series, List<Habit> column) {
            Survey survey = new Survey(column.size());
            double[][] values = new double[column.size()][];
            boolean[] usable = series.eveningPainPairs().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] = series.habit[column.get(i).ordinal()];
                boolean[] full = series.recordedOverLags(column.get(i));
                for (int t = 0; t < usable.length; t++) {
                    usable[t] &= full[t];
                }
            }
            // Counting first and looking at values after keeps the day loop free of branches: which days are usable
            // follows the diary's gaps, which a branch per day and habit mispredicts.
            int rows = 0;
            for (int t = LAGS - 1; t < usable.length; t++) {
                rows += usable[t] ? 1 : 0;
            }
            survey.rows = rows;
            if (rows == 0) {
                return survey;
            }
            int t = LAGS - 1;
            while (!usable[t]) {
                t++;
            }
            int varying = 0;
            for (int i = 0; i < values.length; i++) {
                survey.firstValue[i] = values[i][t];
            }
            // Once every habit has varied, the rest of the days cannot make one constant again.
            for (; t < usable.length && varying < values.length; t++) {
                if (!usable[t]) {
                    continue;
                }
                for (int i = 0; i < values.length; i++) {
                    if (survey.constant[i]) {
                        double first = survey.firstValue[i];
                        boolean same = values[i][t] == first && values[i][t - 1] == first && values[i][t - 2] == first;
                        if (!same) {
                            survey.constant[i] = false;
                            varying++;
                        }
                    }
                }
            }
            return survey;
        }
    }
}
