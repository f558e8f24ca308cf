package backstop.plan;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The desk part in numbers: how often to break, the micro-break exercises to rotate through, and the workstation
 * checklist. Breaks support the plan; exercise is its core (luger-2019).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeskHabits(int breakIntervalMinutes, List<PlanExercise> microBreak, List<String> checklist) {
    public DeskHabits {
        if (breakIntervalMinutes < 15 || breakIntervalMinutes > 90) {
            throw new IllegalArgumentException("a break interval is 15 to 90 minutes, not " + breakIntervalMinutes);
        }
        microBreak = List.copyOf(microBreak);
        checklist = List.copyOf(checklist);
    }

    DeskHabits withMicroBreak(List<PlanExercise> changed) {
        return new DeskHabits(breakIntervalMinutes, changed, checklist);
    }
}
