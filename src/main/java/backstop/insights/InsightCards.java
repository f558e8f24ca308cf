package backstop.insights;

import backstop.diary.Habit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a report's significant triggers into insight cards, largest effect first. Effects are compared in the units
 * the cards speak of (one desk hour, 30 minutes of sitting, 10 minutes of exercise, one point, one level, a night in a
 * position), which are the steps a person can actually change. The mapping from habit to root cause is documented
 * in {@code docs/formats.md}.
 */
public final class InsightCards {
    private InsightCards() {}

    public static List<InsightCard> from(InsightReport report) {
        return cards(significantByEffect(report.triggers()));
    }

    // The two loops are methods of their own: the JIT compiled from() whole, with the card texts inlined, once its
    // loops had run often enough, one of the largest compilations of a roster.

    private static List<Trigger> significantByEffect(List<Trigger> triggers) {
        List<Trigger> significant = new ArrayList<>();
        for (Trigger trigger : triggers) {
            if (trigger.significant()) {
                significant.add(trigger);
            }
        }
        significant.sort(Comparator.comparingDouble(
                (Trigger trigger) -> -Math.abs(trigger.effect().getAsDouble() * step(habitOf(trigger)))));
        return significant;
    }

    private static List<InsightCard> cards(List<Trigger> significant) {
        List<InsightCard> cards = new ArrayList<>(significant.size());
        for (Trigger trigger : significant) {
            Habit habit = habitOf(trigger);
            cards.add(new InsightCard(
                    trigger.habit(),
                    trigger.lag(),
                    text(habit, trigger),
                    trigger.effect().getAsDouble(),
                    trigger.ciLow().getAsDouble(),
                    trigger.ciHigh().getAsDouble(),
                    cause(habit)));
        }
        return List.copyOf(cards);
    }

    /** The root cause a habit speaks to. */
    static String cause(Habit habit) {
        return switch (habit) {
            case DESK_HOURS, LONGEST_SIT_MIN, BREAKS -> "postural_strain";
            case EXERCISE_MIN, ARM_LOAD -> "muscle_overuse";
            case STRESS, SLEEP_QUALITY -> "stress_tension";
            case SLEEP_POSITION_SIDE, SLEEP_POSITION_STOMACH, SLEEP_POSITION_MIXED -> "sleep_position";
        };
    }

    /** The cause's name in words ("Postural strain"), for pages and text; the code for an unknown one. */
    public static String causeWords(String cause) {
        return backstop.model.Cause.fromKey(cause)
                .map(backstop.model.Cause::label)
                .orElse(cause);
    }

    /** A habit's name in words, for pages and text. */
    public static String habitWords(String key) {
        return Habit.fromKey(key)
                .map(habit -> switch (habit) {
                    case DESK_HOURS -> "desk hours";
                    case LONGEST_SIT_MIN -> "longest sitting stretch";
                    case BREAKS -> "breaks from sitting";
                    case EXERCISE_MIN -> "exercise minutes";
                    case STRESS -> "stress";
                    case SLEEP_QUALITY -> "sleep quality";
                    case ARM_LOAD -> "lifting and arm load";
                    case SLEEP_POSITION_SIDE -> "sleeping on your side";
                    case SLEEP_POSITION_STOMACH -> "sleeping on your front";
                    case SLEEP_POSITION_MIXED -> "sleeping in mixed positions";
                })
                .orElse(key);
    }

    /** How many units of the column one card step is. */
    static double step(Habit habit) {
        return switch (habit) {
            case LONGEST_SIT_MIN -> 30;
            case EXERCISE_MIN -> 10;
            default -> 1;
        };
    }

    static String text(Habit habit, Trigger trigger) {
        double step = step(habit);
        double effect = trigger.effect().getAsDouble() * step;
        double low = trigger.ciLow().getAsDouble() * step;
        double high = trigger.ciHigh().getAsDouble() * step;
        boolean higher = effect > 0;
        String from = Numbers.decimals(higher ? low : -high, 1);
        String to = Numbers.decimals(higher ? high : -low, 1);
        return when(habit, trigger.lag()) + " your evening pain was " + Numbers.decimals(Math.abs(effect), 1)
                + " points " + (higher ? "higher" : "lower") + " (95% CI " + from + "–" + to + ").";
    }

    private static String when(Habit habit, int lag) {
        String what = switch (habit) {
            case DESK_HOURS -> "one more desk hour";
            case LONGEST_SIT_MIN -> "a longest sitting stretch 30 minutes longer";
            case BREAKS -> "one more break from sitting";
            case EXERCISE_MIN -> "10 more minutes of exercise";
            case STRESS -> "one point more stress";
            case SLEEP_QUALITY -> "one point better sleep";
            case ARM_LOAD -> "one level more lifting and arm load";
            case SLEEP_POSITION_SIDE -> "a night on your side rather than your back";
            case SLEEP_POSITION_STOMACH -> "a night on your stomach rather than your back";
            case SLEEP_POSITION_MIXED -> "a night of mixed positions rather than on your back";
        };
        return switch (lag) {
            case 0 -> "On days with " + what + ",";
            case 1 -> "On the day after " + what + ",";
            default -> "Two days after " + what + ",";
        };
    }

    private static Habit habitOf(Trigger trigger) {
        return Habit.fromKey(trigger.habit()).orElseThrow();
    }
}
