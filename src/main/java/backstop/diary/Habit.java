package backstop.diary;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A habit whose effect on evening pain can be planted (simulator) or estimated (insights), with the value of
 * "one unit": the CSV column as written. Sleep position is a category, so it enters as 0/1 contrasts against
 * sleeping on the back ({@code sleep_position=side} is 1 on side nights, 0 on any other recorded night).
 */
public enum Habit {
    DESK_HOURS("desk_hours"),
    LONGEST_SIT_MIN("longest_sit_min"),
    BREAKS("breaks"),
    EXERCISE_MIN("exercise_min"),
    STRESS("stress"),
    SLEEP_QUALITY("sleep_quality"),
    ARM_LOAD("arm_load"),
    SLEEP_POSITION_SIDE("sleep_position=side"),
    SLEEP_POSITION_STOMACH("sleep_position=stomach"),
    SLEEP_POSITION_MIXED("sleep_position=mixed");

    private static final Habit[] VALUES = values();

    private final String key;

    Habit(String key) {
        this.key = key;
    }

    /** The name used in effect strings, insight output and the API: a CSV column, or a sleep position contrast. */
    public String key() {
        return key;
    }

    /** True for a 0/1 contrast (a sleep position): on a recorded night it is 1 in at most one of them. */
    public boolean isContrast() {
        return this == SLEEP_POSITION_SIDE || this == SLEEP_POSITION_STOMACH || this == SLEEP_POSITION_MIXED;
    }

    public static Optional<Habit> fromKey(String key) {
        // A plain loop: the report looks a habit up per trigger, and a stream here inlined into every caller.
        String wanted = key.strip();
        for (Habit habit : VALUES) {
            if (habit.key.equals(wanted)) {
                return Optional.of(habit);
            }
        }
        return Optional.empty();
    }

    /** This habit's value on a day; empty when the day did not record it. */
    public OptionalDouble valueOn(DiaryDay day) {
        return switch (this) {
            case DESK_HOURS -> day.deskHours();
            case LONGEST_SIT_MIN -> asDouble(day.longestSitMin());
            case BREAKS -> asDouble(day.breaks());
            case EXERCISE_MIN -> asDouble(day.exerciseMin());
            case STRESS -> asDouble(day.stress());
            case SLEEP_QUALITY -> asDouble(day.sleepQuality());
            case ARM_LOAD ->
                day.armLoad().map(load -> OptionalDouble.of(load.level())).orElse(OptionalDouble.empty());
            case SLEEP_POSITION_SIDE -> contrast(day, SleepPosition.SIDE);
            case SLEEP_POSITION_STOMACH -> contrast(day, SleepPosition.STOMACH);
            case SLEEP_POSITION_MIXED -> contrast(day, SleepPosition.MIXED);
        };
    }

    private static OptionalDouble asDouble(OptionalInt value) {
        return value.isPresent() ? OptionalDouble.of(value.getAsInt()) : OptionalDouble.empty();
    }

    private static OptionalDouble contrast(DiaryDay day, SleepPosition position) {
        return day.sleepPosition()
                .map(slept -> OptionalDouble.of(slept == position ? 1 : 0))
                .orElse(OptionalDouble.empty());
    }
}
