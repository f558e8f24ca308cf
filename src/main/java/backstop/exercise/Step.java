package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** One step up (progression) or down (regression) from an exercise: another exercise, or the same one dosed differently. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Step.UseExercise.class, name = "exercise"),
    @JsonSubTypes.Type(value = Step.ChangeDose.class, name = "dose")
})
public sealed interface Step {

    /** Move on to (or back to) another exercise in the catalogue; the loader checks the id exists. */
    record UseExercise(@JsonProperty("exercise_id") String exerciseId) implements Step {
        public UseExercise {
            Objects.requireNonNull(exerciseId, "exerciseId");
        }
    }

    /** Keep the exercise, change the dose; {@code note} says in plain words what changes. */
    record ChangeDose(Dose dose, String note) implements Step {
        public ChangeDose {
            Objects.requireNonNull(dose, "dose");
            Objects.requireNonNull(note, "note");
            new FieldChecks().text(note, "note", 160).throwIfAny();
        }
    }
}
