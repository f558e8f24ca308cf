package backstop.assessment;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The red-flag and cause-scoring rules, read from {@code assessment/rules-v1.json} and checked as a whole at
 * start-up: every field path, operator, cause, finding, urgency and source key. A broken file stops the
 * application with the full list of problems, because a wrong rule would give people wrong advice.
 */
public final class AssessmentRules {
    static final String RESOURCE = "/assessment/rules-v1.json";

    record RedFlagRule(String id, Urgency urgency, Condition when, String reason, String action, String source) {}

    record CauseDefinition(Cause cause, String label, String source) {}

    record ScoringRule(String id, Cause cause, Condition when, int points, String evidence, String source) {}

    record FindingEvidence(Condition when, String text) {}

    record FindingRule(
            FindingKind kind, String label, Condition presentWhen, List<FindingEvidence> evidence, String source) {
        FindingRule {
            evidence = List.copyOf(evidence);
        }
    }

    private final String version;
    private final int activeThreshold;
    private final Map<String, String> sources;
    private final Map<Urgency, String> urgencyAdvice;
    private final List<RedFlagRule> redFlags;
    private final List<CauseDefinition> causes;
    private final List<ScoringRule> scoring;
    private final List<FindingRule> findings;

    private AssessmentRules(
            String version,
            int activeThreshold,
            Map<String, String> sources,
            Map<Urgency, String> urgencyAdvice,
            List<RedFlagRule> redFlags,
            List<CauseDefinition> causes,
            List<ScoringRule> scoring,
            List<FindingRule> findings) {
        this.version = version;
        this.activeThreshold = activeThreshold;
        this.sources = Map.copyOf(sources);
        this.urgencyAdvice = Map.copyOf(urgencyAdvice);
        this.redFlags = List.copyOf(redFlags);
        this.causes = List.copyOf(causes);
        this.scoring = List.copyOf(scoring);
        this.findings = List.copyOf(findings);
    }

    /**
     * Reads and checks the rules shipped in the jar.
     *
     * @throws IllegalStateException listing every problem when the rules file is not sound
     */
    public static AssessmentRules load() {
        return parse(AssessmentJson.resource(RESOURCE), IntakeSchema.load());
    }

    /** The version stored with every result, so an old assessment can be read against the rules that made it. */
    public String version() {
        return version;
    }

    /** A cause at or above this score is reported as active. */
    public int activeThreshold() {
        return activeThreshold;
    }

    Map<String, String> sources() {
        return sources;
    }

    String advice(Urgency urgency) {
        return urgencyAdvice.get(urgency);
    }

    List<RedFlagRule> redFlags() {
        return redFlags;
    }

    List<CauseDefinition> causes() {
        return causes;
    }

    List<ScoringRule> scoring() {
        return scoring;
    }

    List<FindingRule> findings() {
        return findings;
    }

    static AssessmentRules parse(JsonNode root, IntakeSchema schema) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();

        String version = text(root, "version", "rules", problems);
        int threshold = root.path("active_threshold").asInt(-1);
        if (threshold < 1 || threshold > 100) {
            problems.add("active_threshold must be a whole number from 1 to 100");
        }

        Map<String, String> sources = new LinkedHashMap<>();
        root.path("sources")
                .properties()
                .forEach(entry -> sources.put(entry.getKey(), entry.getValue().asText("")));
        sources.forEach((key, citation) -> {
            if (citation.isBlank()) {
                problems.add("source " + key + " has no citation");
            }
        });

        Map<Urgency, String> advice = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            advice.put(urgency, text(root.path("urgency_advice"), urgency.key(), "urgency_advice", problems));
        }

        List<RedFlagRule> redFlags = new ArrayList<>();
        for (JsonNode node : root.path("red_flags")) {
            String id = text(node, "id", "red flag", problems);
            String where = "red flag " + id;
            unique(id, ids, problems);
            Urgency urgency = Urgency.SELF_CARE;
            try {
                urgency = Urgency.fromKey(node.path("urgency").asText(""));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
            }
            if (urgency == Urgency.SELF_CARE) {
                problems.add(where + ": a red flag must raise the urgency to soon, urgent or emergency");
            }
            redFlags.add(new RedFlagRule(
                    id,
                    urgency,
                    Condition.parse(node.path("when"), schema, where, problems),
                    text(node, "reason", where, problems),
                    text(node, "action", where, problems),
                    source(node, sources, where, problems)));
        }
        if (redFlags.isEmpty()) {
            problems.add("there are no red flag rules; the screening cannot be empty");
        }

        List<CauseDefinition> causes = new ArrayList<>();
        Set<Cause> defined = new HashSet<>();
        for (JsonNode node : root.path("causes")) {
            String key = node.path("id").asText("");
            var cause = Cause.fromKey(key);
            if (cause.isEmpty()) {
                problems.add("cause '" + key + "' is not one of the five known causes");
            } else if (!defined.add(cause.get())) {
                problems.add("cause " + key + " is defined twice");
            } else {
                causes.add(new CauseDefinition(
                        cause.get(),
                        text(node, "label", "cause " + key, problems),
                        source(node, sources, "cause " + key, problems)));
            }
        }
        for (Cause cause : Cause.values()) {
            if (!defined.contains(cause)) {
                problems.add("cause " + cause.key() + " has no definition (label and source)");
            }
        }

        List<ScoringRule> scoring = new ArrayList<>();
        Set<Cause> scored = new HashSet<>();
        for (JsonNode node : root.path("scoring")) {
            String id = text(node, "id", "scoring rule", problems);
            String where = "scoring rule " + id;
            unique(id, ids, problems);
            var cause = Cause.fromKey(node.path("cause").asText(""));
            if (cause.isEmpty()) {
                problems.add(
                        where + ": cause '" + node.path("cause").asText("") + "' is not one of the five known causes");
            }
            int points = node.path("points").asInt(0);
            if (!node.path("points").isInt() || points == 0 || points < -100 || points > 100) {
                problems.add(where + ": points must be a whole number from -100 to 100 and not 0");
            }
            cause.ifPresent(scored::add);
            scoring.add(new ScoringRule(
                    id,
                    cause.orElse(Cause.POSTURAL_STRAIN),
                    Condition.parse(node.path("when"), schema, where, problems),
                    points,
                    text(node, "evidence", where, problems),
                    source(node, sources, where, problems)));
        }
        for (Cause cause : Cause.values()) {
            if (!scored.contains(cause)) {
                problems.add("cause " + cause.key() + " has no scoring rule, so it could never be found");
            }
        }

        List<FindingRule> findings = new ArrayList<>();
        Set<FindingKind> found = new HashSet<>();
        for (JsonNode node : root.path("findings")) {
            String key = node.path("id").asText("");
            String where = "finding " + key;
            var kind = FindingKind.fromKey(key);
            if (kind.isEmpty() || !found.add(kind.get())) {
                problems.add(where + ": not a known finding, or defined twice");
                continue;
            }
            List<FindingEvidence> evidence = new ArrayList<>();
            for (JsonNode item : node.path("evidence")) {
                evidence.add(new FindingEvidence(
                        Condition.parse(item.path("when"), schema, where, problems),
                        text(item, "text", where, problems)));
            }
            if (evidence.isEmpty()) {
                problems.add(where + ": needs evidence texts to show why it was found");
            }
            findings.add(new FindingRule(
                    kind.get(),
                    text(node, "label", where, problems),
                    Condition.parse(node.path("present_when"), schema, where, problems),
                    evidence,
                    source(node, sources, where, problems)));
        }
        for (FindingKind kind : FindingKind.values()) {
            if (!found.contains(kind)) {
                problems.add("finding " + kind.key() + " has no rule");
            }
        }

        if (!problems.isEmpty()) {
            throw new IllegalStateException("assessment rules are not sound (" + problems.size() + " problems):\n  "
                    + String.join("\n  ", problems));
        }
        return new AssessmentRules(version, threshold, sources, advice, redFlags, causes, scoring, findings);
    }

    private static String text(JsonNode node, String key, String where, List<String> problems) {
        String value = node.path(key).asText("");
        if (!node.path(key).isTextual() || value.isBlank()) {
            problems.add(where + ": '" + key + "' must be a non-empty text");
        }
        return value;
    }

    private static String source(JsonNode node, Map<String, String> sources, String where, List<String> problems) {
        String key = node.path("source").asText("");
        if (!sources.containsKey(key)) {
            problems.add(where + ": source '" + key + "' is not listed under sources");
        }
        return key;
    }

    private static void unique(String id, Set<String> ids, List<String> problems) {
        if (!ids.add(id)) {
            problems.add("rule id " + id + " is used twice");
        }
    }
}
