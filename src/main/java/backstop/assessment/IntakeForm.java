package backstop.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the browser form into the intake JSON document, so the form and the API pass through the same schema and
 * the same error messages. Form field names are intake paths ({@code pain.now}, {@code locations}); yes/no fields
 * send {@code yes} or {@code no}; a multiple choice sends one value per ticked box.
 */
public final class IntakeForm {
    private final Questionnaire questionnaire;

    public IntakeForm(Questionnaire questionnaire) {
        this.questionnaire = questionnaire;
    }

    /**
     * Builds the JSON text for {@link IntakeReader#read(String)} (or, after the red-flag screen, for
     * {@link Assessor#emergencySoFar(String)}). It never refuses anything itself: a blank answer is left out, so the
     * schema reports it as missing; text where a number belongs is kept as text, so the schema names the field; an
     * unticked checkbox group becomes an empty list. Fields that are not questions are passed on and refused as
     * unknown, so the caller must remove its own fields (such as a CSRF token) first.
     */
    public String toJson(Map<String, List<String>> formFields) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        // The form writes the intake version its questionnaire belongs to; a version 1 form writes no marker.
        if (questionnaire.intakeVersion() > 1) {
            document.put(IntakeSchema.VERSION_FIELD, questionnaire.intakeVersion());
        }
        for (Questionnaire.Question question : questionnaire.questions()) {
            List<String> values = formFields.getOrDefault(question.field(), List.of()).stream()
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .toList();
            if (question.kind() == Questionnaire.Kind.MULTIPLE) {
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                values.forEach(list::add);
                put(document, question.field(), list);
            } else if (values.size() > 1) {
                // Two answers to a one-answer question: kept as a list, so the schema names the field.
                ArrayNode list = JsonNodeFactory.instance.arrayNode();
                values.forEach(list::add);
                put(document, question.field(), list);
            } else if (values.size() == 1) {
                put(document, question.field(), convert(question.kind(), values.get(0)));
            }
        }
        formFields.forEach((name, values) -> {
            if (questionnaire.question(name).isEmpty()) {
                put(document, name, JsonNodeFactory.instance.textNode(String.join(",", values)));
            }
        });
        return document.toString();
    }

    private static JsonNode convert(Questionnaire.Kind kind, String value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (kind) {
            case YES_NO ->
                switch (value.toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on" -> nodes.booleanNode(true);
                    case "no", "false" -> nodes.booleanNode(false);
                    default -> nodes.textNode(value);
                };
            case SCALE, NUMBER -> {
                try {
                    yield nodes.numberNode(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    yield nodes.textNode(value);
                }
            }
            case SINGLE, MULTIPLE -> nodes.textNode(value);
        };
    }

    // Dotted names become nested objects; a name that clashes with an answer already placed is kept whole at the top.
    private static void put(ObjectNode document, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = document;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (child == null) {
                child = parent.putObject(parts[i]);
            }
            if (!(child instanceof ObjectNode object)) {
                document.set(path, value);
                return;
            }
            parent = object;
        }
        parent.set(parts[parts.length - 1], value);
    }
}
