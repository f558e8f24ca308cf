package backstop.care;

import backstop.model.Cause;
import backstop.plan.PlanPart;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.DayOfWeek;
import java.util.List;

/**
 * One change a clinician makes to a person's plan, as the prescribing page and {@code /api/v1/clinic/patients/{id}/plan}
 * send it. {@link Prescriber} applies a list of them in order; each is checked against the plan as it is by then.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Change.RemoveExercise.class, name = "remove_exercise"),
    @JsonSubTypes.Type(value = Change.AddExercise.class, name = "add_exercise"),
    @JsonSubTypes.Type(value = Change.SwapExercise.class, name = "swap_exercise"),
    @JsonSubTypes.Type(value = Change.SetDose.class, name = "set_dose"),
    @JsonSubTypes.Type(value = Change.SetDays.class, name = "set_days"),
    @JsonSubTypes.Type(value = Change.HoldProgression.class, name = "hold_progression"),
    @JsonSubTypes.Type(value = Change.SetBreakInterval.class, name = "set_break_interval"),
    @JsonSubTypes.Type(value = Change.RemovePart.class, name = "remove_part"),
    @JsonSubTypes.Type(value = Change.AddHabit.class, name = "add_habit")
})
public sealed interface Change {
    /** The exercise leaves every session and micro-break it was in. */
    record RemoveExercise(String exerciseId) implements Change {}

    /** A library exercise joins a session at its starting dose. */
    record AddExercise(String sessionId, String exerciseId) implements Change {}

    /** A library exercise takes another's place, at its own starting dose. */
    record SwapExercise(String exerciseId, String forExerciseId) implements Change {}

    /** A new dose for one exercise; the time estimate is scaled with the work. */
    record SetDose(String exerciseId, int sets, int reps, int holdSeconds) implements Change {}

    /** The weekdays a session falls on. */
    record SetDays(String sessionId, List<DayOfWeek> days) implements Change {
        public SetDays {
            days = days == null ? List.of() : List.copyOf(days);
        }
    }

    /** Hold (or release) the weekly progression of one exercise: the review keeps its dose while held. */
    record HoldProgression(String exerciseId, boolean hold) implements Change {}

    /** Minutes between desk breaks (15 to 90). */
    record SetBreakInterval(int minutes) implements Change {}

    /** A habit part (or the injection-referral part) leaves the plan. */
    record RemovePart(PlanPart.Kind kind) implements Change {}

    /** A habit part the clinician writes: which causes it addresses, a title and what to do. */
    record AddHabit(PlanPart.Kind kind, List<Cause> causes, String title, List<String> items) implements Change {
        public AddHabit {
            causes = causes == null ? List.of() : List.copyOf(causes);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
