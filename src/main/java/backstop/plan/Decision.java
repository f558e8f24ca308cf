package backstop.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * What the weekly progression decided for one exercise, why (in plain words), and the exercise and dose for next
 * week. For {@link Outcome#HOLD} {@code next} is the current exercise unchanged. Apply it with
 * {@link Plan#withExerciseReplaced(String, PlanExercise)}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Decision(String exerciseId, Outcome outcome, String reason, PlanExercise next, String rulesVersion) {

    public enum Outcome {
        @JsonProperty("progress")
        PROGRESS,
        @JsonProperty("hold")
        HOLD,
        @JsonProperty("regress")
        REGRESS
    }

    public Decision {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }
}
