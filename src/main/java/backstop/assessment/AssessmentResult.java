package backstop.assessment;

import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Objects;

/**
 * What the assessment found, in the shape the API returns and the database stores as JSON text. With an
 * emergency only the emergency is shown: causes, active causes and findings are empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AssessmentResult(
        Urgency urgency,
        String urgencyAdvice,
        List<RedFlag> redFlags,
        List<CauseScore> causes,
        List<Cause> activeCauses,
        int activeThreshold,
        String summary,
        List<Finding> findings,
        String rulesVersion) {

    public AssessmentResult {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(urgencyAdvice, "urgencyAdvice");
        redFlags = List.copyOf(redFlags);
        causes = List.copyOf(causes);
        activeCauses = List.copyOf(activeCauses);
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    /** A red-flag rule that matched: why it matters and what to do, in plain words. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RedFlag(String id, Urgency urgency, String reason, String action) {
        public RedFlag {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(urgency, "urgency");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(action, "action");
        }
    }

    /** One cause with its score from 0 to 100 and the answers that raised (points above 0) or lowered it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CauseScore(Cause cause, String label, int score, List<Evidence> evidence) {
        public CauseScore {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(label, "label");
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("a cause score is between 0 and 100, not " + score);
            }
            evidence = List.copyOf(evidence);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(String text, int points) {
        public Evidence {
            Objects.requireNonNull(text, "text");
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Finding(FindingKind id, String label, List<String> evidence) {
        public Finding {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            evidence = List.copyOf(evidence);
        }
    }

    @JsonIgnore
    public boolean isEmergency() {
        return urgency == Urgency.EMERGENCY;
    }

    /** The JSON text stored for history and returned by the API. */
    public String toJson() {
        return AssessmentJson.write(this);
    }

    /**
     * Reads a result stored by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a stored assessment result (stored data is broken)
     */
    public static AssessmentResult fromJson(String json) {
        try {
            // Fields added by later versions are skipped, so old code can still show newer history.
            return AssessmentJson.MAPPER
                    .readerFor(AssessmentResult.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "stored assessment result could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
