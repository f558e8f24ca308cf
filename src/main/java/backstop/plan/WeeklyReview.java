package backstop.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The week just past, exercise by exercise: what the pain-monitoring rules suggest (progress, hold or step back),
 * and how many of the planned days had a logged session.
 */
public record WeeklyReview(LocalDate from, LocalDate to, List<Decision> decisions, int plannedDays, int loggedDays) {
    public WeeklyReview {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        decisions = List.copyOf(decisions);
    }

    /** True when at least one exercise would change. */
    public boolean changesAnything() {
        return decisions.stream().anyMatch(decision -> decision.outcome() != Decision.Outcome.HOLD);
    }
}
