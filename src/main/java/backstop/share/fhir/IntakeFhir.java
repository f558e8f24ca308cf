package backstop.share.fhir;

import backstop.assessment.Questionnaire;
import backstop.assessment.Questionnaire.Kind;
import backstop.assessment.Questionnaire.Question;
import backstop.assessment.Questionnaire.Topic;
import backstop.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

/**
 * The intake in FHIR: Backstop's questionnaire data as a FHIR {@code Questionnaire} (one group per topic, one item
 * per intake field, the field's path as its {@code linkId}), an intake as a {@code QuestionnaireResponse} to it, and
 * a response read back into intake JSON. Pure.
 */
public final class IntakeFhir {
    /** A topic's group is linked as {@code topic-<id>}: a topic and a field may share a name (locations). */
    static final String TOPIC = "topic-";

    private IntakeFhir() {}

    /** The canonical reference of one intake version's questionnaire: {@code url|version}. */
    public static String canonical(int intakeVersion) {
        return FhirCodes.QUESTIONNAIRE + "|" + intakeVersion;
    }

    public static org.hl7.fhir.r4.model.Questionnaire questionnaire(Questionnaire source) {
        var fhir = new org.hl7.fhir.r4.model.Questionnaire();
        fhir.setUrl(FhirCodes.QUESTIONNAIRE);
        fhir.setVersion(String.valueOf(source.intakeVersion()));
        fhir.setName("BackstopIntake");
        fhir.setTitle("Backstop upper back pain intake, version " + source.intakeVersion());
        fhir.setStatus(PublicationStatus.ACTIVE);
        fhir.setPublisher("Backstop");
        fhir.setDescription("The questions Backstop asks before it scores the common causes of upper back pain and"
                + " screens for signs that need a doctor. Generated from Backstop's questionnaire data ("
                + source.version() + "). A self-assessment aid, not a diagnosis.");
        fhir.addSubjectType("Patient");
        for (Topic topic : source.topics()) {
            var group = fhir.addItem()
                    .setLinkId(TOPIC + topic.id())
                    .setText(topic.title())
                    .setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.GROUP);
            for (Question question : topic.questions()) {
                var item = group.addItem().setLinkId(question.field()).setText(question.label());
                switch (question.kind()) {
                    case YES_NO -> item.setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.BOOLEAN);
                    case SCALE, NUMBER ->
                        item.setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.INTEGER);
                    case SINGLE, MULTIPLE -> {
                        item.setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.CHOICE);
                        item.setRepeats(question.kind() == Kind.MULTIPLE);
                        question.options()
                                .forEach(option -> item.addAnswerOption()
                                        .setValue(new Coding(FhirCodes.INTAKE_ANSWER, option.value(), option.label())));
                    }
                }
                question.onlyIfYes()
                        .ifPresent(parent -> item.addEnableWhen()
                                .setQuestion(parent)
                                .setOperator(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemOperator.EQUAL)
                                .setAnswer(new BooleanType(true)));
            }
        }
        return fhir;
    }

    /** An intake as answers to its version's questionnaire; questions the intake does not answer are left out. */
    public static QuestionnaireResponse response(
            Questionnaire source, JsonNode intake, Instant authored, Reference subject) {
        var response = new QuestionnaireResponse();
        response.setQuestionnaire(canonical(source.intakeVersion()));
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(subject);
        response.setAuthored(Date.from(authored));
        for (Topic topic : source.topics()) {
            var group = new QuestionnaireResponseItemComponent()
                    .setLinkId(TOPIC + topic.id())
                    .setText(topic.title());
            for (Question question : topic.questions()) {
                JsonNode value = at(intake, question.field());
                if (value.isMissingNode() || value.isNull() || value.isArray() && value.isEmpty()) {
                    continue;
                }
                var item = group.addItem().setLinkId(question.field()).setText(question.label());
                if (value.isArray()) {
                    value.forEach(element -> item.addAnswer().setValue(answer(question, element)));
                } else {
                    item.addAnswer().setValue(answer(question, value));
                }
            }
            if (group.hasItem()) {
                response.addItem(group);
            }
        }
        return response;
    }

    private static Type answer(Question question, JsonNode value) {
        return switch (question.kind()) {
            case YES_NO -> new BooleanType(value.asBoolean());
            case SCALE, NUMBER -> new IntegerType(value.asInt());
            case SINGLE, MULTIPLE -> {
                String code = value.asText();
                String label = question.options().stream()
                        .filter(option -> option.value().equals(code))
                        .map(Questionnaire.Option::label)
                        .findFirst()
                        .orElse(code);
                yield new Coding(FhirCodes.INTAKE_ANSWER, code, label);
            }
        };
    }

    /**
     * Reads the answers back into intake JSON (the shape {@code docs/formats.md} documents). A multiple-choice
     * question without an answer is an empty list, unless it is asked only after a "yes" that was not given.
     *
     * @param path the response's FHIR path, for errors
     * @param errors where each bad answer is added, by its FHIR path
     */
    public static ObjectNode intake(
            Questionnaire source, QuestionnaireResponse response, String path, List<FieldError> errors) {
        Map<String, Question> questions = new LinkedHashMap<>();
        source.questions().forEach(question -> questions.put(question.field(), question));
        ObjectNode intake = JsonNodeFactory.instance.objectNode();
        if (source.intakeVersion() > 1) {
            intake.put("intake_version", source.intakeVersion());
        }
        Map<String, Boolean> yes = new LinkedHashMap<>();
        for (int g = 0; g < response.getItem().size(); g++) {
            var group = response.getItem().get(g);
            String groupPath = path + ".item[" + g + "]";
            var items = group.hasAnswer() ? List.of(group) : group.getItem();
            for (int i = 0; i < items.size(); i++) {
                var item = items.get(i);
                String itemPath = group.hasAnswer() ? groupPath : groupPath + ".item[" + i + "]";
                Question question = questions.get(item.getLinkId());
                if (question == null) {
                    errors.add(new FieldError(
                            itemPath + ".linkId", "'" + item.getLinkId() + "' is not a question of this intake"));
                    continue;
                }
                read(question, item, itemPath, intake, yes, errors);
            }
        }
        for (Question question : source.questions()) {
            boolean asked = question.onlyIfYes()
                    .map(parent -> yes.getOrDefault(parent, false))
                    .orElse(true);
            if (question.kind() == Kind.MULTIPLE
                    && asked
                    && at(intake, question.field()).isMissingNode()) {
                parentOf(intake, question.field()).putArray(leaf(question.field()));
            }
        }
        return intake;
    }

    private static void read(
            Question question,
            QuestionnaireResponseItemComponent item,
            String itemPath,
            ObjectNode intake,
            Map<String, Boolean> yes,
            List<FieldError> errors) {
        List<QuestionnaireResponseItemAnswerComponent> answers = item.getAnswer();
        if (answers.isEmpty()) {
            return;
        }
        if (question.kind() != Kind.MULTIPLE && answers.size() > 1) {
            errors.add(new FieldError(itemPath + ".answer", "this question takes one answer, not " + answers.size()));
            return;
        }
        ArrayNode list = question.kind() == Kind.MULTIPLE
                ? parentOf(intake, question.field()).putArray(leaf(question.field()))
                : null;
        for (int a = 0; a < answers.size(); a++) {
            Type value = answers.get(a).getValue();
            String answerPath = itemPath + ".answer[" + a + "]";
            Optional<JsonNode> node = node(question, value, answerPath, errors);
            if (node.isEmpty()) {
                continue;
            }
            if (list != null) {
                list.add(node.get());
            } else {
                parentOf(intake, question.field()).set(leaf(question.field()), node.get());
                if (question.kind() == Kind.YES_NO) {
                    yes.put(question.field(), node.get().asBoolean());
                }
            }
        }
    }

    private static Optional<JsonNode> node(Question question, Type value, String path, List<FieldError> errors) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        switch (question.kind()) {
            case YES_NO -> {
                if (value instanceof BooleanType bool && bool.hasValue()) {
                    return Optional.of(json.booleanNode(bool.booleanValue()));
                }
                errors.add(new FieldError(path + ".valueBoolean", "a yes/no question needs valueBoolean"));
            }
            case SCALE, NUMBER -> {
                if (value instanceof IntegerType number && number.hasValue()) {
                    int n = number.getValue();
                    if (n < question.min() || n > question.max()) {
                        errors.add(new FieldError(
                                path + ".valueInteger",
                                "must be between " + question.min() + " and " + question.max() + ", was " + n));
                        return Optional.empty();
                    }
                    return Optional.of(json.numberNode(n));
                }
                errors.add(new FieldError(path + ".valueInteger", "a number question needs valueInteger"));
            }
            case SINGLE, MULTIPLE -> {
                if (value instanceof Coding coding && coding.hasCode()) {
                    boolean known = question.options().stream()
                            .anyMatch(option -> option.value().equals(coding.getCode()));
                    if (!known || coding.hasSystem() && !FhirCodes.INTAKE_ANSWER.equals(coding.getSystem())) {
                        errors.add(new FieldError(
                                path + ".valueCoding",
                                "'" + coding.getCode() + "' is not one of the answers to " + question.field()));
                        return Optional.empty();
                    }
                    return Optional.of(json.textNode(coding.getCode()));
                }
                errors.add(new FieldError(path + ".valueCoding", "a choice question needs valueCoding"));
            }
        }
        return Optional.empty();
    }

    private static JsonNode at(JsonNode root, String field) {
        JsonNode node = root;
        for (String part : field.split("\\.", -1)) {
            node = node.path(part);
        }
        return node;
    }

    private static ObjectNode parentOf(ObjectNode root, String field) {
        String[] parts = field.split("\\.", -1);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
