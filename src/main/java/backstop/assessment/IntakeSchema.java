package backstop.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake JSON Schema, and a flat view of its answer fields by dotted path ({@code pain.now}). The rules and
 * the questionnaire are checked against this view at start-up, so a typo in either cannot reach a person.
 */
final class IntakeSchema {
    static final String RESOURCE = "/assessment/intake-v1.schema.json";

    /** One answer field: its JSON type, the allowed values of a choice, the range of a number. */
    record Field(String path, Type type, List<String> choices, int minimum, int maximum) {
        enum Type {
            BOOLEAN,
            INTEGER,
            CHOICE,
            CHOICES
        }

        Field {
            choices = List.copyOf(choices);
        }
    }

    private final JsonNode document;
    private final JsonSchema validator;
    private final Map<String, Field> fields;
    private final List<String> order;

    private IntakeSchema(JsonNode document) {
        this.document = document;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        this.validator =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(document, config);
        Map<String, Field> found = new LinkedHashMap<>();
        collect("", document, found);
        this.fields = Map.copyOf(found);
        this.order = List.copyOf(found.keySet());
    }

    static IntakeSchema load() {
        return new IntakeSchema(AssessmentJson.resource(RESOURCE));
    }

    String id() {
        return document.path("$id").asText();
    }

    JsonSchema validator() {
        return validator;
    }

    Optional<Field> field(String path) {
        return Optional.ofNullable(fields.get(path));
    }

    /** Every answer field, in the order the schema declares them. */
    List<Field> fields() {
        List<Field> all = new ArrayList<>();
        order.forEach(path -> all.add(fields.get(path)));
        return all;
    }

    private void collect(String prefix, JsonNode node, Map<String, Field> found) {
        JsonNode properties = resolve(node).path("properties");
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode property = resolve(entry.getValue());
            switch (property.path("type").asText()) {
                case "object" -> collect(path, property, found);
                case "boolean" -> found.put(path, new Field(path, Field.Type.BOOLEAN, List.of(), 0, 0));
                case "integer" ->
                    found.put(
                            path,
                            new Field(
                                    path,
                                    Field.Type.INTEGER,
                                    List.of(),
                                    property.path("minimum").asInt(),
                                    property.path("maximum").asInt()));
                case "string" ->
                    found.put(path, new Field(path, Field.Type.CHOICE, texts(property.path("enum")), 0, 0));
                case "array" ->
                    found.put(
                            path,
                            new Field(
                                    path,
                                    Field.Type.CHOICES,
                                    texts(resolve(property.path("items")).path("enum")),
                                    0,
                                    0));
                default ->
                    throw new IllegalStateException("intake schema: " + path + " has a type this code does not know");
            }
        }
    }

    // The schema only refers within itself (#/$defs/...), so a local lookup is all that is needed.
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
