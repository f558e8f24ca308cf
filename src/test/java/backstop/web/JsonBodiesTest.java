package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Doc;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {
    record Item(String name, int count) {}

    record Body(
            LocalDate day, @Doc(minimum = 0, maximum = 10) int level, Optional<String> note, List<Item> items) {}

    private static List<String> fields(String json) {
        return catchThrowableOfType(BadInputException.class, () -> JsonBodies.parse(json, Body.class)).errors().stream()
                .map(FieldError::field)
                .toList();
    }

    @Test
    void aGoodBodyBecomesTheRecord() {
        Body body = JsonBodies.parse(
                "{\"day\": \"2026-03-01\", \"level\": 3, \"items\": [{\"name\": \"a\", \"count\": 2}]}", Body.class);

        assertThat(body.day()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(body.items()).containsExactly(new Item("a", 2));
        assertThat(body.note()).isEmpty();
    }

    @Test
    void everyMissingRequiredFieldIsNamedAtOnceAndOptionalOnesAreNot() {
        assertThat(fields("{}")).containsExactly("day", "level");
        assertThat(fields("{\"day\": null, \"level\": 1}")).containsExactly("day");
    }

    @Test
    void missingFieldsInsideAListAreNamedWithTheirPlace() {
        assertThat(fields("{\"day\": \"2026-03-01\", \"level\": 1, \"items\": [{\"name\": \"a\", \"count\": 1}, {}]}"))
                .containsExactly("items[1].name", "items[1].count");
    }

    @Test
    void anUnknownFieldIsNamedEvenBesideMissingOnes() {
        assertThat(fields("{\"level\": 1, \"colour\": \"red\"}")).containsExactlyInAnyOrder("colour", "day");
        assertThat(
                        fields(
                                "{\"day\": \"2026-03-01\", \"level\": 1, \"items\": [{\"name\": \"a\", \"count\": 1, \"x\": 1}]}"))
                .containsExactly("items[0].x");
    }

    @Test
    void aWrongTypeIsNamedAndNeverConverted() {
        assertThat(fields("{\"day\": \"2026-03-01\", \"level\": \"3\"}")).containsExactly("level");
        assertThat(fields("{\"day\": \"2026-03-01\", \"level\": 2.5}")).containsExactly("level");
        assertThat(fields("{\"day\": \"tomorrow\", \"level\": 1}")).containsExactly("day");
        assertThat(fields("{\"day\": 20000, \"level\": 1}")).containsExactly("day");
        assertThat(fields("{\"day\": \"2026-03-01\", \"level\": 1, \"note\": 7}"))
                .containsExactly("note");
        assertThat(fields(
                        "{\"day\": \"2026-03-01\", \"level\": 1, \"items\": [{\"name\": \"a\", \"count\": \"two\"}]}"))
                .containsExactly("items[0].count");
    }

    @Test
    void aBodyThatIsNotAnObjectIsNamedAsTheBody() {
        assertThat(fields("null")).containsExactly("body");
        assertThat(fields("[1]")).containsExactly("body");
        assertThat(fields("{\"day\": ")).containsExactly("body");
    }

    @Test
    void everyWrongTypeIsNamedAtOnceBesideUnknownAndMissingFields() {
        assertThat(fields("{\"level\": \"3\", \"note\": 7, \"items\": {}, \"x\": 1}"))
                .containsExactlyInAnyOrder("x", "day", "level", "note", "items");
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        var refused = catchThrowableOfType(
                BadInputException.class,
                () -> JsonBodies.parse("{\"day\": \"2026-03-01\", \"level\": true, \"items\": \"a\"}", Body.class));

        assertThat(refused.errors())
                .containsExactly(
                        new FieldError("level", "must be a whole number"),
                        new FieldError("items", "must be a list of objects"));
    }
}
