package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {
    private static final IntakeSchema SCHEMA = IntakeSchema.load();
    private final Questionnaire questionnaire = Questionnaire.load();
    private final IntakeForm form = new IntakeForm(questionnaire);
    private final Assessor assessor = new Assessor(AssessmentRules.load());

    private static ObjectNode shipped() {
        return (ObjectNode) Json.resource(Questionnaire.RESOURCE);
    }

    private static ObjectNode questionNode(ObjectNode document, String field) {
        for (var topic : document.get("topics")) {
            for (var question : topic.get("questions")) {
                if (question.get("field").asText().equals(field)) {
                    return (ObjectNode) question;
                }
            }
        }
        throw new AssertionError("no question for " + field);
    }

    @Test
    void theRedFlagScreenComesFirstAndCoversEveryRedFlagQuestion() {
        List<Questionnaire.Topic> screen = questionnaire.redFlagTopics();

        assertThat(questionnaire.topics().subList(0, screen.size())).isEqualTo(screen);
        assertThat(screen).hasSizeBetween(2, 5);
        // Age is asked on the first screen too: the effort and shingles flags depend on it.
        assertThat(screen.stream().flatMap(topic -> topic.questions().stream()).map(Questionnaire.Question::field))
                .containsExactlyInAnyOrderElementsOf(SCHEMA.fields().stream()
                        .map(IntakeSchema.Field::path)
                        .filter(path -> path.startsWith("red_flags.") || path.equals("age"))
                        .toList());
        assertThat(screen.get(0).questions())
                .extracting(Questionnaire.Question::field)
                .contains("red_flags.exertional_upper_back_pain", "age", "red_flags.heart_risks");
    }

    @Test
    void theTopicsFollowTheOrderOfTheIssue() {
        assertThat(questionnaire.topics())
                .extracting(Questionnaire.Topic::id)
                .endsWith(
                        "safety_self_care",
                        "pain",
                        "location",
                        "qualities",
                        "factors",
                        "timing",
                        "relief",
                        "desk",
                        "workstation",
                        "load",
                        "stress",
                        "sleep",
                        "knots");
    }

    @Test
    void everyIntakeFieldIsAskedExactlyOnce() {
        assertThat(questionnaire.questions())
                .extracting(Questionnaire.Question::field)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        SCHEMA.fields().stream().map(IntakeSchema.Field::path).toList());
    }

    @Test
    void noQuestionCallsAnythingADiagnosis() {
        assertThat(questionnaire.questions()).allSatisfy(question -> {
            assertThat(question.label()).doesNotContainIgnoringCase("diagnos");
            assertThat(question.help()).doesNotContainIgnoringCase("diagnos");
        });
    }

    @Test
    void followUpQuestionsNameTheQuestionTheyDependOn() {
        assertThat(questionnaire
                        .question("knots.pressing_reproduces_pain")
                        .orElseThrow()
                        .onlyIfYes())
                .contains("knots.tender_knots");
        assertThat(questionnaire
                        .question("sleep.morning_stiffness_minutes")
                        .orElseThrow()
                        .onlyIfYes())
                .contains("sleep.morning_stiffness");
    }

    @Test
    void aQuestionWhoseChoicesDifferFromTheSchemaStopsTheLoad() {
        ObjectNode document = shipped();
        ((ArrayNode) questionNode(document, "sleep.position").get("options")).remove(3);

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("question sleep.position: options");
    }

    @Test
    void aMisspelledFieldIsNamedWithItsPathAndLineInsteadOfBeingIgnored() {
        ObjectNode document = shipped();
        ObjectNode question = questionNode(document, "pain.now");
        question.set("hlep", question.remove("help"));

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(".hlep")
                .hasMessageContaining(".help")
                .hasMessageContaining("(line ");
    }

    @Test
    void aValueOfTheWrongTypeStopsTheLoad() {
        ObjectNode document = shipped();
        questionNode(document, "pain.now").put("max", "ten");

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .hasMessageContaining(".max")
                .hasMessageContaining("(line ");
    }

    @Test
    void anUnknownKindIsNamedWithTheKindsThereAre() {
        ObjectNode document = shipped();
        questionNode(document, "pain.now").put("kind", "slider");

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .hasMessageContaining(
                        "question pain.now: kind 'slider' is not one of scale, number, single, multiple, yes_no");
    }

    @Test
    void aMissingQuestionStopsTheLoad() {
        ObjectNode document = shipped();
        ((ArrayNode) document.get("topics")).remove(document.get("topics").size() - 1);

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .hasMessageContaining("intake field knots.tender_knots is never asked");
    }

    @Test
    void theFormIsWrittenInTheCurrentIntakeVersion() {
        assertThat(questionnaire.intakeVersion()).isEqualTo(2);
        assertThat(TestIntakes.parse(form.toJson(Map.of()))
                        .path("intake_version")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void theVersion1QuestionnaireStillLoadsAgainstItsOwnSchema() {
        Questionnaire first = Questionnaire.version(1);

        assertThat(first.intakeVersion()).isEqualTo(1);
        assertThat(TestIntakes.parse(new IntakeForm(first).toJson(Map.of())).has("intake_version"))
                .isFalse();
    }

    @Test
    void everyDurationBandHoldsEachWholeWeekOnce() {
        // "1 to 6 weeks" and "6 to 12 weeks" both held six weeks in version 1.
        assertThat(questionnaire.question("pain.episode_length").orElseThrow().options())
                .extracting(Questionnaire.Option::label)
                .containsExactly("Less than a week", "1 to 5 weeks", "6 to 12 weeks", "More than 12 weeks");
    }

    @Test
    void everyWorseOrBetterQuestionOffersDontKnow() {
        assertThat(questionnaire.questions().stream()
                        .filter(question -> question.field().startsWith("factors.")))
                .isNotEmpty()
                .allSatisfy(question -> assertThat(question.options())
                        .extracting(Questionnaire.Option::value)
                        .containsExactly("worse", "better", "no_effect", "dont_know"));
    }

    @Test
    void anEffortAnswerWithAHeartRiskOnTheFirstScreenEndsTheIntake() {
        String firstScreen = form.toJson(Map.of(
                "red_flags.chest_pain_with_exertion", List.of("no"),
                "red_flags.exertional_upper_back_pain", List.of("yes"),
                "age", List.of("61")));

        AssessmentResult result = assessor.emergencySoFar(firstScreen).orElseThrow();

        assertThat(result.redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("heart_exertional_back_pain_with_risk");
    }

    @Test
    void effortPainWithoutARiskLetsTheIntakeGoOnToAnUrgentResult() {
        String firstScreen =
                form.toJson(Map.of("red_flags.exertional_upper_back_pain", List.of("yes"), "age", List.of("35")));

        assertThat(assessor.emergencySoFar(firstScreen)).isEmpty();
    }

    @Test
    void aRangeThatDiffersFromTheSchemaStopsTheLoad() {
        ObjectNode document = shipped();
        questionNode(document, "pain.now").put("max", 100);

        assertThatThrownBy(() -> Questionnaire.parse(Json.pretty(document), SCHEMA))
                .hasMessageContaining("question pain.now: range 0-100 differs");
    }

    @Test
    void anEmergencyAnswerOnTheFirstScreenEndsTheIntake() {
        String firstScreen = form.toJson(Map.of(
                "red_flags.chest_pain_with_exertion", List.of("yes"),
                "red_flags.breathlessness", List.of("no")));

        AssessmentResult result = assessor.emergencySoFar(firstScreen).orElseThrow();

        assertThat(result.urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(result.redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .containsExactly("heart_exertional_chest_pain");
        assertThat(result.causes()).isEmpty();
    }

    @Test
    void urgentButNotEmergencyAnswersLetTheIntakeGoOn() {
        String screen = form.toJson(
                Map.of("red_flags.fever_or_chills", List.of("yes"), "red_flags.cancer_history", List.of("yes")));

        assertThat(assessor.emergencySoFar(screen)).isEmpty();
    }

    @Test
    void noAnswersYetIsNoEmergency() {
        assertThat(assessor.emergencySoFar(form.toJson(Map.of()))).isEmpty();
    }
}
