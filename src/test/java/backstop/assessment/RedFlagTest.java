package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every red-flag rule, proven to escalate on its own and when every other answer looks harmless. */
class RedFlagTest {
    private static final AssessmentRules RULES = AssessmentRules.load();
    private static final Assessor ASSESSOR = new Assessor(RULES);
    private static final IntakeReader READER = IntakeReader.load();

    /** The answers (red_flags.* = true unless a value is given) that should set off each rule. */
    private static final Map<String, List<String>> TRIGGERS = new LinkedHashMap<>();

    static {
        TRIGGERS.put("heart_exertional_chest_pain", List.of("chest_pain_with_exertion"));
        TRIGGERS.put("heart_breathlessness", List.of("breathlessness"));
        TRIGGERS.put("heart_sweating", List.of("sweating_with_pain"));
        TRIGGERS.put("heart_jaw_or_arm", List.of("pain_to_jaw_or_arm"));
        TRIGGERS.put("aorta_tearing_pain", List.of("sudden_tearing_pain"));
        TRIGGERS.put("cord_leg_weakness_or_numbness", List.of("leg_weakness_or_numbness"));
        TRIGGERS.put("cord_unsteady_walking", List.of("unsteady_walking"));
        TRIGGERS.put("cord_bowel_or_bladder", List.of("bowel_or_bladder_change"));
        TRIGGERS.put("infection_fever", List.of("fever_or_chills"));
        TRIGGERS.put("infection_recent", List.of("recent_infection"));
        TRIGGERS.put("infection_injected_drugs", List.of("injected_drug_use"));
        TRIGGERS.put("infection_weak_immunity", List.of("weakened_immune_system"));
        TRIGGERS.put("malignancy_history", List.of("cancer_history"));
        TRIGGERS.put("malignancy_weight_loss", List.of("unexplained_weight_loss"));
        TRIGGERS.put("fracture_significant_trauma", List.of("significant_trauma"));
        TRIGGERS.put(
                "fracture_minor_trauma_fragile_bones", List.of("minor_trauma", "osteoporosis_or_long_term_steroids"));
        TRIGGERS.put("non_mechanical_constant_pain", List.of("constant_pain_not_eased"));
        TRIGGERS.put("non_mechanical_night_pain", List.of("night_pain_waking"));
        TRIGGERS.put("onset_age_with_other_flag", List.of("night_pain_waking", "onset_age=17"));
    }

    private static ObjectNode trigger(ObjectNode document, String id) {
        for (String answer : TRIGGERS.get(id)) {
            String[] parts = answer.split("=");
            TestIntakes.with(document, "red_flags." + parts[0], parts.length == 2 ? parts[1] : "true");
        }
        return document;
    }

    /** Answers that on their own would point firmly to ordinary, self-care back pain. */
    private static ObjectNode reassuring() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "pain.now", "1");
        TestIntakes.with(document, "pain.worst_week", "2");
        TestIntakes.with(document, "factors.sitting", "\"worse\"");
        TestIntakes.with(document, "factors.standing_moving", "\"better\"");
        TestIntakes.with(document, "desk.hours", "8");
        TestIntakes.with(document, "desk.longest_sitting_minutes", "120");
        TestIntakes.with(document, "qualities", "[\"dull_ache\", \"stiffness\"]");
        TestIntakes.with(document, "pain.episodes_last_year", "4");
        return document;
    }

    private static AssessmentResult assess(ObjectNode document) {
        return ASSESSOR.assess(READER.read(document.toString()));
    }

    static Stream<Arguments> everyRule() {
        return RULES.redFlags().stream().map(rule -> Arguments.of(rule.id(), rule.urgency()));
    }

    @Test
    void everyRuleInTheRulesFileHasATriggerHere() {
        assertThat(TRIGGERS.keySet())
                .containsExactlyInAnyOrderElementsOf(RULES.redFlags().stream()
                        .map(AssessmentRules.RedFlagRule::id)
                        .toList());
    }

    @Test
    void noFlagMeansSelfCare() {
        AssessmentResult result = assess(TestIntakes.benign());

        assertThat(result.urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(result.redFlags()).isEmpty();
    }

    @ParameterizedTest(name = "{0} escalates to {1}")
    @MethodSource("everyRule")
    void eachRedFlagEscalatesOnItsOwn(String id, Urgency urgency) {
        AssessmentResult result = assess(trigger(TestIntakes.benign(), id));

        assertThat(result.urgency()).isEqualTo(urgency);
        assertThat(result.redFlags()).extracting(AssessmentResult.RedFlag::id).contains(id);
    }

    @ParameterizedTest(name = "{0} escalates even when everything else looks benign")
    @MethodSource("everyRule")
    void redFlagEscalatesEvenWhenEverythingElseLooksBenign(String id, Urgency urgency) {
        AssessmentResult calm = assess(reassuring());
        AssessmentResult flagged = assess(trigger(reassuring(), id));

        assertThat(calm.urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(calm.activeCauses()).contains(Cause.POSTURAL_STRAIN);
        assertThat(flagged.urgency()).isEqualTo(urgency);
        assertThat(flagged.urgencyAdvice()).isEqualTo(RULES.advice(urgency));
    }

    @ParameterizedTest(name = "{0} shows only the emergency")
    @MethodSource("everyRule")
    void anEmergencyShowsNothingButTheEmergency(String id, Urgency urgency) {
        AssessmentResult result = assess(trigger(reassuring(), id));
        if (urgency == Urgency.EMERGENCY) {
            assertThat(result.causes()).isEmpty();
            assertThat(result.activeCauses()).isEmpty();
            assertThat(result.findings()).isEmpty();
            assertThat(result.redFlags())
                    .allSatisfy(flag -> assertThat(flag.urgency()).isEqualTo(Urgency.EMERGENCY));
        } else {
            assertThat(result.causes()).hasSize(Cause.values().length);
        }
    }

    @Test
    void minorTraumaAloneIsNotAFlagWithoutFragileBones() {
        assertThat(assess(TestIntakes.with(TestIntakes.benign(), "red_flags.minor_trauma", "true"))
                        .urgency())
                .isEqualTo(Urgency.SELF_CARE);
        assertThat(assess(TestIntakes.with(
                                TestIntakes.benign(), "red_flags.osteoporosis_or_long_term_steroids", "true"))
                        .urgency())
                .isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void onsetAgeAloneDoesNotEscalate() {
        ObjectNode young = TestIntakes.with(TestIntakes.benign(), "red_flags.onset_age", "17");
        ObjectNode older =
                TestIntakes.with(TestIntakes.with(TestIntakes.benign(), "age", "70"), "red_flags.onset_age", "65");

        assertThat(assess(young).urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(assess(older).urgency()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void onsetAgeRaisesASoonFlagToUrgent() {
        ObjectNode nightPain = TestIntakes.with(TestIntakes.benign(), "red_flags.night_pain_waking", "true");
        assertThat(assess(nightPain).urgency()).isEqualTo(Urgency.SOON);

        ObjectNode youngAtOnset = TestIntakes.with(nightPain.deepCopy(), "red_flags.onset_age", "16");
        assertThat(assess(youngAtOnset).urgency()).isEqualTo(Urgency.URGENT);

        ObjectNode olderAtOnset =
                TestIntakes.with(TestIntakes.with(nightPain.deepCopy(), "age", "61"), "red_flags.onset_age", "58");
        assertThat(assess(olderAtOnset).urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void onsetAtTheBoundaryAgesDoesNotEscalate() {
        ObjectNode at20 = TestIntakes.with(
                TestIntakes.with(TestIntakes.benign(), "red_flags.night_pain_waking", "true"),
                "red_flags.onset_age",
                "20");
        ObjectNode at50 = TestIntakes.with(
                TestIntakes.with(
                        TestIntakes.with(TestIntakes.benign(), "age", "52"), "red_flags.night_pain_waking", "true"),
                "red_flags.onset_age",
                "50");

        assertThat(assess(at20).urgency()).isEqualTo(Urgency.SOON);
        assertThat(assess(at50).urgency()).isEqualTo(Urgency.SOON);
    }

    @Test
    void theMostUrgentFlagDecidesAndAllAreListed() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "red_flags.night_pain_waking", "true");
        TestIntakes.with(document, "red_flags.fever_or_chills", "true");

        AssessmentResult result = assess(document);

        assertThat(result.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(result.redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("infection_fever", "non_mechanical_night_pain");
        assertThat(result.summary()).contains("see a doctor first");
    }
}
