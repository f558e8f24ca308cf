package backstop.plan;

import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cause by cause, what in a plan addresses it, and a warning for every active cause that no exercise addresses
 * ("this plan treats the symptom only"). {@link #complete()} is true when there is no warning.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Coverage(List<CauseCoverage> causes, List<String> warnings) {

    public Coverage {
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
    }

    public boolean complete() {
        return warnings.isEmpty();
    }

    public Optional<CauseCoverage> of(Cause cause) {
        return causes.stream().filter(coverage -> coverage.cause() == cause).findFirst();
    }

    public enum Status {
        /** At least one exercise in the sessions works on the cause. */
        @JsonProperty("addressed")
        ADDRESSED,
        /** Only habits address it: they support, but the evidence puts exercise at the core. */
        @JsonProperty("habits_only")
        HABITS_ONLY,
        @JsonProperty("not_addressed")
        NOT_ADDRESSED
    }

    /** One cause: its score, whether it is active, the exercise ids and habit parts that address it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CauseCoverage(
            Cause cause,
            String label,
            int score,
            boolean active,
            List<String> exerciseIds,
            List<String> habits,
            Status status,
            Optional<String> warning) {
        public CauseCoverage {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(label, "label");
            exerciseIds = List.copyOf(exerciseIds);
            habits = List.copyOf(habits);
            Objects.requireNonNull(status, "status");
            warning = warning == null ? Optional.empty() : warning;
        }
    }
}
