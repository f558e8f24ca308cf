package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.json.Json;
import backstop.json.JsonBinding;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssessmentRulesTest {
    private static final IntakeSchema SCHEMA = IntakeSchema.answers();
    private static final AssessmentRules RULES = AssessmentRules.load();

    private static ObjectNode shippedRules() {
        return (ObjectNode) Json.resource(AssessmentRules.RESOURCE);
    }

    private static void assertRefused(JsonNode rules, String... expectedFragments) {
        assertThatThrownBy(() -> AssessmentRules.parse(Json.pretty(rules), SCHEMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContainingAll(expectedFragments);
    }

    /** The scoring rule with this id in the shipped file, to change in one test. */
    private static ObjectNode scoringRule(ObjectNode rules, String id) {
        for (JsonNode rule : rules.get("scoring")) {
            if (rule.get("id").asText().equals(id)) {
                return (ObjectNode) rule;
            }
        }
        throw new IllegalArgumentException(id);
    }

    private static ObjectNode redFlag(ObjectNode rules, String id) {
        for (JsonNode rule : rules.get("red_flags")) {
            if (rule.get("id").asText().equals(id)) {
                return (ObjectNode) rule;
            }
        }
        throw new IllegalArgumentException(id);
    }

    @Test
    void theShippedRulesLoadWithAVersion() {
        assertThat(RULES.version()).isEqualTo("assessment-rules-2");
        assertThat(RULES.format()).isEqualTo(2);
        assertThat(RULES.activeThreshold()).isBetween(1, 100);
    }

    @Test
    void theEarlierRulesStillLoadAgainstTheIntakeTheyWereWrittenFor() {
        AssessmentRules first = AssessmentRules.version(1);

        assertThat(first.version()).isEqualTo("assessment-rules-1");
        assertThat(first.format()).isEqualTo(1);
        assertThat(first.findings())
                .extracting(AssessmentRules.FindingRule::kind)
                .containsExactlyInAnyOrder(FindingKind.NERVE_IRRITATION, FindingKind.TRIGGER_POINTS);
    }

    @Test
    void theEarlierRulesStillGiveTheResultTheyGaveWhenItWasStored() {
        // The fixture is the output of the version 1 code for vignette 01, saved before version 2 was written.
        AssessmentResult stored =
                AssessmentResult.fromJson(Json.resource("/assessment/stored/rules-1-desk-worker.result.json")
                        .toString());
        AssessmentResult again = new Assessor(AssessmentRules.version(1))
                .assess(IntakeReader.load().read(Intakes.intakeOf("01-desk-worker-laptop.json")));

        assertThat(again.urgency()).isEqualTo(stored.urgency());
        assertThat(again.activeCauses()).isEqualTo(stored.activeCauses());
        assertThat(again.causes())
                .extracting(AssessmentResult.CauseScore::cause, AssessmentResult.CauseScore::score)
                .containsExactlyElementsOf(stored.causes().stream()
                        .map(cause -> org.assertj.core.groups.Tuple.tuple(cause.cause(), cause.score()))
                        .toList());
        assertThat(again.rulesVersion()).isEqualTo(stored.rulesVersion());
    }

    @Test
    void provocationOutweighsExposureInEveryCause() {
        int exposureCap = RULES.caps().cap(AssessmentRules.Kind.EXPOSURE);
        for (Cause cause : Cause.values()) {
            int strongest = RULES.scoring().stream()
                    .filter(rule -> rule.cause() == cause && rule.kind() == AssessmentRules.Kind.PROVOCATION)
                    .mapToInt(AssessmentRules.ScoringRule::points)
                    .max()
                    .orElse(0);
            assertThat(strongest).as(cause.key()).isGreaterThan(exposureCap);
        }
        assertThat(RULES.caps().cap(AssessmentRules.Kind.PROVOCATION)).isGreaterThan(exposureCap);
        assertThat(exposureCap).isLessThan(RULES.activeThreshold());
    }

    @Test
    void theCapsKeepEveryScoreBelowTheTopOfTheScale() {
        int total = AssessmentRules.CAPPED.stream()
                .mapToInt(kind -> RULES.caps().cap(kind))
                .sum();
        assertThat(total).isLessThan(100);
    }

    @Test
    void everyPairOfCausesSaysWhatWouldTellThemApart() {
        assertThat(RULES.tieBreakers()).hasSize(10);
        assertThat(RULES.tieBreakers())
                .allSatisfy(breaker -> assertThat(breaker.text()).isNotBlank().doesNotContainIgnoringCase("diagnos"));
    }

    @Test
    void everyQuestionNewSinceVersion1HasWordsForWhenItWasNotAsked() {
        assertThat(RULES.notAsked())
                .extracting(AssessmentRules.NotAskedQuestion::field)
                .contains(
                        "red_flags.exertional_upper_back_pain",
                        "red_flags.saddle_numbness",
                        "red_flags.skin_sore_to_light_touch",
                        "red_flags.self_care_tried");
    }

    @Test
    void noEmergencyRuleWaitsForAQuestionToBeUnanswered() {
        // The early check after each screen sees only the screens so far; an "unanswered" test would fire there.
        ObjectNode rules = shippedRules();
        redFlag(rules, "cord_saddle_numbness")
                .set("when", TestIntakes.parse("{\"unanswered\": \"red_flags.saddle_numbness\"}"));
        assertRefused(rules, "cord_saddle_numbness", "must not depend on a question being unanswered");
    }

    @Test
    void aRuleWithoutAKindFailsLoudly() {
        ObjectNode rules = shippedRules();
        scoringRule(rules, "posture_dull_ache").remove("kind");
        assertRefused(rules, "posture_dull_ache", "kind '' is not one of");
    }

    @Test
    void onlyRulesAgainstACauseMayTakePointsAway() {
        ObjectNode rules = shippedRules();
        scoringRule(rules, "posture_dull_ache").put("points", -5);
        assertRefused(rules, "posture_dull_ache", "only those have negative points");
    }

    @Test
    void exposureThatCouldOutweighProvocationFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("kind_caps")).put("exposure", 30);
        assertRefused(rules, "must outweigh the exposure cap of 30");
    }

    @Test
    void capsThatLetScoresReachTheTopFailLoudly() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("kind_caps")).put("relief", 30);
        assertRefused(rules, "must stay below 100");
    }

    @Test
    void aMissingTieBreakerFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ArrayNode) rules.get("tie_breakers")).remove(0);
        assertRefused(rules, "tie breaker for postural_strain and muscle_overuse is missing");
    }

    @Test
    void aNewRedFlagQuestionWithoutNotAskedWordsFailsLoudly() {
        ObjectNode rules = shippedRules();
        ((ArrayNode) rules.get("not_asked")).remove(3);
        assertRefused(rules, "red_flags.saddle_numbness is new since intake version 1");
    }

    @Test
    void anUndefinedPatternFailsLoudly() {
        ObjectNode rules = shippedRules();
        redFlag(rules, "inflammatory_pattern").set("when", TestIntakes.parse("{\"pattern\": \"lumbago\"}"));
        assertRefused(rules, "pattern 'lumbago' is not defined");
    }

    @Test
    void anAtLeastCountLongerThanItsListFailsLoudly() {
        ObjectNode rules = shippedRules();
        redFlag(rules, "inflammatory_pattern")
                .set(
                        "when",
                        TestIntakes.parse(
                                "{\"at_least\": 3, \"of\": [{\"field\": \"age\", \"op\": \">\", \"value\": 40}]}"));
        assertRefused(rules, "'at_least' needs a whole number from 1 to the length");
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
        ((ObjectNode) scoringRule(rules, "posture_desk_hours_long").get("when")).put("field", "desk.hourz");
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
    void aDifferenceOfAnythingButTwoNumberAnswersFailsLoudly() {
        for (String difference : List.of(
                "{\"difference\": [\"age\", \"sleep.position\"], \"op\": \"<=\", \"value\": 2}",
                "{\"difference\": [\"age\", \"red_flags.no_such_answer\"], \"op\": \"<=\", \"value\": 2}",
                "{\"difference\": [\"age\"], \"op\": \"<=\", \"value\": 2}",
                "{\"difference\": [\"age\", \"red_flags.onset_age\"], \"op\": \"contains\", \"value\": 2}",
                "{\"difference\": [\"age\", \"red_flags.onset_age\"], \"op\": \"<=\", \"value\": \"two\"}")) {
            ObjectNode rules = shippedRules();
            redFlag(rules, "onset_age_new_pain").set("when", TestIntakes.parse(difference));
            assertRefused(rules, "onset_age_new_pain", "'difference' needs two number answers");
        }
    }

    @Test
    void aDifferenceSubtractsTheSecondAnswerFromTheFirst() {
        List<String> problems = new ArrayList<>();
        Condition withinTwoYears = Condition.parse(
                JsonBinding.bind(
                                "{\"difference\": [\"age\", \"red_flags.onset_age\"], \"op\": \"<=\", \"value\": 2}",
                                RulesFile.ConditionFile.class)
                        .value()
                        .orElseThrow(),
                SCHEMA,
                Map.of(),
                "test",
                problems);

        assertThat(problems).isEmpty();
        assertThat(withinTwoYears.test(TestIntakes.parse("{\"age\": 58, \"red_flags\": {\"onset_age\": 56}}")))
                .isTrue();
        assertThat(withinTwoYears.test(TestIntakes.parse("{\"age\": 59, \"red_flags\": {\"onset_age\": 56}}")))
                .isFalse();
        assertThat(withinTwoYears.test(TestIntakes.parse("{\"age\": 58, \"red_flags\": {}}")))
                .as("an unanswered number makes the test false")
                .isFalse();
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
        ((ArrayNode) rules.get("scoring"))
                .add(scoringRule(rules, "posture_desk_hours_long").deepCopy());
        assertRefused(rules, "rule id posture_desk_hours_long is used twice");
    }

    @Test
    void allProblemsAreListedTogether() {
        ObjectNode rules = shippedRules();
        ((ObjectNode) rules.get("red_flags").get(0)).put("source", "a_blog");
        scoringRule(rules, "posture_dull_ache").put("points", 0);
        assertRefused(rules, "2 problems", "a_blog", "points must be");
    }

    @Test
    void aMisspeltFieldInARuleIsRefusedWithItsPathAndLine() {
        ObjectNode rules = shippedRules();
        ObjectNode rule = scoringRule(rules, "posture_dull_ache");
        rule.set("evidense", rule.remove("evidence"));
        int index = indexOf(rules, "posture_dull_ache");
        assertRefused(
                rules,
                "scoring[" + index + "].evidense is not a known field (line",
                "scoring[" + index + "].evidence is required");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndNeverConverted() {
        ObjectNode rules = shippedRules();
        scoringRule(rules, "posture_dull_ache").put("points", "ten");
        rules.put("active_threshold", 40.5);
        assertRefused(
                rules,
                "scoring[" + indexOf(rules, "posture_dull_ache") + "].points must be a whole number (line",
                "active_threshold must be a whole number (line");
    }

    @Test
    void aMissingRuleFieldIsRefused() {
        ObjectNode rules = shippedRules();
        redFlag(rules, "cord_saddle_numbness").remove("action");
        assertRefused(rules, ".action is required (line");
    }

    @Test
    void anUnknownKeyInAConditionIsRefused() {
        ObjectNode rules = shippedRules();
        redFlag(rules, "inflammatory_pattern").set("when", TestIntakes.parse("{\"patern\": \"x\"}"));
        assertRefused(rules, ".when.patern is not a known field");
    }

    @Test
    void aProblemOfMeaningNamesTheLineOfItsRule() {
        ObjectNode rules = shippedRules();
        scoringRule(rules, "posture_dull_ache").put("points", 0);
        assertThatThrownBy(() -> AssessmentRules.parse(Json.pretty(rules), SCHEMA))
                .hasMessageMatching("(?s).*scoring rule posture_dull_ache \\(line \\d+\\): points must be.*");
    }

    private static int indexOf(ObjectNode rules, String scoringId) {
        for (int i = 0; i < rules.get("scoring").size(); i++) {
            if (rules.get("scoring").get(i).get("id").asText().equals(scoringId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(scoringId);
    }
}
