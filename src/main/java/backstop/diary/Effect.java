package backstop.diary;

import backstop.error.BadInputException;
import java.util.Objects;

/**
 * A true effect planted in a simulated person: evening pain rises by {@code size} per unit of {@code habit} on the
 * day {@code lag} days earlier. It is one β of the insights model, so an engine that fits that model should
 * recover it.
 */
public record Effect(Habit habit, int lag, double size) {
    public static final int MAX_LAG = 2;

    public Effect {
        Objects.requireNonNull(habit, "habit");
        if (lag < 0 || lag > MAX_LAG) {
            throw new BadInputException("effect", "lag must be 0, 1 or 2 days, was " + lag);
        }
        if (!Double.isFinite(size)) {
            throw new BadInputException("effect", "size must be a finite number, was " + size);
        }
    }

    /** Reads {@code habit:lag:size}, e.g. {@code desk_hours:0:0.3} or {@code sleep_position=side:0:0.5}. */
    public static Effect parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length != 3) {
            throw new BadInputException(
                    "effect", "must be habit:lag:size such as desk_hours:0:0.3; was '" + text + "'");
        }
        Habit habit = Habit.fromKey(parts[0])
                .orElseThrow(() -> new BadInputException(
                        "effect", "unknown habit '" + parts[0] + "'; use one of " + knownHabits()));
        try {
            return new Effect(habit, Integer.parseInt(parts[1].strip()), Double.parseDouble(parts[2].strip()));
        } catch (NumberFormatException notANumber) {
            throw new BadInputException("effect", "lag must be a whole number and size a number; was '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return habit.key() + ":" + lag + ":" + DiaryNumbers.format(size);
    }

    private static String knownHabits() {
        StringBuilder names = new StringBuilder();
        for (Habit habit : Habit.values()) {
            names.append(names.length() == 0 ? "" : ", ").append(habit.key());
        }
        return names.toString();
    }
}
