package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeReaderTest {
    private final IntakeReader reader = IntakeReader.load();

    private List<FieldError> errorsFor(String json) {
        return catchThrowableOfType(BadInputException.class, () -> reader.read(json))
                .errors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteDocumentBecomesAnIntake() {
        Intake intake = reader.read(TestIntakes.benign().toString());

        assertThat(intake.pain().now()).isEqualTo(2);
        assertThat(intake.locations()).containsExactly(Intake.Location.BETWEEN_SHOULDER_BLADES);
        assertThat(intake.sleep().position()).isEqualTo(Intake.SleepPosition.BACK);
        assertThat(intake.knots().pressingReproducesPain()).isFalse();
    }

    @Test
    void eachShippedSchemaIsReadOnceAndShared() {
        // The reader, the rules and the questionnaire all ask for the schemas at start-up; one read serves them all.
        assertThat(IntakeSchema.version(2)).isSameAs(IntakeSchema.version(2)).isSameAs(IntakeSchema.load());
        assertThat(IntakeSchema.version(1)).isSameAs(IntakeSchema.version(1));
    }

    @Test
    void theSchemaIdNamesItsVersion() {
        assertThat(reader.schemaId()).endsWith("intake-v2.schema.json");
        assertThat(reader.versions()).containsExactly(1, 2);
    }

    @Test
    void aVersion1DocumentIsStillAcceptedWithItsNewerQuestionsUnasked() {
        Intake intake = reader.read(TestIntakes.benignV1().toString());

        assertThat(intake.version()).isEqualTo(1);
        assertThat(intake.redFlags().saddleNumbness()).isEmpty();
        assertThat(intake.redFlags().exertionalUpperBackPain()).isEmpty();
        assertThat(intake.factors().rest()).isEmpty();
        assertThat(intake.load().heaviestLoad()).isEmpty();
        // Unasked answers stay absent when the intake is written out again: never a "no".
        assertThat(Json.mapper().valueToTree(intake).path("red_flags").has("saddle_numbness"))
                .isFalse();
    }

    @Test
    void aVersion2DocumentCarriesTheNewAnswers() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "red_flags.saddle_numbness", "true");
        TestIntakes.with(document, "factors.rest", "\"better\"");
        TestIntakes.with(document, "load.heaviest_load", "\"heavy\"");

        Intake intake = reader.read(document.toString());

        assertThat(intake.version()).isEqualTo(2);
        assertThat(intake.redFlags().saddleNumbness()).contains(true);
        assertThat(intake.factors().rest()).contains(Intake.Effect.BETTER);
        assertThat(intake.load().heaviestLoad()).contains(Intake.HeaviestLoad.HEAVY);
    }

    @Test
    void anExplicitVersion1MarkerIsAccepted() {
        ObjectNode document = TestIntakes.benignV1();
        document.put("intake_version", 1);

        assertThat(reader.read(document.toString()).version()).isEqualTo(1);
    }

    @Test
    void anUnknownVersionIsNamed() {
        ObjectNode document = TestIntakes.benign();
        document.put("intake_version", 3);

        assertThat(errorsFor(document.toString())).extracting(FieldError::field).containsExactly("intake_version");
    }

    @Test
    void aVersion2DocumentMustAnswerEveryNewRedFlagQuestion() {
        ObjectNode document = TestIntakes.benign();
        ((ObjectNode) document.get("red_flags")).remove("saddle_numbness");
        ((ObjectNode) document.get("red_flags")).remove("clot_risks");

        assertThat(errorsFor(document.toString()))
                .containsExactly(
                        new FieldError("red_flags.clot_risks", "is missing; please answer this question."),
                        new FieldError("red_flags.saddle_numbness", "is missing; please answer this question."));
    }

    @Test
    void aNewerFieldInAVersion1DocumentSaysWhichVersionItNeeds() {
        ObjectNode document = TestIntakes.benignV1();
        TestIntakes.with(document, "red_flags.saddle_numbness", "true");

        assertThat(errorsFor(document.toString())).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("red_flags.saddle_numbness");
            assertThat(error.message()).contains("intake version 1", "\"intake_version\": 2");
        });
    }

    @Test
    void theOverlappingDurationBandOfVersion1IsNotAChoiceInVersion2() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "pain.episode_length", "\"1_to_6_weeks\"");

        assertThat(errorsFor(document.toString())).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("pain.episode_length");
            assertThat(error.message()).contains("1_to_5_weeks");
        });
    }

    @Test
    void selfCareThatWasTriedNeedsWhatHowLongAndHowItWent() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "red_flags.self_care_tried", "true");

        assertThat(fields(errorsFor(document.toString())))
                .containsExactlyInAnyOrder(
                        "red_flags.self_care_kinds", "red_flags.self_care_weeks", "red_flags.self_care_change");
    }

    @Test
    void selfCareFollowUpsAfterNoAreIgnored() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "red_flags.self_care_weeks", "12");

        assertThat(reader.read(document.toString()).redFlags().selfCareWeeks()).isEmpty();
    }

    @Test
    void dontKnowIsAnAnswerInVersion2ButNotInVersion1() {
        ObjectNode current = TestIntakes.benign();
        TestIntakes.with(current, "factors.twisting", "\"dont_know\"");
        ObjectNode older = TestIntakes.benignV1();
        TestIntakes.with(older, "factors.twisting", "\"dont_know\"");

        assertThat(reader.read(current.toString()).factors().twisting()).isEqualTo(Intake.Effect.DONT_KNOW);
        assertThat(fields(errorsFor(older.toString()))).containsExactly("factors.twisting");
    }

    @Test
    void malformedJsonIsReportedOnTheBody() {
        assertThat(errorsFor("{\"pain\": ")).extracting(FieldError::field).containsExactly("body");
        assertThat(errorsFor("")).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanGuessed() {
        String twice = TestIntakes.benign().toString().replaceFirst("\\{", "{\"age\": 50, ");

        assertThat(errorsFor(twice)).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void aWholeNumberWrittenWithAPointIsStillAWholeNumber() {
        // JSON Schema counts 40.0 as an integer, so documents stored with it must keep reading.
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "age", "40.0");

        assertThat(reader.read(document.toString()).age()).isEqualTo(40);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertThat(errorsFor("[1, 2]")).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "pain.now", "11");
        TestIntakes.with(document, "sleep.position", "\"hammock\"");
        TestIntakes.with(document, "desk.hours", "\"lots\"");
        ((ObjectNode) document.get("red_flags")).remove("fever_or_chills");

        List<FieldError> errors = errorsFor(document.toString());

        assertThat(fields(errors))
                .containsExactlyInAnyOrder("pain.now", "sleep.position", "desk.hours", "red_flags.fever_or_chills");
        assertThat(errors)
                .allSatisfy(error -> assertThat(error.message()).isNotBlank().doesNotContain("$"));
    }

    @Test
    void outOfRangeSaysTheRange() {
        List<FieldError> errors = errorsFor(
                TestIntakes.with(TestIntakes.benign(), "pain.worst_week", "-1").toString());

        assertThat(errors).containsExactly(new FieldError("pain.worst_week", "should be between 0 and 10."));
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        List<FieldError> errors =
                errorsFor(TestIntakes.with(TestIntakes.benign(), "stress.pain_follows_stress", "\"yes\"")
                        .toString());

        assertThat(errors).containsExactly(new FieldError("stress.pain_follows_stress", "should be true or false."));
    }

    @Test
    void aFractionIsNotAWholeNumber() {
        assertThat(fields(errorsFor(
                        TestIntakes.with(TestIntakes.benign(), "age", "40.5").toString())))
                .containsExactly("age");
    }

    @Test
    void unknownFieldsAreRefusedAtAnyLevel() {
        ObjectNode document = TestIntakes.benign();
        document.put("favourite_colour", "blue");
        ((ObjectNode) document.get("pain")).put("yesterday", 4);

        assertThat(errorsFor(document.toString()))
                .contains(
                        new FieldError("favourite_colour", "is not a field of the intake."),
                        new FieldError("pain.yesterday", "is not a field of the intake."));
    }

    @Test
    void theRedFlagSectionIsRequired() {
        ObjectNode document = TestIntakes.benign();
        document.remove("red_flags");

        assertThat(errorsFor(document.toString()))
                .containsExactly(new FieldError("red_flags", "is missing; please answer this question."));
    }

    @Test
    void aChoiceOutsideTheListNamesTheChoices() {
        List<FieldError> errors = errorsFor(TestIntakes.with(TestIntakes.benign(), "locations", "[\"knee\"]")
                .toString());

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("locations");
            assertThat(error.message()).contains("'knee'", "between_shoulder_blades");
        });
    }

    @Test
    void anEmptyBodyMapIsRefused() {
        assertThat(errorsFor(TestIntakes.with(TestIntakes.benign(), "locations", "[]")
                        .toString()))
                .containsExactly(new FieldError("locations", "needs at least one answer."));
    }

    @Test
    void theSameChoiceTwiceIsRefused() {
        assertThat(fields(
                        errorsFor(TestIntakes.with(TestIntakes.benign(), "qualities", "[\"dull_ache\", \"dull_ache\"]")
                                .toString())))
                .containsExactly("qualities");
    }

    @Test
    void stiffnessMinutesAreNeededOnlyWhenStiff() {
        ObjectNode stiff = TestIntakes.with(TestIntakes.benign(), "sleep.morning_stiffness", "true");
        assertThat(errorsFor(stiff.toString()))
                .containsExactly(
                        new FieldError("sleep.morning_stiffness_minutes", "is missing; please answer this question."));

        TestIntakes.with(stiff, "sleep.morning_stiffness_minutes", "20");
        assertThat(reader.read(stiff.toString()).sleep().morningStiffnessMinutes())
                .isEqualTo(20);
    }

    @Test
    void pressingAKnotIsAskedOnlyWhenThereAreKnots() {
        ObjectNode knots = TestIntakes.with(TestIntakes.benign(), "knots.tender_knots", "true");
        assertThat(fields(errorsFor(knots.toString()))).containsExactly("knots.pressing_reproduces_pain");
    }

    @Test
    void answersThatContradictEachOtherAreAllNamed() {
        ObjectNode document = TestIntakes.benign();
        TestIntakes.with(document, "red_flags.onset_age", "60");
        TestIntakes.with(document, "pain.now", "8");

        assertThat(fields(errorsFor(document.toString())))
                .containsExactlyInAnyOrder("red_flags.onset_age", "pain.worst_week");
    }

    @Test
    void anIntakeWrittenBackAsJsonReadsTheSame() {
        Intake intake = reader.read(TestIntakes.benign().toString());

        assertThat(reader.read(Json.pretty(intake))).isEqualTo(intake);
    }
}
