package backstop.care;

import backstop.plan.Coverage;
import backstop.plan.Plan;
import java.util.List;
import java.util.Objects;

/**
 * What a change would do, shown before it is saved: the changes in words, the coverage of the person's causes before
 * and after, and a sentence for every active cause the change leaves less addressed. {@code digest} names exactly
 * this result; the save must send it back, so nothing is saved that was not previewed.
 */
public record Preview(
        long basePlanId,
        Plan plan,
        List<String> heldExercises,
        List<String> changes,
        Coverage before,
        Coverage after,
        List<String> losses,
        String digest) {
    public Preview {
        Objects.requireNonNull(plan, "plan");
        heldExercises = List.copyOf(heldExercises);
        changes = List.copyOf(changes);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        losses = List.copyOf(losses);
        Objects.requireNonNull(digest, "digest");
    }
}
