package backstop.plan;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A version of a person's plan as stored: why it was made (first plan, weekly review, new preferences, a clinician's
 * change) and when; {@code change} names the clinician who saved it and their note, {@code heldExercises} the
 * exercises whose progression a clinician holds.
 */
public record StoredPlan(
        long id,
        long personId,
        long assessmentId,
        Instant createdAt,
        String reason,
        PlanPreferences preferences,
        Plan plan,
        Optional<PlanChange> change,
        List<String> heldExercises) {
    public StoredPlan {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(plan, "plan");
        change = change == null ? Optional.empty() : change;
        heldExercises = List.copyOf(heldExercises);
    }
}
