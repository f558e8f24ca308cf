package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clinical vignettes written for this project (src/test/resources/assessment/vignettes): each is a short story, the
 * intake that person would give, the clinical reasoning, and what the assessment should say. {@code top_causes} are
 * the leading causes in any order; {@code red_flags}, {@code active_causes} and {@code findings} must match exactly
 * (absent means none); {@code not_top_cause} may not lead; {@code ties} lists the ties exactly when given.
 *
 * <p>Vignettes from version 2 on also say which rule or scoring principle they test ({@code covers}) and in which
 * direction ({@code escalate}: it must not be self-care; {@code calm}: the near-miss that must stay self-care, since
 * over-escalation is a harm too). Every rule the issue named has both directions here.
 */
class VignetteTest {
    private static final Assessor ASSESSOR = new Assessor(AssessmentRules.load());
    private static final IntakeReader READER = IntakeReader.load();

    /** The red-flag rules and scoring principles that need a vignette in each direction. */
    static final List<String> BOTH_DIRECTIONS = List.of(
            "heart_exertional_back_pain_with_risk",
            "heart_exertional_back_pain",
            "heart_effort_not_asked",
            "lung_clot_breathless",
            "lung_clot_pleuritic",
            "cord_saddle_numbness",
            "gut_attacks_after_meals",
            "gut_burning_with_meals",
            "shingles_rash",
            "shingles_skin_at_risk",
            "shingles_skin",
            "shingles_not_asked",
            "no_better_after_self_care",
            "inflammatory_pattern",
            "age_threshold",
            "onset_age_new_pain",
            "fracture_fragile_bones",
            "fracture_minor_trauma_fragile_bones");

    /** Scoring principles proven by a case where the right cause leads (and one where exposure alone does not). */
    static final List<String> SCORING_PRINCIPLES = List.of(
            "provocation_over_exposure",
            "sitting_no_difference",
            "loads_anywhere",
            "lifting_by_load",
            "no_lifting_at_work",
            "relief_answers",
            "timing_answers",
            "dont_know_is_not_no",
            "ties_reported",
            "nerve_needs_nerve_signs");

    static Stream<VignetteFiles.Vignette> vignettes() {
        return VignetteFiles.all().stream();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void thereAreAtLeastThirtyTwoVignettes() {
        assertThat(vignettes()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void everyNewRedFlagRuleHasAVignetteThatEscalatesAndANearMissThatStaysCalm() {
        for (String rule : BOTH_DIRECTIONS) {
            assertThat(covering(rule, "escalate")).as(rule + " escalates").isNotEmpty();
            assertThat(covering(rule, "calm")).as(rule + " near-miss").isNotEmpty();
        }
    }

    @Test
    void everyScoringPrincipleHasAVignette() {
        for (String principle : SCORING_PRINCIPLES) {
            assertThat(covering(principle, "calm")).as(principle).isNotEmpty();
        }
    }

    @Test
    void everyRedFlagRuleOfTheCurrentRulesIsCoveredByAVignetteThatEscalates() {
        Set<String> fired = new HashSet<>();
        vignettes().forEach(vignette -> fired.addAll(texts(vignette.expected().path("red_flags"))));
        AssessmentRules.load()
                .redFlags()
                .forEach(rule ->
                        assertThat(fired).as("a vignette shows " + rule.id()).contains(rule.id()));
    }

    @Test
    void everyVignetteWithADirectionExplainsItsClinicalReasoning() {
        vignettes().filter(vignette -> vignette.document().has("direction")).forEach(vignette -> {
            assertThat(vignette.document().path("reasoning").asText())
                    .as(vignette.file())
                    .hasSizeGreaterThan(40);
            assertThat(vignette.document().path("covers")).as(vignette.file()).isNotEmpty();
        });
    }

    private static List<String> covering(String key, String direction) {
        return vignettes()
                .filter(vignette ->
                        direction.equals(vignette.document().path("direction").asText()))
                .filter(vignette -> texts(vignette.document().path("covers")).contains(key))
                .map(VignetteFiles.Vignette::file)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void theAssessmentSaysWhatTheVignetteExpects(VignetteFiles.Vignette vignette) {
        JsonNode expected = vignette.expected();
        assertThat(vignette.document().path("description").asText()).isNotBlank();

        AssessmentResult result = ASSESSOR.assess(READER.read(vignette.intake().toString()));
        String scores = result.causes().stream()
                .map(c -> c.cause().key() + "=" + c.score())
                .collect(Collectors.joining(", "));

        assertThat(result.urgency().key())
                .as("urgency")
                .isEqualTo(expected.get("urgency").asText());
        switch (vignette.document().path("direction").asText("")) {
            case "escalate" -> assertThat(result.urgency()).as("escalates").isNotEqualTo(Urgency.SELF_CARE);
            case "calm" -> assertThat(result.urgency()).as("stays calm").isEqualTo(Urgency.SELF_CARE);
            default -> {}
        }
        assertThat(result.redFlags().stream().map(AssessmentResult.RedFlag::id).collect(Collectors.toSet()))
                .as("red flags")
                .isEqualTo(texts(expected.path("red_flags")));
        if (expected.has("top_causes")) {
            Set<String> top = texts(expected.get("top_causes"));
            assertThat(result.causes().stream()
                            .limit(top.size())
                            .map(c -> c.cause().key())
                            .collect(Collectors.toSet()))
                    .as("top causes of " + scores)
                    .isEqualTo(top);
            if (!expected.has("ties") && top.size() == 1 && result.causes().size() > 1) {
                assertThat(result.causes().get(0).score())
                        .as("a single leading cause leads alone in " + scores)
                        .isGreaterThan(result.causes().get(1).score());
            }
        }
        if (expected.has("not_top_cause")) {
            // "Not this cause": it is not active, and it does not lead with a score above 0.
            String cause = expected.get("not_top_cause").asText();
            AssessmentResult.CauseScore leading = result.causes().get(0);
            assertThat(leading.cause().key().equals(cause) && leading.score() > 0)
                    .as(cause + " leads in " + scores)
                    .isFalse();
            assertThat(result.activeCauses().stream().map(Cause::key)).doesNotContain(cause);
        }
        if (expected.has("ties")) {
            Set<Set<String>> ties = new HashSet<>();
            expected.get("ties").forEach(tie -> ties.add(texts(tie)));
            assertThat(result.ties().stream()
                            .map(tie -> tie.causes().stream().map(Cause::key).collect(Collectors.toSet()))
                            .collect(Collectors.toSet()))
                    .as("ties in " + scores)
                    .isEqualTo(ties);
            assertThat(result.ties())
                    .allSatisfy(tie -> assertThat(tie.tellApart()).isNotEmpty());
        }
        assertThat(result.activeCauses().stream().map(Cause::key).collect(Collectors.toSet()))
                .as("active causes of " + scores)
                .isEqualTo(texts(expected.path("active_causes")));
        assertThat(result.findings().stream().map(f -> f.id().key()).collect(Collectors.toSet()))
                .as("findings")
                .isEqualTo(texts(expected.path("findings")));
        assertThat(result.causes())
                .as("no score reaches the top of the scale")
                .allSatisfy(cause -> assertThat(cause.score()).isLessThan(100));
        assertThat(result.summary()).contains("not a diagnosis");
    }
}
