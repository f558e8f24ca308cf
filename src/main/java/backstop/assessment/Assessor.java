package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.Evidence;
import backstop.assessment.AssessmentResult.Finding;
import backstop.assessment.AssessmentResult.RedFlag;
import backstop.error.BadInputException;
import backstop.model.Cause;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns an intake into a result: red flags first, then a score for each cause and the separate findings.
 * Pure and deterministic: the same intake and rules always give the same result.
 */
public final class Assessor {
    private final AssessmentRules rules;

    public Assessor(AssessmentRules rules) {
        this.rules = rules;
    }

    public AssessmentResult assess(Intake intake) {
        JsonNode answers = AssessmentJson.MAPPER.valueToTree(intake);
        List<RedFlag> flags = redFlags(answers);
        Urgency urgency = flags.stream()
                .map(RedFlag::urgency)
                .max(Comparator.naturalOrder())
                .orElse(Urgency.SELF_CARE);
        if (urgency == Urgency.EMERGENCY) {
            return emergency(flags);
        }
        List<CauseScore> causes = scores(answers);
        List<Cause> active = causes.stream()
                .filter(score -> score.score() >= rules.activeThreshold())
                .map(CauseScore::cause)
                .toList();
        return new AssessmentResult(
                urgency,
                rules.advice(urgency),
                flags,
                causes,
                active,
                rules.activeThreshold(),
                AssessmentSummary.write(urgency, causes, active),
                findings(answers),
                rules.version());
    }

    /**
     * Checks the red-flag answers given so far (a partial intake document, e.g. from {@link IntakeForm} after the
     * first screen) and returns the emergency-only result when one of them calls for emergency services, so the
     * intake can end at once. Unanswered questions count as "no".
     *
     * @throws BadInputException on the field {@code body} when the text is not a JSON object
     */
    public Optional<AssessmentResult> emergencySoFar(String partialIntakeJson) {
        JsonNode answers;
        try {
            answers = AssessmentJson.MAPPER.readTree(partialIntakeJson);
        } catch (JsonProcessingException e) {
            throw new BadInputException("body", "is not valid JSON.");
        }
        if (answers == null || !answers.isObject()) {
            throw new BadInputException("body", "should be a JSON object with the answers given so far.");
        }
        List<RedFlag> emergencies = redFlags(answers).stream()
                .filter(flag -> flag.urgency() == Urgency.EMERGENCY)
                .toList();
        return emergencies.isEmpty() ? Optional.empty() : Optional.of(emergency(emergencies));
    }

    private List<RedFlag> redFlags(JsonNode answers) {
        return rules.redFlags().stream()
                .filter(rule -> rule.when().test(answers))
                .map(rule -> new RedFlag(rule.id(), rule.urgency(), rule.reason(), rule.action()))
                .toList();
    }

    // An emergency shows nothing else: a person should not be reading about posture while they need help.
    private AssessmentResult emergency(List<RedFlag> flags) {
        List<RedFlag> emergencies = flags.stream()
                .filter(flag -> flag.urgency() == Urgency.EMERGENCY)
                .toList();
        return new AssessmentResult(
                Urgency.EMERGENCY,
                rules.advice(Urgency.EMERGENCY),
                emergencies,
                List.of(),
                List.of(),
                rules.activeThreshold(),
                AssessmentSummary.write(Urgency.EMERGENCY, List.of(), List.of()),
                List.of(),
                rules.version());
    }

    private List<CauseScore> scores(JsonNode answers) {
        List<CauseScore> scores = new ArrayList<>();
        for (AssessmentRules.CauseDefinition definition : rules.causes()) {
            List<Evidence> evidence = rules.scoring().stream()
                    .filter(rule ->
                            rule.cause() == definition.cause() && rule.when().test(answers))
                    .map(rule -> new Evidence(rule.evidence(), rule.points()))
                    .toList();
            int total = evidence.stream().mapToInt(Evidence::points).sum();
            scores.add(new CauseScore(
                    definition.cause(), definition.label(), Math.max(0, Math.min(100, total)), evidence));
        }
        // Ties keep the order of the rules file, so the ranking never depends on anything but the answers.
        scores.sort(Comparator.comparingInt(CauseScore::score).reversed());
        return scores;
    }

    private List<Finding> findings(JsonNode answers) {
        return rules.findings().stream()
                .filter(rule -> rule.presentWhen().test(answers))
                .map(rule -> new Finding(
                        rule.kind(),
                        rule.label(),
                        rule.evidence().stream()
                                .filter(item -> item.when().test(answers))
                                .map(AssessmentRules.FindingEvidence::text)
                                .toList()))
                .toList();
    }
}
