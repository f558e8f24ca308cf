package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A re-assessment next to the one before, cause by cause, for the history view. Causes are listed in the order of
 * the current result. A cause missing from either side (an emergency result scores none) is left out, because a
 * change cannot be told from a missing score.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentComparison(Urgency urgencyBefore, Urgency urgencyAfter, List<CauseChange> causes) {

    public AssessmentComparison {
        Objects.requireNonNull(urgencyBefore, "urgencyBefore");
        Objects.requireNonNull(urgencyAfter, "urgencyAfter");
        causes = List.copyOf(causes);
    }

    /** {@code change} is after minus before: below 0 means the cause weighs less now. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CauseChange(Cause cause, String label, int before, int after, int change) {}

    public static AssessmentComparison compare(AssessmentResult previous, AssessmentResult current) {
        List<CauseChange> changes = new ArrayList<>();
        for (CauseScore now : current.causes()) {
            find(previous, now.cause())
                    .ifPresent(then -> changes.add(new CauseChange(
                            now.cause(), now.label(), then.score(), now.score(), now.score() - then.score())));
        }
        return new AssessmentComparison(previous.urgency(), current.urgency(), changes);
    }

    private static Optional<CauseScore> find(AssessmentResult result, Cause cause) {
        return result.causes().stream().filter(score -> score.cause() == cause).findFirst();
    }
}
