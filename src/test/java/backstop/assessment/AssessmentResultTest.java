package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.json.Json;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The result contract the API returns, the database stores, and the CLI prints. */
class AssessmentResultTest {
    private final Assessor assessor = new Assessor(AssessmentRules.load());
    private final IntakeReader reader = IntakeReader.load();

    private AssessmentResult assess(ObjectNode document) {
        return assessor.assess(reader.read(document.toString()));
    }

    private static ObjectNode deskWorker() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "desk.hours", "9");
        TestIntakes.with(document, "desk.longest_sitting_minutes", "150");
        TestIntakes.with(document, "workstation.setup", "\"laptop_only\"");
        TestIntakes.with(document, "factors.sitting", "\"worse\"");
        TestIntakes.with(document, "stress.level", "8");
        TestIntakes.with(document, "stress.pain_follows_stress", "true");
        TestIntakes.with(document, "factors.stress", "\"worse\"");
        TestIntakes.with(document, "qualities", "[\"tight_band\", \"burning_tingling\"]");
        return document;
    }

    @Test
    void theJsonHasTheContractedSnakeCaseFields() {
        JsonNode json = TestIntakes.parse(assess(deskWorker()).toJson());

        assertThat(json.fieldNames())
                .toIterable()
                .contains(
                        "urgency",
                        "urgency_advice",
                        "red_flags",
                        "causes",
                        "active_causes",
                        "active_threshold",
                        "summary",
                        "findings",
                        "rules_version",
                        "ties",
                        "not_asked",
                        "intake_version");
        assertThat(json.get("urgency").asText()).isEqualTo("self_care");
        assertThat(json.at("/causes/0").fieldNames())
                .toIterable()
                .containsExactly("cause", "label", "score", "evidence");
        assertThat(json.at("/causes/0/evidence/0").fieldNames()).toIterable().containsExactly("text", "points", "kind");
        assertThat(json.at("/findings/0/id").asText()).isEqualTo("nerve_irritation");
        assertThat(json.get("rules_version").asText()).isEqualTo("assessment-rules-2");
        assertThat(json.get("intake_version").asInt()).isEqualTo(2);
    }

    @Test
    void evidenceListsWhatRaisedAndWhatLoweredAScore() {
        AssessmentResult result = assess(TestIntakes.benign());
        AssessmentResult.CauseScore posture = result.causes().stream()
                .filter(cause -> cause.cause() == Cause.POSTURAL_STRAIN)
                .findFirst()
                .orElseThrow();

        assertThat(posture.evidence())
                .anySatisfy(evidence -> assertThat(evidence.points()).isPositive());
        assertThat(posture.evidence())
                .anySatisfy(evidence -> assertThat(evidence.points()).isNegative());
    }

    @Test
    void severalActiveCausesAreNamedTogetherAndNothingIsCalledADiagnosis() {
        AssessmentResult result = assess(deskWorker());

        assertThat(result.activeCauses()).containsExactlyInAnyOrder(Cause.POSTURAL_STRAIN, Cause.STRESS_TENSION);
        assertThat(result.summary())
                .contains("2 causes at once", "postural strain", "stress-related tension", "This is not a diagnosis");
    }

    @Test
    void aStoredResultFromALaterVersionWithExtraFieldsStillReads() {
        ObjectNode stored = (ObjectNode) TestIntakes.parse(assess(deskWorker()).toJson());
        stored.put("added_later", "ignored");

        assertThat(AssessmentResult.fromJson(stored.toString())).isEqualTo(assess(deskWorker()));
    }

    @Test
    void brokenStoredTextIsRefusedLoudly() {
        assertThatThrownBy(() -> AssessmentResult.fromJson("{\"urgency\": "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReassessmentShowsTheChangeCauseByCause() {
        AssessmentResult before = assess(deskWorker());
        ObjectNode better = deskWorker();
        TestIntakes.with(better, "desk.longest_sitting_minutes", "40");
        TestIntakes.with(better, "desk.breaks_per_day", "8");
        TestIntakes.with(better, "workstation.setup", "\"external_screen\"");
        AssessmentResult after = assess(better);

        AssessmentComparison comparison = AssessmentComparison.compare(before, after);

        AssessmentComparison.CauseChange posture = comparison.causes().stream()
                .filter(change -> change.cause() == Cause.POSTURAL_STRAIN)
                .findFirst()
                .orElseThrow();
        assertThat(posture.after()).isLessThan(posture.before());
        assertThat(posture.change()).isEqualTo(posture.after() - posture.before());
        assertThat(comparison.causes()).hasSize(Cause.values().length);
        assertThat(comparison.urgencyBefore()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void aComparisonWithAnEmergencyHasNoCauseChanges() {
        AssessmentResult emergency =
                assess(TestIntakes.with(TestIntakes.benign(), "red_flags.sudden_tearing_pain", "true"));

        AssessmentComparison comparison = AssessmentComparison.compare(emergency, assess(deskWorker()));

        assertThat(comparison.causes()).isEmpty();
        assertThat(comparison.urgencyBefore()).isEqualTo(Urgency.EMERGENCY);
        assertThat(comparison.urgencyAfter()).isEqualTo(Urgency.SELF_CARE);
    }

    @Test
    void theTextReportShowsSafetyCausesEvidenceAndFindings() {
        String text = AssessmentText.format(assess(deskWorker()));

        assertThat(text)
                .contains(
                        "no warning signs",
                        "Postural strain",
                        "active",
                        "+ You sit at a desk for 6 hours",
                        "Signs of an irritated nerve",
                        "This is not a diagnosis",
                        "version 2 of Backstop's assessment rules",
                        "assessment-rules-2");
    }

    @Test
    void aResultStoredUnderTheFirstRulesReadsBackAsItWasWithItsVersionInWords() {
        AssessmentResult stored =
                AssessmentResult.fromJson(Json.resource("/assessment/stored/rules-1-desk-worker.result.json")
                        .toString());

        assertThat(stored.rulesVersion()).isEqualTo("assessment-rules-1");
        assertThat(stored.rulesVersionInWords()).isEqualTo("version 1 of Backstop's assessment rules");
        assertThat(stored.madeWithEarlierRules()).isTrue();
        assertThat(stored.ties()).isEmpty();
        assertThat(stored.notAsked()).isEmpty();
        assertThat(stored.intakeVersion()).isEqualTo(1);
        assertThat(stored.causes().get(0).score()).isEqualTo(100);
        assertThat(stored.causes().get(0).evidence())
                .allSatisfy(evidence -> assertThat(evidence.kind()).isEmpty());
        assertThat(AssessmentText.format(stored)).contains("version 1 of Backstop's assessment rules");
    }

    @Test
    void aVersion1IntakeSaysWhichWarningSignsItNeverAsked() {
        AssessmentResult result = assess(TestIntakes.benignV1());

        assertThat(result.intakeVersion()).isEqualTo(1);
        assertThat(result.notAsked())
                .extracting(AssessmentResult.NotAsked::field)
                .contains("red_flags.saddle_numbness", "red_flags.exertional_upper_back_pain");
        assertThat(result.summary()).contains("earlier questionnaire", "take the assessment again");
        assertThat(AssessmentText.format(result)).contains("Not asked", "numbness around the genitals");
        assertThat(assess(TestIntakes.benign()).notAsked()).isEmpty();
    }

    @Test
    void causesThatScoreTheSameAreReportedAsATieWithWhatWouldTellThemApart() {
        ObjectNode document = deskWorker();
        TestIntakes.with(document, "factors.stress", "\"no_effect\"");
        AssessmentResult result = assess(document);

        assertThat(result.causes().get(0).score())
                .isEqualTo(result.causes().get(1).score());
        assertThat(result.leadingTie()).hasValueSatisfying(tie -> {
            assertThat(tie.causes()).containsExactlyInAnyOrder(Cause.POSTURAL_STRAIN, Cause.STRESS_TENSION);
            assertThat(tie.tellApart()).singleElement().asString().contains("tense days");
        });
        assertThat(result.summary()).contains("point equally to", "does not rank one above the other", "tense days");
        assertThat(AssessmentText.format(result)).contains("A tie at", "tied");
    }

    @Test
    void theTextReportForAnEmergencyShowsOnlyTheEmergency() {
        String text = AssessmentText.format(
                assess(TestIntakes.with(deskWorker(), "red_flags.chest_pain_with_exertion", "true")));

        assertThat(text)
                .contains("EMERGENCY", "call emergency services")
                .doesNotContain("Postural strain", "Likely causes");
    }
}
