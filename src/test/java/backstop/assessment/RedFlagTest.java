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

    /**
     * The answers that should set off each rule: intake paths with JSON values, on the current calm baseline, or on
     * the version 1 baseline for the rules about questions an older intake never asked.
     */
    record Trigger(boolean olderIntake, Map<String, String> answers) {}

    static final Map<String, Trigger> TRIGGERS = new LinkedHashMap<>();

    private static void trigger(String id, String... pathsAndValues) {
        put(id, false, pathsAndValues);
    }

    private static void triggerOnOlderIntake(String id, String... pathsAndValues) {
        put(id, true, pathsAndValues);
    }

    private static void put(String id, boolean older, String... pathsAndValues) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            answers.put(pathsAndValues[i], pathsAndValues[i + 1]);
        }
        TRIGGERS.put(id, new Trigger(older, answers));
    }

    static {
        trigger("heart_exertional_chest_pain", "red_flags.chest_pain_with_exertion", "true");
        trigger(
                "heart_exertional_back_pain_with_risk",
                "red_flags.exertional_upper_back_pain",
                "true",
                "red_flags.heart_risks",
                "[\"diabetes\"]");
        trigger("heart_exertional_back_pain", "red_flags.exertional_upper_back_pain", "true");
        triggerOnOlderIntake(
                "heart_effort_not_asked",
                "factors.standing_moving",
                "\"worse\"",
                "factors.lying_down",
                "\"better\"",
                "locations",
                "[\"between_shoulder_blades\"]",
                "age",
                "55");
        trigger("heart_breathlessness", "red_flags.breathlessness", "true");
        trigger(
                "lung_clot_breathless",
                "red_flags.breathlessness",
                "true",
                "red_flags.clot_risks",
                "[\"previous_clot\"]");
        trigger(
                "lung_clot_pleuritic",
                "factors.deep_breaths",
                "\"worse\"",
                "red_flags.clot_risks",
                "[\"oestrogen_medicine\"]");
        trigger("heart_sweating", "red_flags.sweating_with_pain", "true");
        trigger("heart_jaw_or_arm", "red_flags.pain_to_jaw_or_arm", "true");
        trigger("aorta_tearing_pain", "red_flags.sudden_tearing_pain", "true");
        trigger("cord_leg_weakness_or_numbness", "red_flags.leg_weakness_or_numbness", "true");
        trigger("cord_unsteady_walking", "red_flags.unsteady_walking", "true");
        trigger("cord_saddle_numbness", "red_flags.saddle_numbness", "true");
        trigger("cord_bowel_or_bladder", "red_flags.bowel_or_bladder_change", "true");
        trigger("gut_attacks_after_meals", "red_flags.attacks_after_meals", "true");
        trigger("gut_burning_with_meals", "red_flags.burning_with_meals", "true");
        trigger("shingles_rash", "red_flags.rash_where_it_hurts", "true");
        trigger("shingles_skin_at_risk", "red_flags.skin_sore_to_light_touch", "true", "age", "55");
        trigger("shingles_skin", "red_flags.skin_sore_to_light_touch", "true");
        triggerOnOlderIntake(
                "shingles_not_asked",
                "qualities",
                "[\"burning_tingling\"]",
                "locations",
                "[\"around_ribs\"]",
                "age",
                "60");
        trigger("infection_fever", "red_flags.fever_or_chills", "true");
        trigger("infection_recent", "red_flags.recent_infection", "true");
        trigger("infection_injected_drugs", "red_flags.injected_drug_use", "true");
        trigger("infection_weak_immunity", "red_flags.weakened_immune_system", "true");
        trigger("malignancy_history", "red_flags.cancer_history", "true");
        trigger("malignancy_weight_loss", "red_flags.unexplained_weight_loss", "true");
        trigger("fracture_significant_trauma", "red_flags.significant_trauma", "true");
        trigger(
                "fracture_minor_trauma_fragile_bones",
                "red_flags.minor_trauma",
                "true",
                "red_flags.osteoporosis_or_long_term_steroids",
                "true");
        trigger("fracture_fragile_bones", "red_flags.osteoporosis_or_long_term_steroids", "true");
        trigger("non_mechanical_constant_pain", "red_flags.constant_pain_not_eased", "true");
        trigger("non_mechanical_night_pain", "red_flags.night_pain_waking", "true");
        trigger(
                "no_better_after_self_care",
                "red_flags.self_care_tried",
                "true",
                "red_flags.self_care_kinds",
                "[\"exercises\"]",
                "red_flags.self_care_weeks",
                "6",
                "red_flags.self_care_change",
                "\"no_better\"");
        trigger(
                "inflammatory_pattern",
                "pain.episode_length",
                "\"over_12_weeks\"",
                "red_flags.onset_age",
                "25",
                "pain.onset",
                "\"gradual\"",
                "factors.exercise",
                "\"better\"",
                "factors.rest",
                "\"no_effect\"",
                "sleep.night_waking",
                "\"second_half_of_night\"");
        trigger("onset_age_with_other_flag", "red_flags.night_pain_waking", "true", "red_flags.onset_age", "17");
        trigger("onset_age_new_pain", "age", "57", "red_flags.onset_age", "57");
    }

    private static ObjectNode trigger(ObjectNode document, String id) {
        TRIGGERS.get(id).answers().forEach((path, value) -> TestIntakes.with(document, path, value));
        return document;
    }

    private static ObjectNode base(String id) {
        return TRIGGERS.get(id).olderIntake() ? TestIntakes.benignV1() : TestIntakes.benign();
    }

    /** Answers that on their own would point firmly to ordinary, self-care back pain. */
    private static ObjectNode reassuring(ObjectNode document) {
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
        AssessmentResult result = assess(trigger(base(id), id));

        assertThat(result.urgency()).isEqualTo(urgency);
        assertThat(result.redFlags()).extracting(AssessmentResult.RedFlag::id).contains(id);
    }

    @ParameterizedTest(name = "{0} escalates even when everything else looks benign")
    @MethodSource("everyRule")
    void redFlagEscalatesEvenWhenEverythingElseLooksBenign(String id, Urgency urgency) {
        AssessmentResult calm = assess(reassuring(base(id)));
        AssessmentResult flagged = assess(trigger(reassuring(base(id)), id));

        assertThat(calm.urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(calm.activeCauses()).contains(Cause.POSTURAL_STRAIN);
        assertThat(flagged.urgency()).isEqualTo(urgency);
        assertThat(flagged.urgencyAdvice()).isEqualTo(RULES.advice(urgency));
    }

    @ParameterizedTest(name = "{0} shows only the emergency")
    @MethodSource("everyRule")
    void anEmergencyShowsNothingButTheEmergency(String id, Urgency urgency) {
        AssessmentResult result = assess(trigger(reassuring(base(id)), id));
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
    void minorTraumaAloneIsNotAFlagWithoutFragileBonesOrOldAge() {
        assertThat(assess(TestIntakes.with(TestIntakes.benign(), "red_flags.minor_trauma", "true"))
                        .urgency())
                .isEqualTo(Urgency.SELF_CARE);
        ObjectNode at70 = TestIntakes.with(TestIntakes.benign(), "red_flags.minor_trauma", "true");
        TestIntakes.with(at70, "age", "70");
        assertThat(assess(at70).urgency()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void aSmallFallOrASuddenStartAfter70IsTreatedLikeFragileBones() {
        ObjectNode fall = TestIntakes.with(TestIntakes.benign(), "red_flags.minor_trauma", "true");
        TestIntakes.with(fall, "age", "74");
        ObjectNode sudden = TestIntakes.with(TestIntakes.benign(), "pain.onset", "\"suddenly_without_reason\"");
        TestIntakes.with(sudden, "age", "74");
        ObjectNode gradual = TestIntakes.with(TestIntakes.benign(), "age", "74");

        assertThat(assess(fall).redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("fracture_minor_trauma_fragile_bones");
        assertThat(assess(sudden).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(assess(gradual).urgency()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void fragileBonesAloneNeedADoctorSoonAndABendOrASuddenStartWithinADay() {
        ObjectNode alone =
                TestIntakes.with(TestIntakes.benign(), "red_flags.osteoporosis_or_long_term_steroids", "true");
        ObjectNode bend = TestIntakes.with(alone.deepCopy(), "pain.onset", "\"after_strain_or_injury\"");
        ObjectNode sudden = TestIntakes.with(alone.deepCopy(), "pain.onset", "\"suddenly_without_reason\"");

        assertThat(assess(alone).redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("fracture_fragile_bones");
        assertThat(assess(alone).urgency()).isEqualTo(Urgency.SOON);
        for (ObjectNode document : List.of(bend, sudden)) {
            assertThat(assess(document).redFlags())
                    .extracting(AssessmentResult.RedFlag::id)
                    .containsExactly("fracture_minor_trauma_fragile_bones");
        }
    }

    @Test
    void anOnsetAgeLongAgoDoesNotEscalateOnItsOwn() {
        ObjectNode young = TestIntakes.with(TestIntakes.benign(), "red_flags.onset_age", "17");
        ObjectNode older =
                TestIntakes.with(TestIntakes.with(TestIntakes.benign(), "age", "70"), "red_flags.onset_age", "65");

        assertThat(assess(young).urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(assess(older).urgency()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void newBackPainAfter50NeedsADoctorSoonWithinTwoYearsOfItsStart() {
        for (int yearsAgo = 0; yearsAgo <= 3; yearsAgo++) {
            ObjectNode document = TestIntakes.with(TestIntakes.benign(), "age", String.valueOf(56 + yearsAgo));
            TestIntakes.with(document, "red_flags.onset_age", "56");
            assertThat(assess(document).urgency())
                    .as("began " + yearsAgo + " years ago")
                    .isEqualTo(yearsAgo <= 2 ? Urgency.SOON : Urgency.SELF_CARE);
        }
    }

    @Test
    void newBackPainBefore20NeedsADoctorSoonOnceItHasLastedAWeek() {
        ObjectNode days = TestIntakes.with(TestIntakes.benign(), "age", "16");
        TestIntakes.with(days, "red_flags.onset_age", "16");
        ObjectNode weeks = TestIntakes.with(days.deepCopy(), "pain.episode_length", "\"1_to_5_weeks\"");
        ObjectNode strainAtGym = TestIntakes.with(weeks.deepCopy(), "red_flags.minor_trauma", "true");
        TestIntakes.with(strainAtGym, "pain.onset", "\"after_strain_or_injury\"");

        assertThat(assess(days).urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(assess(weeks).redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("onset_age_new_pain");
        // A small knock or lift is a fracture sign for fragile bones, not for a teenager's.
        assertThat(assess(strainAtGym).urgency()).isEqualTo(Urgency.SOON);
    }

    @Test
    void aSecondSignLiftsTheNewOnsetToUrgentAndReplacesIt() {
        ObjectNode document = TestIntakes.with(TestIntakes.benign(), "age", "57");
        TestIntakes.with(document, "red_flags.onset_age", "57");
        TestIntakes.with(document, "red_flags.minor_trauma", "true");

        assertThat(assess(document).redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("onset_age_with_other_flag");
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
