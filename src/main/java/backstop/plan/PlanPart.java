package backstop.plan;

import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * One part of a plan: what it is, which causes it addresses, why (in a sentence or two), what to do, the exercises
 * it uses and the sources behind it (keys explained in docs/clinical.md).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanPart(
        Kind kind,
        List<Cause> causes,
        String title,
        String why,
        List<String> items,
        List<String> exerciseIds,
        List<String> sources) {

    public enum Kind {
        @JsonProperty("exercise")
        EXERCISE,
        @JsonProperty("desk_habits")
        DESK_HABITS,
        @JsonProperty("load_pacing")
        LOAD_PACING,
        @JsonProperty("movement")
        MOVEMENT,
        @JsonProperty("sleep")
        SLEEP,
        @JsonProperty("stress")
        STRESS,
        @JsonProperty("injection_referral")
        INJECTION_REFERRAL
    }

    public PlanPart {
        Objects.requireNonNull(kind, "kind");
        causes = List.copyOf(causes);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(why, "why");
        items = List.copyOf(items);
        exerciseIds = List.copyOf(exerciseIds);
        sources = List.copyOf(sources);
    }

    public boolean addresses(Cause cause) {
        return causes.contains(cause);
    }
}
