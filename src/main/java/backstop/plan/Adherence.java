package backstop.plan;

import java.util.List;
import java.util.Objects;

/**
 * How the person has kept to the plan since it began, and where each injection-referral criterion stands. The plan
 * page shows this so "ask your clinician" appears when, and only when, the criterion is met.
 */
public record Adherence(long weeksOnPlan, int plannedDays, int loggedDays, List<CriterionStatus> criteria) {
    public Adherence {
        criteria = List.copyOf(criteria);
    }

    /** Share of planned days with at least one logged exercise, in percent (0 before the first planned day). */
    public int percent() {
        return plannedDays == 0 ? 0 : (int) Math.round(100.0 * loggedDays / plannedDays);
    }

    /** One referral criterion and whether this person meets it now. */
    public record CriterionStatus(ReferralCriterion criterion, boolean findingStillPresent, boolean met) {
        public CriterionStatus {
            Objects.requireNonNull(criterion, "criterion");
        }
    }
}
