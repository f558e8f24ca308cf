package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.web.JsonBodies;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The desk event body of the API: bound strictly into {@link EventBody}, then made into a {@link DeskEvent}. */
class EventBodyTest {
    private static DeskEvent read(String json) {
        return JsonBodies.parse(json, EventBody.class).event();
    }

    private static List<String> fields(String json) {
        return catchThrowableOfType(BadInputException.class, () -> read(json)).errors().stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void aGoodBodyIsTheEventWithItsOffsetKept() {
        DeskEvent event = read("{\"id\": \"e1\", \"type\": \"break_taken\", \"at\": \"2026-03-02T10:00:00+01:00\","
                + " \"kind\": \"rest\", \"seconds\": 240}");

        assertThat(event.at()).isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:00+01:00"));
        assertThat(event.kind()).isEqualTo(Optional.of(BreakKind.REST));
        assertThat(event.seconds()).hasValue(240);
    }

    @Test
    void unknownMissingAndMistypedFieldsAreNamedAtOnce() {
        assertThat(fields("{\"type\": \"coffee\", \"at\": 9, \"seconds\": \"long\", \"mood\": 3}"))
                .containsExactlyInAnyOrder("id", "type", "at", "seconds", "mood");
    }

    @Test
    void aTimeWithoutItsOffsetIsNamedBesideTheOtherWrongFields() {
        var refused = catchThrowableOfType(
                BadInputException.class,
                () -> read("{\"id\": \"a b\", \"type\": \"work_start\", \"at\": \"2026-03-02T09:00:00\"}"));

        assertThat(refused.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("at", "id");
        assertThat(refused.errors())
                .anySatisfy(error -> assertThat(error.message()).contains("must carry the UTC offset"));
    }
}
