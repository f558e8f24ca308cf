package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
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
    void theSchemaIdNamesItsVersion() {
        assertThat(reader.schemaId()).endsWith("intake-v1.schema.json");
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

        assertThat(reader.read(AssessmentJson.write(intake))).isEqualTo(intake);
    }
}
