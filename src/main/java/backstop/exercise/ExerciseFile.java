package backstop.exercise;

import backstop.json.Doc;
import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of one file {@code exercises/<id>.json}, exactly as it is written (see docs/formats.md), bound by the one
 * mapper through {@code json.JsonBinding}: an unknown field, a wrong type, a value outside a vocabulary or a
 * missing field is refused before any rule is checked. {@link ExerciseReader} turns it into an {@link Exercise},
 * whose constructor checks the clinical rules.
 */
record ExerciseFile(
        String id,
        String name,
        String purpose,
        @Doc(minItems = 1) Set<Cause> causes,
        @Doc(minItems = 1) Set<BodyArea> areas,
        Category category,
        @Doc(minItems = 1) Set<Equipment> equipment,
        DoseFile dose,
        @Doc(minItems = 1) List<StepFile> progressions,
        @Doc(minItems = 1) List<StepFile> regressions,
        @Doc(minItems = 1) List<String> cues,
        @Doc(minItems = 1) List<String> mistakes,
        @Doc(minItems = 1) List<String> stopIf,
        String illustration,
        @Doc(minItems = 1) List<String> sources) {

    /** The starting dose; no hold and one side when left out. */
    record DoseFile(
            int sets,
            int reps,
            Optional<Integer> holdSeconds,
            Optional<Boolean> eachSide,
            int times,
            Period per,
            int estimatedSeconds) {
        Dose dose() {
            return new Dose(sets, reps, holdSeconds.orElse(0), eachSide.orElse(false), times, per, estimatedSeconds);
        }
    }

    /** A step: another exercise's id, or a changed dose with a note saying in words what changes. */
    record StepFile(Optional<String> exercise, Optional<DoseChange> dose, Optional<String> note) {}

    /** Only what a dose step changes; the rest is the starting dose. */
    record DoseChange(
            Optional<Integer> sets,
            Optional<Integer> reps,
            Optional<Integer> holdSeconds,
            Optional<Boolean> eachSide,
            Optional<Integer> times,
            Optional<Period> per,
            Optional<Integer> estimatedSeconds) {}

    /** One entry of {@code sources.json}. */
    record SourceFile(String key, String citation, Optional<Boolean> projectJudgement) {}

    /**
     * What a refused exercise file still says about its name and where it points, read leniently, so one run also
     * reports the steps of a refused exercise that lead nowhere and does not call its illustration unused.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record References(
            Optional<String> id,
            Optional<List<Reference>> progressions,
            Optional<List<Reference>> regressions,
            Optional<String> illustration) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(Optional<String> exercise) {}
}
