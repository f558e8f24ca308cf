package backstop.care;

import backstop.care.CareService.Prescribing;
import backstop.exercise.Exercise;
import backstop.model.Cause;
import backstop.plan.PlanPart;
import java.time.DayOfWeek;
import java.util.List;

/** The clinician's plan editor and what it offers to choose from. */
public record PrescribeView(
        Prescribing now,
        List<Exercise> library,
        List<DayOfWeek> days,
        List<Cause> causes,
        List<PlanPart.Kind> habitKinds,
        boolean saved) {}
