package backstop.exercise;

import backstop.model.Cause;
import java.util.List;

/** The exercise library filtered (the whole page and its htmx list). */
public record LibraryView(
        List<Exercise> exercises,
        int total,
        ExerciseFilter filter,
        List<Cause> causes,
        List<BodyArea> areas,
        List<Category> categories,
        List<Equipment> equipment) {}
