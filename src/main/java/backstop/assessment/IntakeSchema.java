package backstop.assessment;

import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An intake JSON Schema (one version), and a flat view of its answer fields by dotted path ({@code pain.now}). The
 * rules and the questionnaire are checked against such a view at start-up, so a typo in either cannot reach a
 * person. {@link #answers()} is the view the rules run against: every field of every intake version, because an
 * older document is assessed by the current rules (its newer questions are simply not there).
 */
final class IntakeSchema {
    /** The intake version new documents are written in; the browser form and the published schema use it. */
    static final int CURRENT = 2;

    static final int OLDEST = 1;

    /** The document's own version marker; not an answer, so it is not a field of the view. */
    static final String VERSION_FIELD = "intake_version";

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

    /**
     * The schemas shipped in the jar, each read once: the intake reader, the rules (twice) and the questionnaire
     * all check against them at start-up, and the jar cannot change under a running JVM.
     */
    private static final Map<Integer, IntakeSchema> SHIPPED = new ConcurrentHashMap<>();

    private final int version;
    private final String id;
    private final Optional<JsonNode> document;
    private final Map<String, Field> fields;

    /**
     * Compiled on first use, not at start-up: the JSON Schema library's set-up and the compile cost about 140 ms of
     * every start, and only an intake's validation needs them. The field view, which the rules and the
     * questionnaire are checked against at start-up, is read straight from the document.
     */
    private JsonSchema validator;

    private IntakeSchema(int version, JsonNode document) {
        this.version = version;
        this.id = document.path("$id").asText();
        this.document = Optional.of(document);
        Map<String, Field> found = new LinkedHashMap<>();
        collect("", document, document, found);
        this.fields = found;
    }

    private IntakeSchema(int version, Map<String, Field> fields) {
        this.version = version;
        this.id = "all intake versions";
        this.document = Optional.empty();
        this.fields = fields;
    }

    /** The current intake schema. */
    static IntakeSchema load() {
        return version(CURRENT);
    }

    /**
     * @throws IllegalArgumentException for a version Backstop never had
     */
    static IntakeSchema version(int version) {
        if (version < OLDEST || version > CURRENT) {
            throw new IllegalArgumentException("there is no intake version " + version);
        }
        return SHIPPED.computeIfAbsent(version, v -> new IntakeSchema(v, Json.resource(resource(v))));
    }

    static String resource(int version) {
        return "/assessment/intake-v" + version + ".schema.json";
    }

    /**
     * Every answer field of every intake version, for checking the rules: a field's choices are those of all versions
     * together (an older document may hold a choice the newer schema no longer offers).
     *
     * @throws IllegalStateException if two versions give one field different types
     */
    static IntakeSchema answers() {
        Map<String, Field> merged = new LinkedHashMap<>();
        for (int v = CURRENT; v >= OLDEST; v--) {
            for (Field field : version(v).fields()) {
                Field known = merged.get(field.path());
                if (known == null) {
                    merged.put(field.path(), field);
                } else if (known.type() != field.type()) {
                    throw new IllegalStateException(
                            "intake field " + field.path() + " changed its type between versions");
                } else {
                    LinkedHashSet<String> choices = new LinkedHashSet<>(known.choices());
                    choices.addAll(field.choices());
                    merged.put(
                            field.path(),
                            new Field(
                                    field.path(),
                                    field.type(),
                                    List.copyOf(choices),
                                    Math.min(known.minimum(), field.minimum()),
                                    Math.max(known.maximum(), field.maximum())));
                }
            }
        }
        return new IntakeSchema(CURRENT, merged);
    }

    int version() {
        return version;
    }

    String id() {
        return id;
    }

    /** The schema document itself, as published. */
    JsonNode document() {
        return document.orElseThrow(() -> new IllegalStateException("the merged view has no document"));
    }

    synchronized JsonSchema validator() {
        JsonNode schema = document.orElseThrow(() -> new IllegalStateException("the merged view validates nothing"));
        if (validator == null) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
            validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, config);
        }
        return validator;
    }

    Optional<Field> field(String path) {
        return Optional.ofNullable(fields.get(path));
    }

    /** Every answer field, in the order the schema declares them. */
    List<Field> fields() {
        return new ArrayList<>(fields.values());
    }

    private static void collect(String prefix, JsonNode node, JsonNode document, Map<String, Field> found) {
        JsonNode properties = resolve(node, document).path("properties");
        for (Map.Entry<String, JsonNode> entry : properties.properties()) {
            if (prefix.isEmpty() && entry.getKey().equals(VERSION_FIELD)) {
                continue;
            }
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            JsonNode property = resolve(entry.getValue(), document);
            switch (property.path("type").asText()) {
                case "object" -> collect(path, property, document, found);
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
                                    texts(resolve(property.path("items"), document)
                                            .path("enum")),
                                    0,
                                    0));
                default ->
                    throw new IllegalStateException("intake schema: " + path + " has a type this code does not know");
            }
        }
    }

    // The schema only refers within itself (#/$defs/...), so a local lookup is all that is needed.
    private static JsonNode resolve(JsonNode node, JsonNode document) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
