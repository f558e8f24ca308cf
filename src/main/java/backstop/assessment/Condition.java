package backstop.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A test over intake answers, written in the rules file as data:
 * {@code {"field": "desk.hours", "op": ">=", "value": 6}}, {@code {"all": [..]}}, {@code {"any": [..]}},
 * {@code {"not": {..}}}. A field that has not been answered makes a field test false, which lets the red-flag
 * screen run over the answers given so far.
 */
sealed interface Condition {
    Set<String> OPERATORS = Set.of("==", "!=", ">=", ">", "<=", "<", "contains", "in");

    boolean test(JsonNode intake);

    record FieldTest(String field, String op, JsonNode value) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            JsonNode answer = intake.at("/" + field.replace('.', '/'));
            if (answer.isMissingNode() || answer.isNull()) {
                return false;
            }
            return switch (op) {
                case "==" -> answer.equals(value);
                case "!=" -> !answer.equals(value);
                case ">=" -> answer.asInt() >= value.asInt();
                case ">" -> answer.asInt() > value.asInt();
                case "<=" -> answer.asInt() <= value.asInt();
                case "<" -> answer.asInt() < value.asInt();
                case "contains" -> answer.isArray() && contains(answer, value);
                case "in" -> contains(value, answer);
                default -> throw new IllegalStateException("operator " + op + " was not checked at load");
            };
        }

        private static boolean contains(JsonNode array, JsonNode wanted) {
            for (JsonNode element : array) {
                if (element.equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(JsonNode intake) {
            return parts.stream().allMatch(part -> part.test(intake));
        }
    }

    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(JsonNode intake) {
            return parts.stream().anyMatch(part -> part.test(intake));
        }
    }

    record Not(Condition part) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            return !part.test(intake);
        }
    }

    /**
     * Reads a condition and checks it against the intake schema: the field exists, the operator suits its type,
     * the value is one the field can hold. Each problem is added to {@code problems} with {@code where} in front.
     */
    static Condition parse(JsonNode node, IntakeSchema schema, String where, List<String> problems) {
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            JsonNode list = node.get(key);
            if (!list.isArray() || list.isEmpty() || node.size() != 1) {
                problems.add(where + ": '" + key + "' needs a non-empty list and nothing beside it");
                return new All(List.of());
            }
            List<Condition> parts = new ArrayList<>();
            list.forEach(part -> parts.add(parse(part, schema, where, problems)));
            return key.equals("all") ? new All(parts) : new Any(parts);
        }
        if (node.has("not")) {
            return new Not(parse(node.get("not"), schema, where, problems));
        }
        String field = node.path("field").asText("");
        String op = node.path("op").asText("");
        JsonNode value = node.path("value");
        var spec = schema.field(field);
        if (spec.isEmpty()) {
            problems.add(where + ": field '" + field + "' is not an answer in the intake schema");
        } else if (!OPERATORS.contains(op)) {
            problems.add(where + ": operator '" + op + "' is not one of " + OPERATORS);
        } else if (node.size() != 3) {
            problems.add(where + ": a field test has exactly field, op and value");
        } else {
            checkValue(spec.get(), op, value, where, problems);
        }
        return new FieldTest(field, op, value);
    }

    private static void checkValue(
            IntakeSchema.Field spec, String op, JsonNode value, String where, List<String> problems) {
        String field = spec.path();
        switch (spec.type()) {
            case BOOLEAN -> {
                if (!Set.of("==", "!=").contains(op) || !value.isBoolean()) {
                    problems.add(where + ": " + field + " is yes/no; use == or != with true or false");
                }
            }
            case INTEGER -> {
                if (Set.of("contains", "in").contains(op)
                        || !value.isInt()
                        || value.asInt() < spec.minimum()
                        || value.asInt() > spec.maximum()) {
                    problems.add(where + ": " + field + " is a number from " + spec.minimum() + " to " + spec.maximum()
                            + "; compare it with a whole number in that range");
                }
            }
            case CHOICE -> {
                boolean single = Set.of("==", "!=").contains(op)
                        && value.isTextual()
                        && spec.choices().contains(value.asText());
                boolean list =
                        op.equals("in") && value.isArray() && !value.isEmpty() && allChoices(value, spec.choices());
                if (!single && !list) {
                    problems.add(where + ": " + field + " is one of " + spec.choices()
                            + "; use == or != with one of them, or 'in' with a list of them");
                }
            }
            case CHOICES -> {
                if (!op.equals("contains")
                        || !value.isTextual()
                        || !spec.choices().contains(value.asText())) {
                    problems.add(where + ": " + field + " is a list of " + spec.choices()
                            + "; use 'contains' with one of them");
                }
            }
        }
    }

    private static boolean allChoices(JsonNode values, List<String> choices) {
        for (JsonNode value : values) {
            if (!value.isTextual() || !choices.contains(value.asText())) {
                return false;
            }
        }
        return true;
    }
}
