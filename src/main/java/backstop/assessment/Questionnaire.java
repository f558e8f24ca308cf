package backstop.assessment;

import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The intake questions as data ({@code assessment/questions-v2.json}): topics in the order they are shown, one
 * topic per screen, the red-flag screen first. Loading checks that it asks every field of its intake schema
 * exactly once, with the schema's own ranges and choices, so the form cannot drift from the API.
 * {@code intakeVersion} is the intake version the form's answers are written in.
 */
public record Questionnaire(String version, int intakeVersion, List<Topic> topics) {
    static final String RESOURCE = resource(IntakeSchema.CURRENT);

    /** Besides the red_flags answers, the red-flag screen may ask the person's age, which several flags depend on. */
    private static final Set<String> SCREEN_EXTRAS = Set.of("age");

    public Questionnaire {
        Objects.requireNonNull(version, "version");
        topics = List.copyOf(topics);
    }

    static String resource(int intakeVersion) {
        return "/assessment/questions-v" + intakeVersion + ".json";
    }

    /** One screen. {@code redFlagScreen} marks the safety screening that cannot be skipped and comes first. */
    public record Topic(String id, String title, String intro, boolean redFlagScreen, List<Question> questions) {
        public Topic {
            questions = List.copyOf(questions);
        }
    }

    /**
     * One question. {@code field} is the intake path and also the HTML form field name. {@code min}, {@code max}
     * and {@code unit} matter for scale and number questions; {@code options} for single and multiple choice.
     * {@code onlyIfYes} names a yes/no question that must be answered yes for this one to be shown.
     */
    public record Question(
            String field,
            Kind kind,
            String label,
            String help,
            int min,
            int max,
            String unit,
            List<Option> options,
            Optional<String> onlyIfYes) {
        public Question {
            options = List.copyOf(options);
        }
    }

    public record Option(String value, String label) {}

    public enum Kind {
        SCALE,
        NUMBER,
        SINGLE,
        MULTIPLE,
        YES_NO;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads and checks the questionnaire shipped in the jar.
     *
     * @throws IllegalStateException listing every problem when it does not match the intake schema
     */
    public static Questionnaire load() {
        return version(IntakeSchema.CURRENT);
    }

    /** The questionnaire of one intake version, checked against that version's schema. */
    static Questionnaire version(int intakeVersion) {
        return parse(Json.resource(resource(intakeVersion)), IntakeSchema.version(intakeVersion));
    }

    /** The topics of the red-flag screen, in order; the UI shows them first and cannot skip them. */
    public List<Topic> redFlagTopics() {
        return topics.stream().filter(Topic::redFlagScreen).toList();
    }

    public List<Question> questions() {
        return topics.stream().flatMap(topic -> topic.questions().stream()).toList();
    }

    public Optional<Question> question(String field) {
        return questions().stream()
                .filter(question -> question.field().equals(field))
                .findFirst();
    }

    static Questionnaire parse(JsonNode root, IntakeSchema schema) {
        List<String> problems = new ArrayList<>();
        List<Topic> topics = new ArrayList<>();
        Map<String, Question> asked = new HashMap<>();
        Set<String> topicIds = new HashSet<>();
        boolean screeningOver = false;
        for (JsonNode topicNode : root.path("topics")) {
            String id = topicNode.path("id").asText("");
            boolean redFlag = topicNode.path("red_flag_screen").asBoolean(false);
            if (!topicIds.add(id) || id.isBlank()) {
                problems.add("topic '" + id + "' has no id or a repeated one");
            }
            if (redFlag && screeningOver) {
                problems.add("topic " + id + ": red-flag topics must all come before the others");
            }
            screeningOver |= !redFlag;
            List<Question> questions = new ArrayList<>();
            for (JsonNode questionNode : topicNode.path("questions")) {
                Question question = question(questionNode, problems);
                String where = "question " + question.field();
                if (asked.put(question.field(), question) != null) {
                    problems.add(where + " is asked twice");
                }
                boolean screening = question.field().startsWith("red_flags.");
                if (redFlag != screening && !(redFlag && SCREEN_EXTRAS.contains(question.field()))) {
                    problems.add(where + " belongs " + (redFlag ? "outside" : "inside") + " the red-flag screen");
                }
                checkAgainstSchema(question, schema, where, problems);
                question.onlyIfYes().ifPresent(parent -> {
                    Question earlier = asked.get(parent);
                    if (earlier == null || earlier.kind() != Kind.YES_NO || parent.equals(question.field())) {
                        problems.add(where + ": only_if_yes must name an earlier yes/no question");
                    }
                });
                questions.add(question);
            }
            if (questions.isEmpty()) {
                problems.add("topic " + id + " has no questions");
            }
            topics.add(new Topic(
                    id, text(topicNode, "title", problems), text(topicNode, "intro", problems), redFlag, questions));
        }
        if (topics.isEmpty() || !topics.get(0).redFlagScreen()) {
            problems.add("the questionnaire must begin with the red-flag screen");
        }
        for (IntakeSchema.Field field : schema.fields()) {
            if (!asked.containsKey(field.path())) {
                problems.add("intake field " + field.path() + " is never asked");
            }
        }
        int intakeVersion = root.path("intake_version").asInt(1);
        if (intakeVersion != schema.version()) {
            problems.add("intake_version " + intakeVersion + " is not the version of the schema it is checked against ("
                    + schema.version() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("questionnaire does not match the intake schema (" + problems.size()
                    + " problems):\n  " + String.join("\n  ", problems));
        }
        return new Questionnaire(root.path("version").asText("questions"), intakeVersion, topics);
    }

    private static Question question(JsonNode node, List<String> problems) {
        Kind kind = Kind.YES_NO;
        try {
            kind = Kind.valueOf(node.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("question " + node.path("field").asText("") + ": kind '"
                    + node.path("kind").asText("") + "' is not one of scale, number, single, multiple, yes_no");
        }
        List<Option> options = new ArrayList<>();
        node.path("options")
                .forEach(option -> options.add(new Option(
                        option.path("value").asText(""), option.path("label").asText(""))));
        Optional<String> onlyIfYes =
                node.has("only_if_yes") ? Optional.of(node.get("only_if_yes").asText()) : Optional.empty();
        return new Question(
                node.path("field").asText(""),
                kind,
                node.path("label").asText(""),
                node.path("help").asText(""),
                node.path("min").asInt(0),
                node.path("max").asInt(0),
                node.path("unit").asText(""),
                options,
                onlyIfYes);
    }

    private static void checkAgainstSchema(
            Question question, IntakeSchema schema, String where, List<String> problems) {
        if (question.label().isBlank() || question.help().isBlank()) {
            problems.add(where + ": needs a label and a help text");
        }
        var found = schema.field(question.field());
        if (found.isEmpty()) {
            problems.add(where + ": no such field in the intake schema");
            return;
        }
        IntakeSchema.Field field = found.get();
        Set<Kind> fitting = switch (field.type()) {
            case BOOLEAN -> Set.of(Kind.YES_NO);
            case INTEGER -> Set.of(Kind.SCALE, Kind.NUMBER);
            case CHOICE -> Set.of(Kind.SINGLE);
            case CHOICES -> Set.of(Kind.MULTIPLE);
        };
        if (!fitting.contains(question.kind())) {
            problems.add(where + ": kind " + question.kind().key() + " does not fit a " + field.type() + " field");
        }
        if (field.type() == IntakeSchema.Field.Type.INTEGER
                && (question.min() != field.minimum() || question.max() != field.maximum())) {
            problems.add(where + ": range " + question.min() + "-" + question.max() + " differs from the schema's "
                    + field.minimum() + "-" + field.maximum());
        }
        if (question.kind() == Kind.NUMBER && question.unit().isBlank()) {
            problems.add(where + ": a number question needs a unit");
        }
        Set<String> values = new LinkedHashSet<>();
        question.options().forEach(option -> {
            values.add(option.value());
            if (option.label().isBlank()) {
                problems.add(where + ": option " + option.value() + " has no label");
            }
        });
        if (!values.equals(new LinkedHashSet<>(field.choices()))
                || values.size() != question.options().size()) {
            problems.add(where + ": options " + values + " differ from the schema's choices " + field.choices());
        }
    }

    private static String text(JsonNode node, String key, List<String> problems) {
        String value = node.path(key).asText("");
        if (value.isBlank()) {
            problems.add("topic " + node.path("id").asText("") + ": '" + key + "' must not be empty");
        }
        return value;
    }
}
