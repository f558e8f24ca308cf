package backstop.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test over intake answers, written in the rules file as data:
 * {@code {"field": "desk.hours", "op": ">=", "value": 6}}, {@code {"all": [..]}}, {@code {"any": [..]}},
 * {@code {"not": {..}}}, {@code {"at_least": 4, "of": [..]}}, {@code {"unanswered": "factors.rest"}},
 * {@code {"difference": ["age", "red_flags.onset_age"], "op": "<=", "value": 2}} (the first number minus the second,
 * for "pain that began within the last two years") and {@code {"pattern": "name"}} for a named condition defined
 * once under {@code patterns}.
 *
 * <p>A field that has not been answered makes a field test false, which lets the red-flag screen run over the answers
 * given so far. Because {@code not} of a missing answer is true, "not asked" must never be read as "no": a rule that
 * means "this question was not asked (or the person did not know)" says so with {@code unanswered}.
 */
sealed interface Condition {
    Set<String> OPERATORS = Set.of("==", "!=", ">=", ">", "<=", "<", "contains", "contains_any", "in");

    /** The operators a {@code difference} of two numbers may use. */
    Set<String> COMPARISONS = Set.of("==", "!=", ">=", ">", "<=", "<");

    /** The answer that means the person could not say; it counts as unanswered. */
    String DONT_KNOW = "dont_know";

    boolean test(JsonNode intake);

    /** Whether this condition (or a pattern it uses) asks whether a question went unanswered. */
    boolean usesUnanswered();

    record FieldTest(String field, String op, JsonNode value) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            JsonNode answer = answer(intake, field);
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
                case "contains_any" -> answer.isArray() && containsAny(answer, value);
                case "in" -> contains(value, answer);
                default -> throw new IllegalStateException("operator " + op + " was not checked at load");
            };
        }

        @Override
        public boolean usesUnanswered() {
            return false;
        }

        private static boolean contains(JsonNode array, JsonNode wanted) {
            for (JsonNode element : array) {
                if (element.equals(wanted)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean containsAny(JsonNode array, JsonNode wanted) {
            for (JsonNode element : wanted) {
                if (contains(array, element)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Compares one number answer minus another with a whole number; false unless both were answered. */
    record Difference(String minuend, String subtrahend, String op, int value) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            JsonNode first = answer(intake, minuend);
            JsonNode second = answer(intake, subtrahend);
            if (!first.isInt() || !second.isInt()) {
                return false;
            }
            int difference = first.asInt() - second.asInt();
            return switch (op) {
                case "==" -> difference == value;
                case "!=" -> difference != value;
                case ">=" -> difference >= value;
                case ">" -> difference > value;
                case "<=" -> difference <= value;
                case "<" -> difference < value;
                default -> throw new IllegalStateException("operator " + op + " was not checked at load");
            };
        }

        @Override
        public boolean usesUnanswered() {
            return false;
        }
    }

    /** True when the question was not asked (an older intake) or was answered "don't know". */
    record Unanswered(String field) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            JsonNode answer = answer(intake, field);
            return answer.isMissingNode() || answer.isNull() || DONT_KNOW.equals(answer.asText(null));
        }

        @Override
        public boolean usesUnanswered() {
            return true;
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

        @Override
        public boolean usesUnanswered() {
            return parts.stream().anyMatch(Condition::usesUnanswered);
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

        @Override
        public boolean usesUnanswered() {
            return parts.stream().anyMatch(Condition::usesUnanswered);
        }
    }

    /** True when at least {@code count} of the parts are: how published criteria such as "4 of 5" are written. */
    record AtLeast(int count, List<Condition> parts) implements Condition {
        public AtLeast {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(JsonNode intake) {
            return parts.stream().filter(part -> part.test(intake)).count() >= count;
        }

        @Override
        public boolean usesUnanswered() {
            return parts.stream().anyMatch(Condition::usesUnanswered);
        }
    }

    record Not(Condition part) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            return !part.test(intake);
        }

        @Override
        public boolean usesUnanswered() {
            return part.usesUnanswered();
        }
    }

    /** A named condition from the rules file's {@code patterns}, so one definition serves red flags and scores. */
    record Pattern(String name, Condition definition) implements Condition {
        @Override
        public boolean test(JsonNode intake) {
            return definition.test(intake);
        }

        @Override
        public boolean usesUnanswered() {
            return definition.usesUnanswered();
        }
    }

    private static JsonNode answer(JsonNode intake, String field) {
        return intake.at("/" + field.replace('.', '/'));
    }

    /**
     * Checks a condition as bound from the rules file against the intake schema: one way of testing and nothing
     * beside it, the field exists, the operator suits its type, the value is one the field can hold, a pattern is
     * defined (earlier in the file, so there can be no cycle). Each problem is added to {@code problems} with
     * {@code where} in front.
     */
    static Condition parse(
            RulesFile.ConditionFile node,
            IntakeSchema schema,
            Map<String, Condition> patterns,
            String where,
            List<String> problems) {
        if (node.all().isPresent() || node.any().isPresent()) {
            String key = node.all().isPresent() ? "all" : "any";
            List<RulesFile.ConditionFile> list =
                    node.all().orElseGet(() -> node.any().orElseThrow());
            if (list.isEmpty() || node.given() != 1) {
                problems.add(where + ": '" + key + "' needs a non-empty list and nothing beside it");
                return new All(List.of());
            }
            List<Condition> parts = parts(list, schema, patterns, where, problems);
            return key.equals("all") ? new All(parts) : new Any(parts);
        }
        if (node.atLeast().isPresent()) {
            int count = node.atLeast().get();
            List<RulesFile.ConditionFile> list = node.of().orElse(List.of());
            if (node.of().isEmpty() || count < 1 || count > list.size() || node.given() != 2) {
                problems.add(where + ": 'at_least' needs a whole number from 1 to the length of its 'of' list");
                return new All(List.of());
            }
            return new AtLeast(count, parts(list, schema, patterns, where, problems));
        }
        if (node.not().isPresent()) {
            if (node.given() != 1) {
                problems.add(where + ": 'not' needs one condition and nothing beside it");
            }
            return new Not(parse(node.not().get(), schema, patterns, where, problems));
        }
        if (node.unanswered().isPresent()) {
            String field = node.unanswered().get();
            if (schema.field(field).isEmpty() || node.given() != 1) {
                problems.add(where + ": 'unanswered' needs one field of the intake schema, not '" + field + "'");
            }
            return new Unanswered(field);
        }
        if (node.difference().isPresent()) {
            return difference(node, schema, where, problems);
        }
        if (node.pattern().isPresent()) {
            String name = node.pattern().get();
            Condition definition = patterns.get(name);
            if (definition == null || node.given() != 1) {
                problems.add(where + ": pattern '" + name + "' is not defined above it under patterns");
                return new All(List.of());
            }
            return new Pattern(name, definition);
        }
        String field = node.field().orElse("");
        String op = node.op().orElse("");
        JsonNode value = node.value().orElse(MissingNode.getInstance());
        var spec = schema.field(field);
        if (node.given() == 0) {
            problems.add(where + ": a condition needs one of field, all, any, not, at_least, unanswered, difference"
                    + " or pattern");
        } else if (spec.isEmpty()) {
            problems.add(where + ": field '" + field + "' is not an answer in the intake schema");
        } else if (!OPERATORS.contains(op)) {
            problems.add(where + ": operator '" + op + "' is not one of " + OPERATORS);
        } else if (node.given() != 3) {
            problems.add(where + ": a field test has exactly field, op and value");
        } else {
            checkValue(spec.get(), op, value, where, problems);
        }
        return new FieldTest(field, op, value);
    }

    private static Condition difference(
            RulesFile.ConditionFile node, IntakeSchema schema, String where, List<String> problems) {
        List<String> fields = node.difference().orElseThrow();
        String op = node.op().orElse("");
        JsonNode value = node.value().orElse(MissingNode.getInstance());
        boolean twoNumbers = fields.size() == 2 && isNumber(schema, fields.get(0)) && isNumber(schema, fields.get(1));
        if (!twoNumbers || !COMPARISONS.contains(op) || !value.isInt() || node.given() != 3) {
            problems.add(where + ": 'difference' needs two number answers of the intake schema, an operator of "
                    + COMPARISONS + " and a whole number value, and nothing beside them");
            return new All(List.of());
        }
        return new Difference(fields.get(0), fields.get(1), op, value.asInt());
    }

    private static boolean isNumber(IntakeSchema schema, String field) {
        return schema.field(field)
                .map(spec -> spec.type() == IntakeSchema.Field.Type.INTEGER)
                .orElse(false);
    }

    private static List<Condition> parts(
            List<RulesFile.ConditionFile> list,
            IntakeSchema schema,
            Map<String, Condition> patterns,
            String where,
            List<String> problems) {
        List<Condition> parts = new ArrayList<>();
        list.forEach(part -> parts.add(parse(part, schema, patterns, where, problems)));
        return parts;
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
                if (Set.of("contains", "contains_any", "in").contains(op)
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
                boolean single = op.equals("contains")
                        && value.isTextual()
                        && spec.choices().contains(value.asText());
                boolean list = op.equals("contains_any")
                        && value.isArray()
                        && !value.isEmpty()
                        && allChoices(value, spec.choices());
                if (!single && !list) {
                    problems.add(where + ": " + field + " is a list of " + spec.choices()
                            + "; use 'contains' with one of them, or 'contains_any' with a list of them");
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
