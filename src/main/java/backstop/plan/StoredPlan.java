package backstop.plan;

import java.time.Instant;
import java.util.Objects;

/** A version of a person's plan as stored: why it was made (first plan, weekly review, new preferences) and when. */
public record StoredPlan(
        long id,
        long personId,
        long assessmentId,
        Instant createdAt,
        String reason,
        PlanPreferences preferences,
        Plan plan) {
    public StoredPlan {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(plan, "plan");
    }
}
