package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentRulesTest {
    private static final IntakeSchema SCHEMA = IntakeSchema.load();
    private static final AssessmentRules RULES = AssessmentRules.load();

    private static ObjectNode shippedRules() {
        return (ObjectNode) AssessmentJson.resource(AssessmentRules.RESOURCE);
    }

    private static void assertRefused(JsonNode rules, String... expectedFragments) {
        assertThatThrownBy(() -> AssessmentRules.parse(rules, SCHEMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(expectedFragments);
    }

    @Test
    void theShippedRulesLoadWithAVersion() {
        assertThat(RULES.version()).isEqualTo("assessment-rules-1");
        assertThat(RULES.activeThreshold()).isBetween(1, 100);
    }

    @Test
    void theRulesFileNamesEachCauseAsTheCodeDoes() {
        // The catalogue and the plan show Cause.label(); the assessment shows the label from the rules file.
        assertThat(RULES.causes())
                .allSatisfy(definition -> assertThat(definition.label())
                        .isEqualTo(definition.cause().label()));
    }

    static Stream<String> redFlagIds() {
        return RULES.redFlags().stream().map(AssessmentRules.RedFlagRule::id);
    }

    @ParameterizedTest
    @MethodSource("redFlagIds")
    void everyRedFlagRuleSpeaksPlainlyAndNamesAListedSource(String id) {
        var rule = RULES.redFlags().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(rule.urgency()).isNotEqualTo(Urgency.SELF_CARE);
        assertThat(rule.reason()).isNotBlank().doesNotContainIgnoringCase("diagnos");
        assertThat(rule.action()).isNotBlank();
        assertThat(RULES.sources()).containsKey(rule.source());
    }

    static Stream<String> scoringIds() {
        return RULES.scoring().stream().map(AssessmentRules.ScoringRule::id);
    }

    @ParameterizedTest
    @MethodSource("scoringIds")
    void everyScoringRuleHasEvidenceTextPointsAndAListedSource(String id) {
        var rule = RULES.scoring().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(rule.points()).isNotZero().isBetween(-100, 100);
        assertThat(rule.evidence()).isNotBlank().doesNotContainIgnoringCase("diagnos");
        assertThat(RULES.sources()).containsKey(rule.source());
    }

    @Test
    void everyCauseHasALabelAndCanReachTheActiveThreshold() {
        assertThat(RULES.causes())
                .extracting(AssessmentRules.CauseDefinition::cause)
                .containsExactlyInAnyOrder(Cause.values());
        for (Cause cause : Cause.values()) {
            int maximum = RULES.scoring().stream()
                    .filter(rule -> rule.cause() == cause)
                    .mapToInt(rule -> Math.max(0, rule.points()))
                    .sum();
            assertThat(maximum).as(cause.key()).isGreaterThanOrEqualTo(RULES.activeThreshold());
        }
    }

    @Test
    void everyFindingIsDefined() {
        assertThat(RULES.findings())
                .extracting(AssessmentRules.FindingRule::kind)
                .containsExactlyInAnyOrder(FindingKind.values());
    }

    @Test
    void everyUrgencyHasAdvice() {
        Arrays.stream(Urgency.values())
                .forEach(urgency -> assertThat(RULES.advice(urgency)).isNotBlank());
    }

    @Test
    void aFieldThatIsNotInTheIntakeFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("scoring").get(0).get("when")).put("field", "desk.hourz");
        assertRefused(rules, "posture_desk_hours_long", "field 'desk.hourz' is not an answer");
    }

    @Test
    void anUnknownOperatorFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("scoring").get(0).get("when")).put("op", "=>");
        assertRefused(rules, "operator '=>'");
    }

    @Test
    void anOperatorThatDoesNotSuitTheFieldFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("red_flags").get(0).get("when")).put("op", ">=");
        assertRefused(rules, "heart_exertional_chest_pain", "is yes/no");
    }

    @Test
    void aChoiceTheFieldCannotHoldFailsLoudly() {
        ObjectNode rules = shippedRules();
        ObjectNode condition = (ObjectNode) rules.get("scoring").get(0).get("when");
        condition.put("field", "sleep.position").put("op", "==").put("value", "upside_down");
        assertRefused(rules, "sleep.position is one of");
    }

    @Test
    void anUnknownCauseFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("scoring").get(0)).put("cause", "bad_luck");
        assertRefused(rules, "cause 'bad_luck' is not one of the five known causes");
    }

    @Test
    void aSourceThatIsNotListedFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("red_flags").get(0)).put("source", "a_blog");
        assertRefused(rules, "source 'a_blog' is not listed");
    }

    @Test
    void anUnknownUrgencyFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("red_flags").get(0)).put("urgency", "whenever");
        assertRefused(rules, "unknown urgency 'whenever'");
    }

    @Test
    void aCauseWithoutAnyScoringRuleFailsLoudly() {
        ObjectNode rules = shippedRules();
        ArrayNode kept = rules.putArray("scoring_kept");
        rules.get("scoring").forEach(rule -> {
            if (!rule.get("cause").asText().equals("sleep_position")) {
                kept.add(rule);
            }
        });
        rules.set("scoring", kept);
        rules.remove("scoring_kept");
        assertRefused(rules, "cause sleep_position has no scoring rule");
    }

    @Test
    void twoRulesWithTheSameIdFailLoudly() {
        ObjectNode rules = shippedRules();
        ((ArrayNode) rules.get("scoring")).add(rules.get("scoring").get(0).deepCopy());
        assertRefused(rules, "rule id posture_desk_hours_long is used twice");
    }

    @Test
    void allProblemsAreListedTogether() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("red_flags").get(0)).put("source", "a_blog");
        ((ObjectNode) rules.get("scoring").get(0)).put("points", 0);
        assertRefused(rules, "2 problems", "a_blog", "points must be");
    }
}
