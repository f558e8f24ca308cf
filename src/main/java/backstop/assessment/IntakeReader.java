package backstop.assessment;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.NotFoundException;
import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an intake document (API body, CLI input, converted browser form) and refuses it with every bad field
 * named by its path when it does not match its version's schema: {@code intake-v2.schema.json} when it says
 * {@code "intake_version": 2}, otherwise {@code intake-v1.schema.json}, so documents written before version 2 are
 * still accepted as they were.
 */
public final class IntakeReader {
    private final Map<Integer, IntakeSchema> schemas;

    private IntakeReader(Map<Integer, IntakeSchema> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /** Loads the schemas from the jar; build one reader at start-up and share it (it holds no state per call). */
    public static IntakeReader load() {
        Map<Integer, IntakeSchema> schemas = new TreeMap<>();
        for (int version = IntakeSchema.OLDEST; version <= IntakeSchema.CURRENT; version++) {
            schemas.put(version, IntakeSchema.version(version));
        }
        return new IntakeReader(schemas);
    }

    /** The {@code $id} of the current schema, which new documents are written in. */
    public String schemaId() {
        return schemas.get(IntakeSchema.CURRENT).id();
    }

    /** The intake versions this reader accepts, oldest first. */
    public List<Integer> versions() {
        return new ArrayList<>(new TreeMap<>(schemas).keySet());
    }

    /**
     * The schema document of one intake version, as published at {@code /api/v1/assessments/schema}.
     *
     * @throws NotFoundException for a version there never was
     */
    public JsonNode schemaDocument(int version) {
        IntakeSchema schema = schemas.get(version);
        if (schema == null) {
            throw new NotFoundException("there is no intake version " + version + "; there are " + versions());
        }
        return schema.document().deepCopy();
    }

    /**
     * @throws BadInputException naming each bad field; malformed JSON is reported on the field {@code body}
     */
    public Intake read(String json) {
        JsonNode document;
        try {
            document = Json.mapper().readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new BadInputException(
                    "body",
                    where == null
                            ? "is not valid JSON."
                            : "is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr()
                                    + ").");
        }
        if (document == null || document.isMissingNode()) {
            throw new BadInputException("body", "is empty; an intake JSON document was expected.");
        }
        int version = versionOf(document);
        if (version == 1 && document.has(IntakeSchema.VERSION_FIELD)) {
            document = ((ObjectNode) document).deepCopy();
            ((ObjectNode) document).remove(IntakeSchema.VERSION_FIELD);
        }
        IntakeSchema schema = schemas.get(version);
        Set<ValidationMessage> messages = schema.validator().validate(document);
        if (!messages.isEmpty()) {
            throw new BadInputException(explain(messages, schema));
        }
        try {
            return Json.checkedDocument(Intake.class).readValue(document);
        } catch (java.io.IOException e) {
            throw unwrap(e);
        }
    }

    /** A document without {@code intake_version} is a version 1 document; one with it names its version. */
    private int versionOf(JsonNode document) {
        JsonNode marker = document.path(IntakeSchema.VERSION_FIELD);
        if (!document.isObject() || marker.isMissingNode()) {
            return IntakeSchema.OLDEST;
        }
        if (!marker.isInt() || !schemas.containsKey(marker.asInt())) {
            throw new BadInputException(
                    IntakeSchema.VERSION_FIELD,
                    "should be " + IntakeSchema.CURRENT + " (or left out for a version 1 document).");
        }
        return marker.asInt();
    }

    // Checks between fields live in the records; Jackson wraps what they throw, so the cause is handed on.
    private static RuntimeException unwrap(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInputException badInput) {
                return badInput;
            }
        }
        return new BadInputException("body", "could not be read as an intake.");
    }

    private List<FieldError> explain(Set<ValidationMessage> messages, IntakeSchema schema) {
        // One message per field, in a stable order, so a person and a test see the same list every time.
        Map<String, String> byField = new LinkedHashMap<>();
        messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> fieldOf(m))
                        .thenComparing(ValidationMessage::getType))
                .forEach(message -> byField.putIfAbsent(fieldOf(message), sentence(message, schema)));
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, text) -> errors.add(new FieldError(field, text)));
        return errors;
    }

    private static String fieldOf(ValidationMessage message) {
        String path = dotted(message.getInstanceLocation());
        String type = message.getType();
        if (("required".equals(type) || "additionalProperties".equals(type)) && message.getProperty() != null) {
            return path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        }
        return path.isEmpty() ? "body" : path;
    }

    // List positions are dropped: a form shows one field for a whole list, and the message names the bad value.
    private static String dotted(JsonNodePath location) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof String name) {
                names.add(name);
            }
        }
        return String.join(".", names);
    }

    private String sentence(ValidationMessage message, IntakeSchema schema) {
        String field = dotted(message.getInstanceLocation());
        JsonNode value = message.getInstanceNode();
        return switch (message.getType()) {
            case "required" -> "is missing; please answer this question.";
            case "additionalProperties" -> unknownField(fieldOf(message), schema);
            case "type" -> "should be " + expected(field, schema) + ".";
            case "minimum", "maximum" ->
                schema.field(field)
                        .map(f -> "should be between " + f.minimum() + " and " + f.maximum() + ".")
                        .orElse("is out of range.");
            case "enum" ->
                "'" + (value == null ? "" : value.asText()) + "' is not one of the choices: "
                        + schema.field(field)
                                .map(f -> String.join(", ", f.choices()))
                                .orElse("") + ".";
            case "minItems" -> "needs at least one answer.";
            case "uniqueItems" -> "lists the same answer more than once.";
            default -> "is not a valid answer (" + message.getMessage() + ").";
        };
    }

    /** A newer field in an older document gets a hint, since forgetting the version marker is the likely cause. */
    private String unknownField(String field, IntakeSchema schema) {
        boolean newer = schemas.entrySet().stream()
                .anyMatch(entry -> entry.getKey() > schema.version()
                        && (entry.getValue().field(field).isPresent()
                                || entry.getValue().fields().stream()
                                        .anyMatch(f -> f.path().startsWith(field + "."))));
        if (newer) {
            return "is not a field of intake version " + schema.version() + "; a document that uses it starts with "
                    + "\"intake_version\": " + IntakeSchema.CURRENT + ".";
        }
        return "is not a field of the intake.";
    }

    private String expected(String field, IntakeSchema schema) {
        if (field.isEmpty()) {
            return "a JSON object";
        }
        return schema.field(field)
                .map(f -> switch (f.type()) {
                    case BOOLEAN -> "true or false";
                    case INTEGER -> "a whole number";
                    case CHOICE -> "one of: " + String.join(", ", f.choices());
                    case CHOICES -> "a list of answers";
                })
                .orElse("a group of answers (a JSON object)");
    }
}
