package backstop.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordSchemaTest {
    enum Colour {
        RED,
        DARK_BLUE
    }

    record Part(String partId, @Doc(maxLength = 20) Optional<String> label) {}

    record Shape(
            @Doc(value = "How strong.", minimum = 1, maximum = 5)
            int strength,

            LocalDate since,
            Colour colour,
            Set<Colour> also,
            @Doc(minItems = 1) List<Part> parts,
            @Doc(choices = Colour.class) Optional<List<String>> names) {}

    @Test
    void namesTypesAndLimitsComeFromTheRecordAsTheMapperReadsIt() {
        Map<String, Object> schema = RecordSchema.of(Shape.class);

        assertThat(schema)
                .containsEntry("type", "object")
                .containsEntry("additionalProperties", false)
                .containsEntry("required", List.of("strength", "since", "colour", "parts"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties.keySet()).containsExactly("strength", "since", "colour", "also", "parts", "names");
        assertThat(properties.get("strength"))
                .isEqualTo(Map.of("description", "How strong.", "type", "integer", "minimum", 1L, "maximum", 5L));
        assertThat(properties.get("since")).isEqualTo(Map.of("type", "string", "format", "date"));
        assertThat(properties.get("colour")).isEqualTo(Map.of("type", "string", "enum", List.of("RED", "DARK_BLUE")));
        assertThat(properties.get("also"))
                .isEqualTo(Map.of(
                        "type",
                        "array",
                        "uniqueItems",
                        true,
                        "items",
                        Map.of("type", "string", "enum", List.of("RED", "DARK_BLUE"))));
        assertThat(properties.get("names"))
                .isEqualTo(Map.of(
                        "type", "array", "items", Map.of("type", "string", "enum", List.of("RED", "DARK_BLUE"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> parts = (Map<String, Object>) properties.get("parts");
        assertThat(parts).containsEntry("minItems", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> part = (Map<String, Object>) parts.get("items");
        assertThat(part).containsEntry("required", List.of("part_id"));
        assertThat(part.get("properties"))
                .isEqualTo(Map.of(
                        "part_id", Map.of("type", "string"), "label", Map.of("type", "string", "maxLength", 20)));
    }

    @Test
    void aRecordsPropertiesAreWorkedOutOnceAndCannotBeChanged() {
        List<RecordSchema.Property> first = RecordSchema.properties(Shape.class);

        assertThat(RecordSchema.properties(Shape.class)).isSameAs(first);
        assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void problemsNameMissingAndUnknownFieldsByTheSameRule() {
        var problems = RecordSchema.problems(
                Json.tree("{\"strength\": 2, \"parts\": [{\"label\": \"x\"}], \"extra\": true}"), Shape.class);

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        new RecordSchema.Problem("extra", "is not a known field"),
                        new RecordSchema.Problem("since", "is required"),
                        new RecordSchema.Problem("colour", "is required"),
                        new RecordSchema.Problem("parts[0].part_id", "is required"));
    }
}
