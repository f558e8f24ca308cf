package backstop.exercise;

import backstop.model.Cause;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which exercises to show. An empty set means "any". Causes, areas and categories match when the exercise has at
 * least one of those asked for; {@code available} is the equipment a person has, and an exercise matches when it
 * needs nothing else (no equipment is always available).
 */
public record ExerciseFilter(
        Set<Cause> causes, Set<BodyArea> areas, Set<Category> categories, Set<Equipment> available) {

    public ExerciseFilter {
        causes = frozen(causes, Cause.class);
        areas = frozen(areas, BodyArea.class);
        categories = frozen(categories, Category.class);
        available = frozen(available, Equipment.class);
    }

    /** Lets everything through. */
    public static ExerciseFilter any() {
        return new ExerciseFilter(Set.of(), Set.of(), Set.of(), Set.of());
    }

    public ExerciseFilter withCauses(Set<Cause> wanted) {
        return new ExerciseFilter(wanted, areas, categories, available);
    }

    public ExerciseFilter withAreas(Set<BodyArea> wanted) {
        return new ExerciseFilter(causes, wanted, categories, available);
    }

    public ExerciseFilter withCategories(Set<Category> wanted) {
        return new ExerciseFilter(causes, areas, wanted, available);
    }

    public ExerciseFilter withAvailable(Set<Equipment> atHand) {
        return new ExerciseFilter(causes, areas, categories, atHand);
    }

    public boolean matches(Exercise exercise) {
        return anyOf(causes, exercise.causes())
                && anyOf(areas, exercise.areas())
                && (categories.isEmpty() || categories.contains(exercise.category()))
                && (available.isEmpty()
                        || exercise.equipment().stream()
                                .allMatch(needed -> needed == Equipment.NONE || available.contains(needed)));
    }

    private static <E> boolean anyOf(Set<E> wanted, Set<E> has) {
        return wanted.isEmpty() || !Collections.disjoint(wanted, has);
    }

    private static <E extends Enum<E>> Set<E> frozen(Set<E> values, Class<E> type) {
        return Collections.unmodifiableSet(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
    }
}
