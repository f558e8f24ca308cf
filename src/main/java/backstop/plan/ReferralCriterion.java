package backstop.plan;

import backstop.assessment.FindingKind;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * When a clinician should consider an injection referral, for one finding of the assessment. Data from
 * {@code plan/referral-criteria-v2.json}; sources and the judgement behind the numbers are in docs/clinical.md.
 * {@code minAdherencePercent} is the share of planned sessions that must have been done (a fair trial of therapy);
 * 0 appears only in criteria of version 1, kept with plans made then.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReferralCriterion(
        String id,
        FindingKind finding,
        String title,
        String askWhen,
        int afterWeeks,
        int minAdherencePercent,
        String framing,
        List<String> sources) {

    public ReferralCriterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(askWhen, "askWhen");
        Objects.requireNonNull(framing, "framing");
        sources = List.copyOf(sources);
        if (afterWeeks < 1 || afterWeeks > 26) {
            throw new IllegalArgumentException(id + ": after_weeks must be 1 to 26, was " + afterWeeks);
        }
        if (minAdherencePercent < 0 || minAdherencePercent > 100) {
            throw new IllegalArgumentException(
                    id + ": min_adherence_percent must be 0 to 100, was " + minAdherencePercent);
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(id + ": must name at least one source key");
        }
    }

    /**
     * Whether a clinician should be asked now: the finding is still there after enough weeks on the plan with
     * enough of the planned sessions done. The person's own report that it still limits them is the clinician's call.
     */
    public boolean metBy(long weeksOnPlan, int adherencePercent, boolean findingStillPresent) {
        return findingStillPresent && weeksOnPlan >= afterWeeks && adherencePercent >= minAdherencePercent;
    }
}
