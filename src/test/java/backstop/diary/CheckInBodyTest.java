package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.RecordSchema;
import backstop.web.JsonBodies;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The check-in body of the API: bound strictly, then the same checks as the form. */
class CheckInBodyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static CheckIn read(String json) {
        return DiaryFields.fromBody(DAY, JsonBodies.parse(json, CheckInBody.class));
    }

    private static List<FieldError> refused(String json) {
        return catchThrowableOfType(BadInputException.class, () -> read(json)).errors();
    }

    @Test
    void aGoodBodyIsTheDayAndNullMeansNotRecorded() {
        CheckIn checkIn =
                read("{\"pain_am\": 3, \"desk_hours\": 7.5, \"stress\": null, \"locations\": [\"one_side\"]}");

        assertThat(checkIn.day().painAm()).isEqualTo(OptionalInt.of(3));
        assertThat(checkIn.day().deskHours().getAsDouble()).isEqualTo(7.5);
        assertThat(checkIn.day().stress()).isEmpty();
        assertThat(checkIn.details().locations()).containsExactly("one_side");
        assertThat(read("{}").day().painAm()).isEmpty();
    }

    @Test
    void unknownFieldsAndWrongTypesAreAllNamedAtOnce() {
        assertThat(refused("{\"pain_am\": \"3\", \"desk_hours\": true, \"mood\": 2, \"locations\": \"one_side\"}"))
                .containsExactlyInAnyOrder(
                        new FieldError("pain_am", "must be a whole number"),
                        new FieldError("desk_hours", "must be a number"),
                        new FieldError("mood", "is not a known field"),
                        new FieldError("locations", "must be a list of text"));
        assertThat(refused("{\"breaks\": 2.5}")).containsExactly(new FieldError("breaks", "must be a whole number"));
    }

    @Test
    void aWrongValueIsNamedBesideTheShapeProblems() {
        assertThat(refused("{\"sleep_position\": \"couch\", \"locations\": [\"one_side\", \"knee\"], \"x\": 1}"))
                .containsExactlyInAnyOrder(
                        new FieldError("sleep_position", "must be one of back, side, stomach, mixed"),
                        new FieldError(
                                "locations", "'knee' is not one of " + String.join(", ", CheckInDetails.LOCATIONS)),
                        new FieldError("x", "is not a known field"));
    }

    @Test
    void valuesOutOfRangeAreNamedAsTheFormNamesThem() {
        assertThat(refused("{\"pain_am\": 11, \"arm_load\": 5}"))
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("pain_am", "arm_load");
    }

    @Test
    void theDocumentedWordsAreTheOnesTheDiaryKnows() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>)
                RecordSchema.of(CheckInBody.class).get("properties");

        assertThat(properties.get("locations").get("items"))
                .isEqualTo(Map.of("type", "string", "enum", CheckInDetails.LOCATIONS));
        assertThat(properties.get("pain_kinds").get("items"))
                .isEqualTo(Map.of("type", "string", "enum", CheckInDetails.PAIN_KINDS));
        assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(DiaryFields.KNOWN);
    }
}
