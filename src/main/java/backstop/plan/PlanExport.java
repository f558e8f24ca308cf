package backstop.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/** A person's plans in the account export: every version and every logged exercise. */
public record PlanExport(List<Version> versions, List<SessionLog> sessionLogs) {
    public PlanExport {
        versions = List.copyOf(versions);
        sessionLogs = List.copyOf(sessionLogs);
    }

    /** One version of the plan, with who changed it when a clinician did. */
    public record Version(
            long id,
            String createdAt,
            String reason,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<PlanChange> changedBy,
            List<String> heldExercises,
            PlanPreferences preferences,
            Plan plan) {
        static Version of(StoredPlan stored) {
            return new Version(
                    stored.id(),
                    stored.createdAt().toString(),
                    stored.reason(),
                    stored.change(),
                    stored.heldExercises(),
                    stored.preferences(),
                    stored.plan());
        }
    }
}
