package backstop.exercise;

import java.util.List;

/** One exercise with its sources. */
public record ExerciseView(Exercise exercise, ExerciseCatalogue catalogue, List<Source> sources) {}
