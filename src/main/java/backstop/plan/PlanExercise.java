package backstop.plan;

import backstop.exercise.Category;
import backstop.exercise.Dose;
import backstop.exercise.Exercise;
import backstop.exercise.Period;
import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One exercise as prescribed in a plan: the catalogue exercise it is, the causes it serves and the dose for one bout
 * in a session. Planned values here are what a {@link SessionLog} records next to what was done.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanExercise(
        String id,
        String name,
        Category category,
        List<Cause> causes,
        int sets,
        int reps,
        int holdSeconds,
        boolean eachSide,
        int times,
        Period per,
        int estimatedSeconds,
        String doseText) {

    public PlanExercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        causes = List.copyOf(causes);
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(doseText, "doseText");
        // The Dose constructor checks every number; a plan edited by hand cannot carry an impossible dose.
        new Dose(sets, reps, holdSeconds, eachSide, times, per, estimatedSeconds);
    }

    /** The exercise at the given dose, with its dose written out in plain words. */
    public static PlanExercise of(Exercise exercise, Dose dose) {
        return new PlanExercise(
                exercise.id(),
                exercise.name(),
                exercise.category(),
                List.copyOf(exercise.causes()),
                dose.sets(),
                dose.reps(),
                dose.holdSeconds(),
                dose.eachSide(),
                dose.times(),
                dose.per(),
                dose.estimatedSeconds(),
                describe(dose));
    }

    /** The exercise at its starting dose from the catalogue. */
    public static PlanExercise of(Exercise exercise) {
        return of(exercise, exercise.dose());
    }

    @JsonIgnore
    public Dose dose() {
        return new Dose(sets, reps, holdSeconds, eachSide, times, per, estimatedSeconds);
    }

    /** "2 sets of 8, hold 3 s, each side; about 2 min" — what the Today page and the text print. */
    static String describe(Dose dose) {
        StringBuilder text = new StringBuilder();
        if (dose.sets() == 1) {
            text.append(dose.reps()).append(dose.reps() == 1 ? " time" : " times");
        } else {
            text.append(dose.sets()).append(" sets of ").append(dose.reps());
        }
        if (dose.holdSeconds() > 0) {
            text.append(", hold ").append(dose.holdSeconds()).append(" s");
        }
        if (dose.eachSide()) {
            text.append(", each side");
        }
        int seconds = dose.estimatedSeconds();
        text.append(
                seconds < 90
                        ? String.format(Locale.ROOT, "; about %d s", roundTo(seconds, 5))
                        : String.format(Locale.ROOT, "; about %d min", Math.round(seconds / 60.0)));
        return text.toString();
    }

    private static int roundTo(int value, int step) {
        return Math.max(step, Math.round((float) value / step) * step);
    }
}
