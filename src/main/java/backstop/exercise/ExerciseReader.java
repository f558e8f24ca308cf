package backstop.exercise;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Turns one exercise's JSON into an {@link Exercise}, naming the exercise and the field in every complaint. */
final class ExerciseReader {
    private static final Set<String> EXERCISE_FIELDS = Set.of(
            "id",
            "name",
            "purpose",
            "causes",
            "areas",
            "category",
            "equipment",
            "dose",
            "progressions",
            "regressions",
            "cues",
            "mistakes",
            "stop_if",
            "illustration",
            "sources");
    private static final Set<String> DOSE_FIELDS =
            Set.of("sets", "reps", "hold_seconds", "each_side", "times", "per", "estimated_seconds");
    private static final Set<String> STEP_FIELDS = Set.of("exercise", "dose", "note");

    private ExerciseReader() {}

    /** @param fallbackId what to call the exercise in messages when its own id is unreadable (the file name) */
    static Exercise read(JsonNode json, String fallbackId) {
        List<FieldError> errors = new ArrayList<>();
        var fields = new JsonFields(json, "", errors, EXERCISE_FIELDS);
        String id = json.path("id").isTextual() ? json.path("id").asText() : fallbackId;
        if (!json.isObject()) {
            throw refused(id, errors);
        }
        String name = fields.text("name");
        String purpose = fields.text("purpose");
        Set<Cause> causes = fields.vocabularySet("causes", Cause.class);
        Set<BodyArea> areas = fields.vocabularySet("areas", BodyArea.class);
        Optional<Category> category = fields.vocabulary("category", Category.class);
        Set<Equipment> equipment = fields.vocabularySet("equipment", Equipment.class);
        Optional<Dose> dose = readDose(fields, errors);
        List<Step> progressions = dose.map(base -> readSteps(fields, "progressions", base, errors))
                .orElse(List.of());
        List<Step> regressions =
                dose.map(base -> readSteps(fields, "regressions", base, errors)).orElse(List.of());
        List<String> cues = fields.texts("cues");
        List<String> mistakes = fields.texts("mistakes");
        List<String> stopIf = fields.texts("stop_if");
        String illustration = fields.text("illustration");
        List<String> sources = fields.texts("sources");
        fields.text("id");
        if (!errors.isEmpty() || category.isEmpty() || dose.isEmpty()) {
            throw refused(id, errors);
        }
        try {
            return new Exercise(
                    id,
                    name,
                    purpose,
                    causes,
                    areas,
                    category.get(),
                    equipment,
                    dose.get(),
                    progressions,
                    regressions,
                    cues,
                    mistakes,
                    stopIf,
                    illustration,
                    sources);
        } catch (BadInputException invalid) {
            throw refused(id, invalid.errors());
        }
    }

    private static Optional<Dose> readDose(JsonFields exercise, List<FieldError> errors) {
        if (!exercise.has("dose")) {
            exercise.fail("dose", "is missing");
            return Optional.empty();
        }
        var fields = new JsonFields(exercise.raw("dose"), "dose", errors, DOSE_FIELDS);
        int before = errors.size();
        int sets = fields.integer("sets");
        int reps = fields.integer("reps");
        int hold = fields.optionalInteger("hold_seconds").orElse(0);
        boolean eachSide = fields.bool("each_side", false);
        int times = fields.integer("times");
        Optional<Period> per = fields.vocabulary("per", Period.class);
        int estimate = fields.integer("estimated_seconds");
        if (errors.size() > before || per.isEmpty()) {
            return Optional.empty();
        }
        return construct(() -> new Dose(sets, reps, hold, eachSide, times, per.get(), estimate), "dose", errors);
    }

    private static List<Step> readSteps(JsonFields exercise, String field, Dose base, List<FieldError> errors) {
        JsonNode list = exercise.raw(field);
        if (!list.isArray()) {
            exercise.fail(field, list.isMissingNode() ? "is missing" : "must be a list of steps");
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = field + "[" + i + "]";
            var step = new JsonFields(list.get(i), at, errors, STEP_FIELDS);
            if (step.has("exercise") == step.has("dose")) {
                step.fail("", "must have either \"exercise\" (another exercise's id) or \"dose\" (a changed dose)");
            } else if (step.has("exercise")) {
                steps.add(new Step.UseExercise(step.text("exercise")));
            } else {
                String note = step.text("note");
                readChangedDose(step, base, at, errors)
                        .ifPresent(dose -> construct(() -> new Step.ChangeDose(dose, note), at, errors)
                                .ifPresent(steps::add));
            }
        }
        return steps;
    }

    // A dose step lists only what changes; the rest is the starting dose.
    private static Optional<Dose> readChangedDose(JsonFields step, Dose base, String at, List<FieldError> errors) {
        var change = new JsonFields(step.raw("dose"), at + ".dose", errors, DOSE_FIELDS);
        int before = errors.size();
        if (change.has("each_side")) {
            change.fail("each_side", "cannot change in a step; use another exercise instead");
        }
        Integer sets = change.optionalInteger("sets").orElse(null);
        Integer reps = change.optionalInteger("reps").orElse(null);
        Integer hold = change.optionalInteger("hold_seconds").orElse(null);
        Integer times = change.optionalInteger("times").orElse(null);
        Period per = change.has("per") ? change.vocabulary("per", Period.class).orElse(null) : null;
        Integer estimate = change.optionalInteger("estimated_seconds").orElse(null);
        if (errors.size() > before) {
            return Optional.empty();
        }
        Optional<Dose> changed =
                construct(() -> base.with(sets, reps, hold, times, per, estimate), at + ".dose", errors);
        changed.filter(base::equals).ifPresent(same -> change.fail("", "must change something"));
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

    private static BadInputException refused(String id, List<FieldError> errors) {
        return new BadInputException(
                errors.stream().map(error -> named(id, error)).toList());
    }

    static FieldError named(String id, FieldError error) {
        return new FieldError(
                "exercise " + id + (error.field().isEmpty() ? "" : ", " + error.field()), error.message());
    }
}
