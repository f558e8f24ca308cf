package backstop.assessment;

import backstop.json.Json;
import backstop.json.JsonBinding;
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
        return parse(Json.resourceText(resource(intakeVersion)), IntakeSchema.version(intakeVersion));
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

    /**
     * Binds a questions file to {@link QuestionsFile} (its shape, each problem with its path and line) and then checks
     * the questions against the intake schema they are written for.
     *
     * @throws IllegalStateException listing every problem
     */
    static Questionnaire parse(String text, IntakeSchema schema) {
        JsonBinding.Bound<QuestionsFile> bound = JsonBinding.bind(text, QuestionsFile.class);
        if (!bound.problems().isEmpty()) {
            throw unsound(bound.problems().stream()
                    .map(problem -> (problem.path().isEmpty() ? "the file" : problem.path()) + " " + problem.message()
                            + " (line " + problem.line() + ")")
                    .toList());
        }
        return check(bound.value().orElseThrow(), schema);
    }

    private static IllegalStateException unsound(List<String> problems) {
        return new IllegalStateException("questionnaire does not match the intake schema (" + problems.size()
                + " problems):\n  " + String.join("\n  ", problems));
    }

    private static Questionnaire check(QuestionsFile root, IntakeSchema schema) {
        List<String> problems = new ArrayList<>();
        List<Topic> topics = new ArrayList<>();
        Map<String, Question> asked = new HashMap<>();
        Set<String> topicIds = new HashSet<>();
        boolean screeningOver = false;
        for (QuestionsFile.TopicFile topicNode : root.topics()) {
            String id = topicNode.id();
            boolean redFlag = topicNode.redFlagScreen();
            if (!topicIds.add(id) || id.isBlank()) {
                problems.add("topic '" + id + "' has no id or a repeated one");
            }
            if (redFlag && screeningOver) {
                problems.add("topic " + id + ": red-flag topics must all come before the others");
            }
            screeningOver |= !redFlag;
            List<Question> questions = new ArrayList<>();
            for (QuestionsFile.QuestionFile questionNode : topicNode.questions()) {
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
                    id,
                    text(id, topicNode.title(), "title", problems),
                    text(id, topicNode.intro(), "intro", problems),
                    redFlag,
                    questions));
        }
        if (topics.isEmpty() || !topics.get(0).redFlagScreen()) {
            problems.add("the questionnaire must begin with the red-flag screen");
        }
        for (IntakeSchema.Field field : schema.fields()) {
            if (!asked.containsKey(field.path())) {
                problems.add("intake field " + field.path() + " is never asked");
            }
        }
        int intakeVersion = root.intakeVersion().orElse(1);
        if (intakeVersion != schema.version()) {
            problems.add("intake_version " + intakeVersion + " is not the version of the schema it is checked against ("
                    + schema.version() + ")");
        }
        if (!problems.isEmpty()) {
            throw unsound(problems);
        }
        return new Questionnaire(root.version(), intakeVersion, topics);
    }

    private static Question question(QuestionsFile.QuestionFile node, List<String> problems) {
        Kind kind = Kind.YES_NO;
        try {
            kind = Kind.valueOf(node.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("question " + node.field() + ": kind '" + node.kind()
                    + "' is not one of scale, number, single, multiple, yes_no");
        }
        List<Option> options = node.options().orElse(List.of()).stream()
                .map(option -> new Option(option.value(), option.label()))
                .toList();
        return new Question(
                node.field(),
                kind,
                node.label(),
                node.help(),
                node.min().orElse(0),
                node.max().orElse(0),
                node.unit().orElse(""),
                options,
                node.onlyIfYes());
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

    private static String text(String topic, String value, String key, List<String> problems) {
        if (value.isBlank()) {
            problems.add("topic " + topic + ": '" + key + "' must not be empty");
        }
        return value;
    }
}
