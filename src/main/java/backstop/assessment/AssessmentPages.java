package backstop.assessment;

import backstop.account.User;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.JsonBodies;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The intake in the browser (one topic per screen, red-flag screen first and not skippable), the result and
 * history pages, and the {@code /api/v1/assessments} routes.
 *
 * <p>The browser intake keeps no server state between screens: answers already given travel along as hidden
 * fields, and every screen is checked against the same JSON Schema the API uses.
 */
public final class AssessmentPages implements Routes {
    private static final Set<String> CONTROL_FIELDS = Set.of("_csrf", "_step", "_action");
    private final AssessmentService assessments;
    private final Templates templates;
    private final IntakeForm form;

    public AssessmentPages(AssessmentService assessments, Templates templates) {
        this.assessments = assessments;
        this.templates = templates;
        this.form = new IntakeForm(assessments.questionnaire());
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/assessment", ctx -> showStep(ctx, 0, Map.of(), List.of()), Access.SIGNED_IN);
        routes.post("/assessment", this::step, Access.SIGNED_IN);
        routes.get("/assessments", this::history, Access.SIGNED_IN);
        routes.get("/assessments/{id}", this::result, Access.SIGNED_IN);
        api.post(
                "/api/v1/assessments",
                this::create,
                Access.SIGNED_IN,
                "Take an assessment",
                "Screens for red flags, then scores the five root causes. The body is an intake document (JSON Schema"
                        + " at /api/v1/assessments/schema); every invalid field is named in the 400 answer. Stored in"
                        + " the caller's history; answers 201 with the result and its id.",
                Map.of("$ref", "/api/v1/assessments/schema"),
                "The stored result: id, taken_at, urgency, red_flags, causes, findings, rules_version.");
        api.get(
                "/api/v1/assessments",
                this::list,
                Access.SIGNED_IN,
                "My assessments",
                "The caller's assessments, newest first.",
                "A list of stored results.");
        api.get(
                "/api/v1/assessments/schema",
                ctx -> ctx.json(assessments.intakeSchema(IntakeSchema.CURRENT)),
                Access.ANYONE,
                "Intake schema",
                "The JSON Schema of the current intake version (2): a document says \"intake_version\": 2. A document"
                        + " without intake_version is read as version 1 (see /api/v1/assessments/schema/1).",
                "The JSON Schema.");
        api.get(
                "/api/v1/assessments/schema/{version}",
                ctx -> ctx.json(assessments.intakeSchema(
                        ctx.pathParamAsClass("version", Integer.class).get())),
                Access.ANYONE,
                "Intake schema of one version",
                "The JSON Schema of intake version 1 or 2; 404 for any other.",
                "The JSON Schema.");
        api.get(
                "/api/v1/assessments/{id}",
                this::one,
                Access.SIGNED_IN,
                "One assessment",
                "One of the caller's own assessments, with the change since the one before.",
                "The stored result.");
    }

    private void step(Context ctx) {
        Map<String, List<String>> answers = answers(ctx);
        int step = ctx.formParamAsClass("_step", Integer.class)
                .check(value -> value != null && value >= 0 && value < topics().size(), "is not a step of the intake")
                .get();
        if ("back".equals(ctx.formParam("_action"))) {
            showStep(ctx, Math.max(0, step - 1), answers, List.of());
            return;
        }
        Questionnaire.Topic topic = topics().get(step);
        // An emergency answer ends the intake at once, even if other questions on this screen are still blank.
        if (topic.redFlagScreen()) {
            Optional<AssessmentResult> emergency = assessments.emergencySoFar(form.toJson(answers));
            if (emergency.isPresent()) {
                templates.render(ctx, "assessment/emergency.jte", "Get help now", new EmergencyView(emergency.get()));
                return;
            }
        }
        List<FieldError> errors = errorsOnThisScreen(topic, answers);
        if (!errors.isEmpty()) {
            ctx.status(400);
            showStep(ctx, step, answers, errors);
            return;
        }
        if (step + 1 < topics().size()) {
            showStep(ctx, step + 1, answers, List.of());
            return;
        }
        User me = Visitor.of(ctx).requireUser();
        try {
            StoredAssessment stored =
                    assessments.submit(me, form.toJson(answers), Visitor.of(ctx).caller());
            ctx.redirect("/assessments/" + stored.id());
        } catch (BadInputException e) {
            ctx.status(400);
            showStep(ctx, firstTopicWithError(e.errors()), answers, e.errors());
        }
    }

    private void showStep(Context ctx, int step, Map<String, List<String>> answers, List<FieldError> errors) {
        Questionnaire.Topic topic = topics().get(step);

        StepView view = new StepView(topic, step, topics().size(), answers, carried(topic, answers), errors);
        templates.render(ctx, "assessment/step.jte", topic.title(), view);
    }

    private void result(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        long id = ctx.pathParamAsClass("id", Long.class).get();
        StoredAssessment current = assessments.get(me, id, visitor.caller());
        Optional<AssessmentComparison> change = assessments
                .previous(me, current, visitor.caller())
                .map(previous -> AssessmentComparison.compare(previous.result(), current.result()));
        templates.render(ctx, "assessment/result.jte", "Your assessment", new ResultView(current, change, me));
    }

    private void history(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        List<StoredAssessment> history = assessments.history(visitor.requireUser(), visitor.caller());
        templates.render(
                ctx,
                "assessment/history.jte",
                "Your assessments",
                new HistoryView(
                        history, assessments.reassessmentDue(history), AssessmentService.REASSESS_AFTER.toDays()));
    }

    private void create(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        StoredAssessment stored = assessments.submit(visitor.requireUser(), JsonBodies.text(ctx), visitor.caller());
        ctx.status(201).json(view(stored, Optional.empty()));
    }

    private void list(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(assessments.history(visitor.requireUser(), visitor.caller()).stream()
                .map(stored -> view(stored, Optional.empty()))
                .toList());
    }

    private void one(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        StoredAssessment current =
                assessments.get(me, ctx.pathParamAsClass("id", Long.class).get(), visitor.caller());
        ctx.json(view(
                current,
                assessments
                        .previous(me, current, visitor.caller())
                        .map(previous -> AssessmentComparison.compare(previous.result(), current.result()))));
    }

    /** The API shape: the result's own fields, plus where it sits in the history. */
    private static Map<String, Object> view(StoredAssessment stored, Optional<AssessmentComparison> change) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("taken_at", stored.takenAt().toString());
        view.putAll(Json.mapper().convertValue(stored.result(), new TypeReference<Map<String, Object>>() {}));
        change.ifPresent(comparison -> view.put("change_since_previous", comparison));
        return view;
    }

    private List<Questionnaire.Topic> topics() {
        return assessments.questionnaire().topics();
    }

    /** The schema's complaints about the fields of this screen; later screens' fields are not judged yet. */
    private List<FieldError> errorsOnThisScreen(Questionnaire.Topic topic, Map<String, List<String>> answers) {
        List<FieldError> errors = new java.util.ArrayList<>();
        for (Questionnaire.Question question : topic.questions()) {
            boolean answered =
                    answers.getOrDefault(question.field(), List.of()).stream().anyMatch(v -> !v.isBlank());
            // The red-flag screen cannot be skipped: every one of its questions needs an answer.
            if (topic.redFlagScreen()
                    && question.kind() == Questionnaire.Kind.YES_NO
                    && question.onlyIfYes().isEmpty()
                    && !answered) {
                errors.add(new FieldError(question.field(), "please answer yes or no"));
            }
        }
        try {
            assessments.assessOnly(form.toJson(answers));
        } catch (BadInputException e) {
            e.errors().stream()
                    .filter(error -> belongsTo(topic, error.field()))
                    .filter(error ->
                            errors.stream().noneMatch(known -> known.field().equals(error.field())))
                    .forEach(errors::add);
        }
        return errors;
    }

    private int firstTopicWithError(List<FieldError> errors) {
        for (int i = 0; i < topics().size(); i++) {
            Questionnaire.Topic topic = topics().get(i);
            if (errors.stream().anyMatch(error -> belongsTo(topic, error.field()))) {
                return i;
            }
        }
        return topics().size() - 1;
    }

    private static boolean belongsTo(Questionnaire.Topic topic, String field) {
        return topic.questions().stream()
                .anyMatch(question -> field.equals(question.field())
                        || field.startsWith(question.field() + "[")
                        || field.startsWith(question.field() + "."));
    }

    /** Answers from other screens, sent along as hidden fields. */
    private static List<Map.Entry<String, String>> carried(
            Questionnaire.Topic topic, Map<String, List<String>> answers) {
        return answers.entrySet().stream()
                .filter(entry -> !belongsTo(topic, entry.getKey()))
                .flatMap(entry -> entry.getValue().stream().map(value -> Map.entry(entry.getKey(), value)))
                .toList();
    }

    private static Map<String, List<String>> answers(Context ctx) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!CONTROL_FIELDS.contains(name)) {
                answers.put(name, values);
            }
        });
        return answers;
    }
}
