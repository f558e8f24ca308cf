package backstop.assessment;

import backstop.json.Json;
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
 * emergency only the emergency is shown: causes, active causes, ties, findings and the questions not asked are empty.
 *
 * <p>{@code ties}, {@code notAsked} and {@code intakeVersion} came with version 2 of the rules; a result stored
 * before them reads back with none and intake version 1.
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
        String rulesVersion,
        List<Tie> ties,
        List<NotAsked> notAsked,
        int intakeVersion) {

    public AssessmentResult {
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(urgencyAdvice, "urgencyAdvice");
        redFlags = List.copyOf(redFlags);
        causes = List.copyOf(causes);
        activeCauses = List.copyOf(activeCauses);
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        ties = ties == null ? List.of() : List.copyOf(ties);
        notAsked = notAsked == null ? List.of() : List.copyOf(notAsked);
        intakeVersion = intakeVersion == 0 ? 1 : intakeVersion;
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

    /**
     * One answer behind a score. {@code kind} says how it counts (provocation, relief, pattern, exposure, against, or
     * cap for the points exposure may not add); it is empty in results stored before version 2 of the rules.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(String text, int points, String kind) {
        public Evidence {
            Objects.requireNonNull(text, "text");
            kind = kind == null ? "" : kind;
        }
    }

    /**
     * Causes that score the same: shown as a tie, with what would tell them apart, and never decided by the order of
     * the rules file.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tie(List<Cause> causes, int score, List<String> tellApart) {
        public Tie {
            causes = List.copyOf(causes);
            if (causes.size() < 2) {
                throw new IllegalArgumentException("a tie needs two causes or more");
            }
            tellApart = List.copyOf(tellApart);
        }
    }

    /** A warning-sign question the intake did not ask (an older intake version): the result says so. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NotAsked(String field, String question) {
        public NotAsked {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(question, "question");
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

    /** Whether a doctor should see the person first: any red flag. A clinician's list puts these people on top. */
    @JsonIgnore
    public boolean needsDoctorFirst() {
        return urgency != Urgency.SELF_CARE;
    }

    /** The rules version in words, for the result page and the text report. */
    @JsonIgnore
    public String rulesVersionInWords() {
        return RulesVersion.describe(rulesVersion);
    }

    /** Whether the rules that made this result are older than the ones in use now. */
    @JsonIgnore
    public boolean madeWithEarlierRules() {
        return RulesVersion.number(rulesVersion)
                .map(n -> n < AssessmentRules.CURRENT)
                .orElse(false);
    }

    /** The tie among the leading causes, if the top score is shared. */
    @JsonIgnore
    public java.util.Optional<Tie> leadingTie() {
        if (causes.isEmpty()) {
            return java.util.Optional.empty();
        }
        int top = causes.get(0).score();
        return ties.stream().filter(tie -> tie.score() == top).findFirst();
    }

    /** The JSON text stored for history and returned by the API. */
    public String toJson() {
        return Json.pretty(this);
    }

    /**
     * Reads a result stored by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a stored assessment result (stored data is broken)
     */
    public static AssessmentResult fromJson(String json) {
        try {
            // Fields added by later versions are skipped, so old code can still show newer history.
            return Json.checkedDocument(AssessmentResult.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "stored assessment result could not be read: " + e.getOriginalMessage(), e);
        }
    }
}
