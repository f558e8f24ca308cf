package backstop.exercise;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns one bound exercise file into an {@link Exercise}: the steps' changed doses are worked out from the starting
 * one, and every rule the records check is reported with its path in the file ({@code progressions[0].dose}).
 */
final class ExerciseReader {
    private ExerciseReader() {}

    /** @throws BadInputException naming the path in the file of every problem */
    static Exercise read(ExerciseFile file) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Dose> dose = construct(() -> file.dose().dose(), "dose", errors);
        List<Step> progressions = dose.map(base -> steps(file.progressions(), "progressions", base, errors))
                .orElse(List.of());
        List<Step> regressions = dose.map(base -> steps(file.regressions(), "regressions", base, errors))
                .orElse(List.of());
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new Exercise(
                file.id(),
                file.name(),
                file.purpose(),
                file.causes(),
                file.areas(),
                file.category(),
                file.equipment(),
                dose.orElseThrow(),
                progressions,
                regressions,
                file.cues(),
                file.mistakes(),
                file.stopIf(),
                file.illustration(),
                file.sources());
    }

    private static List<Step> steps(
            List<ExerciseFile.StepFile> written, String field, Dose base, List<FieldError> errors) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            String at = field + "[" + i + "]";
            ExerciseFile.StepFile step = written.get(i);
            if (step.exercise().isPresent() == step.dose().isPresent()) {
                errors.add(new FieldError(
                        at, "must have either \"exercise\" (another exercise's id) or \"dose\" (a changed dose)"));
            } else if (step.exercise().isPresent()) {
                steps.add(new Step.UseExercise(step.exercise().get()));
            } else if (step.note().isEmpty()) {
                errors.add(new FieldError(at + ".note", "is required"));
            } else {
                String note = step.note().get();
                changed(step.dose().get(), base, at + ".dose", errors)
                        .flatMap(dose -> construct(() -> new Step.ChangeDose(dose, note), at, errors))
                        .ifPresent(steps::add);
            }
        }
        return steps;
    }

    private static Optional<Dose> changed(
            ExerciseFile.DoseChange change, Dose base, String at, List<FieldError> errors) {
        if (change.eachSide().isPresent()) {
            errors.add(new FieldError(at + ".each_side", "cannot change in a step; use another exercise instead"));
            return Optional.empty();
        }
        Optional<Dose> changed = construct(
                () -> base.with(
                        change.sets().orElse(null),
                        change.reps().orElse(null),
                        change.holdSeconds().orElse(null),
                        change.times().orElse(null),
                        change.per().orElse(null),
                        change.estimatedSeconds().orElse(null)),
                at,
                errors);
        if (changed.filter(base::equals).isPresent()) {
            errors.add(new FieldError(at, "must change something"));
            return Optional.empty();
        }
        return changed;
    }

    private static <T> Optional<T> construct(Supplier<T> constructor, String at, List<FieldError> errors) {
        try {
            return Optional.of(constructor.get());
        } catch (BadInputException invalid) {
            invalid.errors().forEach(error -> errors.add(new FieldError(at + "." + error.field(), error.message())));
            return Optional.empty();
        }
    }
}
