package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class IntakeFormTest {
    private final IntakeForm form = new IntakeForm(Questionnaire.load());
    private final IntakeReader reader = IntakeReader.load();

    /** What a browser posts for the benign intake: text values, yes/no, one entry per ticked box. */
    static Map<String, List<String>> benignForm() {
        Map<String, List<String>> fields = new HashMap<>();
        JsonNode benign = TestIntakes.benign();
        flatten("", benign, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> fields) {
        node.properties().forEach(entry -> {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            if (path.equals(IntakeSchema.VERSION_FIELD)) {
                return; // the form writes the version itself
            }
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(path, value, fields);
            } else if (value.isArray()) {
                fields.put(
                        path,
                        StreamSupport.stream(value.spliterator(), false)
                                .map(JsonNode::asText)
                                .toList());
            } else if (value.isBoolean()) {
                fields.put(path, List.of(value.asBoolean() ? "yes" : "no"));
            } else {
                fields.put(path, List.of(value.asText()));
            }
        });
    }

    @Test
    void aCompleteFormReadsAsTheSameIntakeAsTheJson() {
        Intake fromForm = reader.read(form.toJson(benignForm()));

        assertThat(fromForm).isEqualTo(reader.read(TestIntakes.benign().toString()));
    }

    @Test
    void numbersAndYesNoBecomeJsonTypes() {
        JsonNode json = TestIntakes.parse(
                form.toJson(Map.of("pain.now", List.of(" 4 "), "stress.pain_follows_stress", List.of("yes"))));

        assertThat(json.at("/pain/now").isInt()).isTrue();
        assertThat(json.at("/stress/pain_follows_stress").booleanValue()).isTrue();
    }

    @Test
    void untickedCheckboxGroupsBecomeEmptyLists() {
        Map<String, List<String>> fields = benignForm();
        fields.remove("load.sport");

        assertThat(reader.read(form.toJson(fields)).load().sport()).isEmpty();
    }

    @Test
    void blankAnswersAreReportedAsMissingByField() {
        Map<String, List<String>> fields = benignForm();
        fields.put("pain.now", List.of(""));
        fields.remove("sleep.position");

        List<FieldError> errors = catchThrowableOfType(BadInputException.class, () -> reader.read(form.toJson(fields)))
                .errors();

        assertThat(errors)
                .containsExactlyInAnyOrder(
                        new FieldError("pain.now", "is missing; please answer this question."),
                        new FieldError("sleep.position", "is missing; please answer this question."));
    }

    @Test
    void textInANumberFieldIsNamedByTheSchema() {
        Map<String, List<String>> fields = benignForm();
        fields.put("desk.hours", List.of("eight"));

        assertThat(catchThrowableOfType(BadInputException.class, () -> reader.read(form.toJson(fields)))
                        .errors())
                .containsExactly(new FieldError("desk.hours", "should be a whole number."));
    }

    @Test
    void anUnknownFormFieldIsRefusedByName() {
        Map<String, List<String>> fields = benignForm();
        fields.put("pain.yesterday", List.of("3"));

        assertThat(catchThrowableOfType(BadInputException.class, () -> reader.read(form.toJson(fields)))
                        .errors())
                .containsExactly(new FieldError("pain.yesterday", "is not a field of the intake."));
    }

    @Test
    void twoValuesForAOneAnswerQuestionAreRefused() {
        Map<String, List<String>> fields = benignForm();
        fields.put("sleep.position", List.of("back", "side"));

        assertThat(catchThrowableOfType(BadInputException.class, () -> reader.read(form.toJson(fields)))
                        .errors())
                .extracting(FieldError::field)
                .containsExactly("sleep.position");
    }

    @Test
    void aFollowUpLeftBlankAfterNoIsFine() {
        Map<String, List<String>> fields = benignForm();
        fields.put("knots.tender_knots", List.of("no"));
        fields.put("knots.pressing_reproduces_pain", List.of(""));

        assertThat(reader.read(form.toJson(fields)).knots().pressingReproducesPain())
                .isFalse();
    }
}
