package backstop.assessment;

import java.time.Instant;
import java.util.Objects;

/** An assessment as kept in a person's history: who, when, and the result exactly as it was shown. */
public record StoredAssessment(long id, long personId, Instant takenAt, AssessmentResult result) {
    public StoredAssessment {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(result, "result");
    }
}
