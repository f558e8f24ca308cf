package backstop.assessment;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an intake document (API body, CLI input, converted browser form) and refuses it with every bad field
 * named by its path when it does not match {@code intake-v1.schema.json}.
 */
public final class IntakeReader {
    private final IntakeSchema schema;

    private IntakeReader(IntakeSchema schema) {
        this.schema = schema;
    }

    /** Loads the schema from the jar; build one reader at start-up and share it (it holds no state per call). */
    public static IntakeReader load() {
        return new IntakeReader(IntakeSchema.load());
    }

    /** The {@code $id} of the schema documents are checked against, for API clients and stored history. */
    public String schemaId() {
        return schema.id();
    }

    /**
     * @throws BadInputException naming each bad field; malformed JSON is reported on the field {@code body}
     */
    public Intake read(String json) {
        JsonNode document;
        try {
            document = AssessmentJson.MAPPER.readTree(json == null ? "" : json);
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
        Set<ValidationMessage> messages = schema.validator().validate(document);
        if (!messages.isEmpty()) {
            throw new BadInputException(explain(messages));
        }
        try {
            return AssessmentJson.MAPPER.treeToValue(document, Intake.class);
        } catch (JsonProcessingException e) {
            throw unwrap(e);
        }
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

    private List<FieldError> explain(Set<ValidationMessage> messages) {
        // One message per field, in a stable order, so a person and a test see the same list every time.
        Map<String, String> byField = new LinkedHashMap<>();
        messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> fieldOf(m))
                        .thenComparing(ValidationMessage::getType))
                .forEach(message -> byField.putIfAbsent(fieldOf(message), sentence(message)));
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

    private String sentence(ValidationMessage message) {
        String field = dotted(message.getInstanceLocation());
        JsonNode value = message.getInstanceNode();
        return switch (message.getType()) {
            case "required" -> "is missing; please answer this question.";
            case "additionalProperties" -> "is not a field of the intake.";
            case "type" -> "should be " + expected(field) + ".";
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

    private String expected(String field) {
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
