package backstop.plan;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One exercise done on one day, planned next to done: the target sets, repetitions and hold from the plan beside
 * what the person did, and pain (0 to 10) before, during, and the next morning. The next-morning rating arrives a
 * day later ({@link #withPainNextMorning}); until then it is empty. Pain before the session is the baseline the
 * pain-monitoring model compares the next morning with.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionLog(
        LocalDate date,
        String exerciseId,
        int targetSets,
        int targetReps,
        int targetHoldSeconds,
        int sets,
        int reps,
        int holdSeconds,
        int painBefore,
        int painDuring,
        Optional<Integer> painNextMorning) {

    public SessionLog {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(exerciseId, "exerciseId");
        painNextMorning = painNextMorning == null ? Optional.empty() : painNextMorning;
        List<FieldError> errors = new ArrayList<>();
        count(errors, "target_sets", targetSets, 1, 5);
        count(errors, "target_reps", targetReps, 1, 30);
        count(errors, "target_hold_seconds", targetHoldSeconds, 0, 120);
        count(errors, "sets", sets, 0, 10);
        count(errors, "reps", reps, 0, 60);
        count(errors, "hold_seconds", holdSeconds, 0, 300);
        count(errors, "pain_before", painBefore, 0, 10);
        count(errors, "pain_during", painDuring, 0, 10);
        painNextMorning.ifPresent(pain -> count(errors, "pain_next_morning", pain, 0, 10));
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** What the plan asked for on a day: the Today page shows it and turns the person's answers into a log. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Planned(
            LocalDate date,
            String exerciseId,
            String name,
            int targetSets,
            int targetReps,
            int targetHoldSeconds,
            String doseText) {
        public Planned {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(exerciseId, "exerciseId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(doseText, "doseText");
        }

        public static Planned of(LocalDate date, PlanExercise exercise) {
            return new Planned(
                    date,
                    exercise.id(),
                    exercise.name(),
                    exercise.sets(),
                    exercise.reps(),
                    exercise.holdSeconds(),
                    exercise.doseText());
        }

        /** The log of this exercise with what was done; pain next morning follows the next day. */
        public SessionLog done(int sets, int reps, int holdSeconds, int painBefore, int painDuring) {
            return new SessionLog(
                    date,
                    exerciseId,
                    targetSets,
                    targetReps,
                    targetHoldSeconds,
                    sets,
                    reps,
                    holdSeconds,
                    painBefore,
                    painDuring,
                    Optional.empty());
        }
    }

    public SessionLog withPainNextMorning(int pain) {
        return new SessionLog(
                date,
                exerciseId,
                targetSets,
                targetReps,
                targetHoldSeconds,
                sets,
                reps,
                holdSeconds,
                painBefore,
                painDuring,
                Optional.of(pain));
    }

    /** True when at least the planned sets and repetitions (and hold, if any) were done. */
    public boolean completedTarget() {
        return sets >= targetSets && reps >= targetReps && holdSeconds >= targetHoldSeconds;
    }

    private static void count(List<FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be " + min + " to " + max + ", was " + value));
        }
    }
}
