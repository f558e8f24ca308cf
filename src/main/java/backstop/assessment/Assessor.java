package backstop.assessment;

import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.Evidence;
import backstop.assessment.AssessmentResult.Finding;
import backstop.assessment.AssessmentResult.NotAsked;
import backstop.assessment.AssessmentResult.RedFlag;
import backstop.assessment.AssessmentResult.Tie;
import backstop.assessment.AssessmentRules.Kind;
import backstop.error.BadInputException;
import backstop.json.Json;
import backstop.model.Cause;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an intake into a result: red flags first, then a score for each cause and the separate findings.
 * Pure and deterministic: the same intake and rules always give the same result.
 *
 * <p>A cause's score is the sum of its matching rules' points. Each kind of rule (what provokes the pain, what eases
 * it, its pattern, how much of the day is exposed to the load) adds at most its cap; exposure adds less still when the
 * person's answers deny that anything provoking the cause makes the pain worse. The points a cap takes away are shown
 * as one more line of evidence, so the list always adds up. Causes that score the same are reported as a tie.
 */
public final class Assessor {
    private final AssessmentRules rules;

    public Assessor(AssessmentRules rules) {
        this.rules = rules;
    }

    public AssessmentResult assess(Intake intake) {
        JsonNode answers = Json.mapper().valueToTree(intake);
        List<RedFlag> flags = redFlags(answers);
        Urgency urgency = flags.stream()
                .map(RedFlag::urgency)
                .max(Comparator.naturalOrder())
                .orElse(Urgency.SELF_CARE);
        if (urgency == Urgency.EMERGENCY) {
            return emergency(flags, intake.version());
        }
        List<CauseScore> causes = scores(answers);
        List<Cause> active = causes.stream()
                .filter(score -> score.score() >= rules.activeThreshold())
                .map(CauseScore::cause)
                .toList();
        List<Tie> ties = ties(causes);
        List<NotAsked> notAsked = notAsked(answers);
        return new AssessmentResult(
                urgency,
                rules.advice(urgency),
                flags,
                causes,
                active,
                rules.activeThreshold(),
                AssessmentSummary.write(urgency, causes, active, ties, notAsked),
                findings(answers),
                rules.version(),
                ties,
                notAsked,
                intake.version());
    }

    /**
     * Checks the red-flag answers given so far (a partial intake document, e.g. from {@link IntakeForm} after the
     * first screen) and returns the emergency-only result when one of them calls for emergency services, so the
     * intake can end at once. Unanswered questions count as "no" here only: no emergency rule may depend on a
     * question being unanswered (checked when the rules load).
     *
     * @throws BadInputException on the field {@code body} when the text is not a JSON object
     */
    public Optional<AssessmentResult> emergencySoFar(String partialIntakeJson) {
        JsonNode answers;
        try {
            answers = Json.mapper().readTree(partialIntakeJson);
        } catch (JsonProcessingException e) {
            throw new BadInputException("body", "is not valid JSON.");
        }
        if (answers == null || !answers.isObject()) {
            throw new BadInputException("body", "should be a JSON object with the answers given so far.");
        }
        List<RedFlag> emergencies = redFlags(answers).stream()
                .filter(flag -> flag.urgency() == Urgency.EMERGENCY)
                .toList();
        int version = answers.path(IntakeSchema.VERSION_FIELD).asInt(1);
        return emergencies.isEmpty() ? Optional.empty() : Optional.of(emergency(emergencies, version));
    }

    private List<RedFlag> redFlags(JsonNode answers) {
        return rules.redFlags().stream()
                .filter(rule -> rule.when().test(answers))
                .map(rule -> new RedFlag(rule.id(), rule.urgency(), rule.reason(), rule.action()))
                .toList();
    }

    // An emergency shows nothing else: a person should not be reading about posture while they need help.
    private AssessmentResult emergency(List<RedFlag> flags, int intakeVersion) {
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
                AssessmentSummary.write(Urgency.EMERGENCY, List.of(), List.of(), List.of(), List.of()),
                List.of(),
                rules.version(),
                List.of(),
                List.of(),
                intakeVersion);
    }

    private List<CauseScore> scores(JsonNode answers) {
        List<CauseScore> scores = new ArrayList<>();
        AssessmentRules.Caps caps = rules.caps();
        for (AssessmentRules.CauseDefinition definition : rules.causes()) {
            List<Evidence> evidence = new ArrayList<>();
            Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
            for (AssessmentRules.ScoringRule rule : rules.scoring()) {
                if (rule.cause() == definition.cause() && rule.when().test(answers)) {
                    evidence.add(new Evidence(
                            rule.evidence(), rule.points(), rule.kind().key()));
                    byKind.merge(rule.kind(), rule.points(), Integer::sum);
                }
            }
            boolean denied = definition.deniedWhen().map(c -> c.test(answers)).orElse(false);
            // Points over a kind's cap are taken away again in one line that says why, so the list still adds up.
            for (Kind kind : AssessmentRules.CAPPED) {
                int cap = kind == Kind.EXPOSURE && denied ? caps.exposureWhenDenied() : caps.cap(kind);
                int collected = byKind.getOrDefault(kind, 0);
                if (collected > cap) {
                    String text = kind == Kind.EXPOSURE && denied
                            ? definition.deniedText()
                            : caps.texts().getOrDefault(kind, "");
                    evidence.add(new Evidence(text.replace("{cap}", String.valueOf(cap)), cap - collected, "cap"));
                }
            }
            int total = evidence.stream().mapToInt(Evidence::points).sum();
            scores.add(new CauseScore(
                    definition.cause(), definition.label(), Math.max(0, Math.min(100, total)), evidence));
        }
        // A sort is stable, so tied causes keep the rules file's order on the page; ties() reports them as ties.
        scores.sort(Comparator.comparingInt(CauseScore::score).reversed());
        return scores;
    }

    /** Causes sharing the leading score, or sharing a score at or above the threshold, with what tells them apart. */
    private List<Tie> ties(List<CauseScore> causes) {
        Map<Integer, List<Cause>> byScore = new LinkedHashMap<>();
        causes.stream()
                .filter(score -> score.score() > 0)
                .forEach(score -> byScore.computeIfAbsent(score.score(), s -> new ArrayList<>())
                        .add(score.cause()));
        int top = causes.isEmpty() ? 0 : causes.get(0).score();
        List<Tie> ties = new ArrayList<>();
        byScore.forEach((score, tied) -> {
            if (tied.size() >= 2 && (score == top || score >= rules.activeThreshold())) {
                List<String> tellApart = new ArrayList<>();
                for (int i = 0; i < tied.size(); i++) {
                    for (int j = i + 1; j < tied.size(); j++) {
                        Set<Cause> pair = Set.of(tied.get(i), tied.get(j));
                        rules.tieBreakers().stream()
                                .filter(breaker -> breaker.causes().equals(pair))
                                .forEach(breaker -> tellApart.add(breaker.text()));
                    }
                }
                ties.add(new Tie(tied, score, tellApart));
            }
        });
        return ties;
    }

    private List<NotAsked> notAsked(JsonNode answers) {
        return rules.notAsked().stream()
                .filter(question -> new Condition.Unanswered(question.field()).test(answers))
                .map(question -> new NotAsked(question.field(), question.text()))
                .toList();
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
