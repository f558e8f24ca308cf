package backstop.plan;

import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.exercise.Equipment;
import backstop.json.Json;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.JsonBodies;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The plan page (parts by cause, coverage, weekly review), "Today" with timers and logging, the calendar, the API. */
public final class PlanPages implements Routes {
    private final PlanService plans;
    private final AssessmentService assessments;
    private final Templates templates;

    public PlanPages(PlanService plans, AssessmentService assessments, Templates templates) {
        this.plans = plans;
        this.assessments = assessments;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/plan", this::page, Access.SIGNED_IN);
        routes.post("/plan", this::createFromForm, Access.SIGNED_IN);
        routes.get("/plan/today", this::today, Access.SIGNED_IN);
        routes.post("/plan/today", this::logFromForm, Access.SIGNED_IN);
        routes.post("/plan/review", this::applyReview, Access.SIGNED_IN);
        routes.get("/plan/calendar.ics", this::calendar, Access.SIGNED_IN);
        // The plan page's one calendar form downloads with its second button (a POST, so the CSRF token stays out
        // of the address).
        routes.post("/plan/calendar.ics", this::calendarFromForm, Access.SIGNED_IN);
        routes.post("/plan/calendar/feed", this::createFeed, Access.SIGNED_IN);
        routes.post("/plan/calendar/feed/delete", this::deleteFeed, Access.SIGNED_IN);
        // The calendar app's address: the secret token in it is the only credential, so it is open to anyone.
        routes.get("/calendar/{file}", this::feed, Access.ANYONE);

        api.get(
                "/api/v1/plans/current",
                this::currentJson,
                Access.SIGNED_IN,
                "My current plan",
                "The plan with its parts (each naming the causes it addresses), sessions, desk habits, injection-referral"
                        + " criteria and the coverage check.",
                "The plan; 404 before the first plan.");
        api.post(
                "/api/v1/plans",
                this::createJson,
                Access.SIGNED_IN,
                "Make my plan",
                "Builds a plan from the caller's newest assessment. 409 when that assessment found signs that need a"
                        + " doctor first.",
                preferencesSchema(),
                "The new plan (201).");
        api.get(
                "/api/v1/plans/current/today",
                this::todayJson,
                Access.SIGNED_IN,
                "Today's session",
                "The session due on `date` (yyyy-mm-dd, default today) and the desk micro-break routine.",
                "Sessions with exercises, doses and time estimates.");
        api.post(
                "/api/v1/plans/current/sessions",
                this::logJson,
                Access.SIGNED_IN,
                "Log a session",
                "What was done of a day's session, each exercise planned next to performed, with pain before and"
                        + " during (0-10).",
                logSchema(),
                "The logged exercises.");
        api.get(
                "/api/v1/plans/current/review",
                this::reviewJson,
                Access.SIGNED_IN,
                "Weekly review",
                "What the last seven days' logs suggest for each exercise: progress, hold or step back, and why.",
                "Decisions and adherence.");
        api.post(
                "/api/v1/plans/current/review",
                ctx -> ctx.json(view(plans.applyReview(
                        Visitor.of(ctx).requireUser(), Visitor.of(ctx).caller()))),
                Access.SIGNED_IN,
                "Apply the weekly review",
                "Stores a new plan version with the review's changes.",
                Map.of("type", "object"),
                "The new plan version.");
    }

    private void page(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        Optional<StoredPlan> plan = plans.current(me, visitor.caller());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("plan", plan);
        params.put("assessment", assessments.latest(me, visitor.caller()));
        params.put("equipment", List.of(Equipment.values()));
        params.put("days", List.of(DayOfWeek.values()));
        params.put("preferences", plan.map(StoredPlan::preferences).orElse(PlanPreferences.defaults()));
        params.put("errors", List.<FieldError>of());
        params.put("refusal", "");
        params.put("todays", plan.map(stored -> stored.plan().today(plans.today())));
        if (plan.isPresent()) {
            params.put("hasFeed", plans.hasFeed(me));
            params.put("review", Optional.of(plans.review(me, visitor.caller())));
            params.put("adherence", Optional.of(plans.adherence(me, visitor.caller())));
        } else {
            params.put("hasFeed", false);
            params.put("review", Optional.empty());
            params.put("adherence", Optional.empty());
        }
        templates.render(ctx, "plan/plan.jte", "Your plan", params);
    }

    private void createFromForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        try {
            PlanPreferences preferences = PlanPreferences.fromText(
                    ctx.formParam("minutes_per_session"), ctx.formParams("equipment"), ctx.formParams("strength_days"));
            if ("on".equals(ctx.formParam("doctor_cleared"))) {
                preferences = preferences.withClinicianClearance();
            }
            plans.create(visitor.requireUser(), preferences, visitor.caller());
            ctx.redirect("/plan");
        } catch (BadInputException e) {
            ctx.status(400);
            templates.render(
                    ctx,
                    "error.jte",
                    "Please check what you entered",
                    Map.of(
                            "status",
                            400,
                            "message",
                            "The plan could not be made from these settings.",
                            "errors",
                            e.errors()));
        }
    }

    private void today(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        LocalDate date = date(ctx.queryParam("date")).orElse(plans.today());
        Optional<StoredPlan> plan = plans.current(me, visitor.caller());
        if (plan.isEmpty()) {
            // No plan yet: the plan page explains how to get one.
            ctx.redirect("/plan");
            return;
        }
        renderToday(
                ctx,
                me,
                plan.get(),
                plan.get().plan().today(date),
                Map.of(),
                List.of(),
                "1".equals(ctx.queryParam("logged")));
    }

    /**
     * The Today page. It leads with what was already logged for the day (each exercise with its numbers and the pain
     * logged); after a refused form it shows what the person entered, and what is missing in words.
     */
    private void renderToday(
            Context ctx,
            User me,
            StoredPlan stored,
            TodaySession session,
            Map<String, String> entered,
            List<FieldError> errors,
            boolean saved) {
        Visitor visitor = Visitor.of(ctx);
        List<SessionLog> logged = plans.logs(me, session.date(), session.date(), visitor.caller());
        Map<String, String> values = new LinkedHashMap<>(entered);
        Map<String, String> names = new LinkedHashMap<>();
        session.sessions().forEach(part -> part.exercises().forEach(e -> names.put(e.id(), e.name())));
        List<String> problems =
                errors.stream().map(error -> inWords(error, names)).distinct().toList();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(error -> fieldErrors.putIfAbsent(error.field(), error.message()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("session", session);
        params.put("logged", logged);
        params.put("catalogue", plans.catalogue());
        params.put("saved", saved);
        params.put("values", values);
        params.put("problems", problems);
        params.put("fieldErrors", fieldErrors);
        params.put("stored", stored);
        templates.render(ctx, "plan/today.jte", "Today's session", params);
    }

    /** A refused field of the Today form as a sentence a person understands, without field names. */
    static String inWords(FieldError error, Map<String, String> exerciseNames) {
        String field = error.field();
        String what;
        if (field.equals("pain_before")) {
            what = "Pain before the session";
        } else if (field.equals("pain_during")) {
            what = "Worst pain during the session";
        } else if (field.equals("exercises")) {
            what = "Exercises";
        } else if (field.contains(".")) {
            String id = field.substring(0, field.indexOf('.'));
            String part = field.substring(field.indexOf('.') + 1);
            what = exerciseNames.getOrDefault(id, "An exercise") + ": "
                    + switch (part) {
                        case "sets" -> "sets";
                        case "reps" -> "repetitions";
                        case "hold", "hold_seconds" -> "hold (seconds)";
                        default -> part.replace('_', ' ');
                    };
        } else {
            what = field.replace('_', ' ');
        }
        return what + ": " + error.message() + ".";
    }

    private void logFromForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        LocalDate date = date(ctx.formParam("date")).orElseThrow(() -> new BadInputException("date", "is missing"));
        TodaySession session = plans.today(me, date, visitor.caller());
        try {
            logSession(ctx, me, date, session);
            ctx.redirect("/plan/today?date=" + date + "&logged=1");
        } catch (BadInputException e) {
            // Nothing is written; the form comes back as it was sent, with what is missing said in words.
            Map<String, String> entered = new LinkedHashMap<>();
            ctx.formParamMap().forEach((name, list) -> {
                if (!list.isEmpty() && !name.equals("_csrf")) {
                    entered.put(name, list.get(0));
                }
            });
            ctx.status(400);
            renderToday(
                    ctx, me, plans.current(me, visitor.caller()).orElseThrow(), session, entered, e.errors(), false);
        }
    }

    private void logSession(Context ctx, User me, LocalDate date, TodaySession session) {
        Visitor visitor = Visitor.of(ctx);
        List<FieldError> errors = new ArrayList<>();
        int painBefore = pain(ctx.formParam("pain_before"), "pain_before", errors);
        int painDuring = pain(ctx.formParam("pain_during"), "pain_during", errors);
        List<SessionLog> logs = new ArrayList<>();
        for (SessionLog.Planned planned : session.toLog()) {
            String id = planned.exerciseId();
            if (!"on".equals(ctx.formParam(id + ".done"))) {
                continue;
            }
            int sets = count(ctx.formParam(id + ".sets"), id + ".sets", planned.targetSets(), errors);
            int reps = count(ctx.formParam(id + ".reps"), id + ".reps", planned.targetReps(), errors);
            int hold = count(ctx.formParam(id + ".hold"), id + ".hold", planned.targetHoldSeconds(), errors);
            done(planned, sets, reps, hold, painBefore, painDuring, id + ".", errors)
                    .ifPresent(logs::add);
        }
        if (logs.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("exercises", "tick at least one exercise you did"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        plans.logSession(me, date, logs, visitor.caller());
    }

    private void applyReview(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        plans.applyReview(visitor.requireUser(), visitor.caller());
        ctx.redirect("/plan#review");
    }

    private void calendar(Context ctx) {
        calendar(ctx, feedSettings(ctx::queryParam));
    }

    private void calendarFromForm(Context ctx) {
        calendar(ctx, feedSettings(ctx::formParam));
    }

    private void calendar(Context ctx, CalendarFeed feed) {
        Visitor visitor = Visitor.of(ctx);
        String ics = plans.calendar(
                visitor.requireUser(),
                feed.zone(),
                feed.sessionTime(),
                feed.workStart(),
                feed.workEnd(),
                visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-plan.ics\"");
        ctx.contentType("text/calendar; charset=utf-8").result(ics);
    }

    private void createFeed(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String token = plans.createFeed(visitor.requireUser(), feedSettings(ctx::formParam), visitor.caller());
        String scheme = backstop.web.Auth.isSecure(ctx) ? "https" : "http";
        String address = ctx.host() + "/calendar/" + token + ".ics";
        templates.render(
                ctx,
                "plan/feed.jte",
                "Your calendar address",
                Map.of("https", scheme + "://" + address, "webcal", "webcal://" + address));
    }

    private void deleteFeed(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        plans.deleteFeed(visitor.requireUser(), visitor.caller());
        ctx.redirect("/plan#calendar");
    }

    private void feed(Context ctx) {
        String file = ctx.pathParam("file");
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - ".ics".length()) : "";
        String ics = plans.feed(token, Visitor.of(ctx).address())
                .orElseThrow(() -> new backstop.error.NotFoundException("no calendar at this address"));
        ctx.contentType("text/calendar; charset=utf-8").result(ics);
    }

    /** Time zone and times of day from a form or a query, each bad one named. */
    private static CalendarFeed feedSettings(java.util.function.Function<String, String> field) {
        ZoneId zone;
        try {
            zone = ZoneId.of(Optional.ofNullable(field.apply("zone"))
                    .filter(z -> !z.isBlank())
                    .orElse("UTC")
                    .strip());
        } catch (DateTimeException e) {
            throw new BadInputException("zone", "is not a time zone such as Europe/Berlin");
        }
        return new CalendarFeed(
                zone,
                time(field, "session", "07:30"),
                time(field, "work_start", "09:00"),
                time(field, "work_end", "17:00"));
    }

    private void currentJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        StoredPlan plan = plans.current(visitor.requireUser(), visitor.caller())
                .orElseThrow(() -> new backstop.error.NotFoundException("no plan yet"));
        ctx.json(view(plan));
    }

    private void createJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        JsonNode body = JsonBodies.tree(JsonBodies.text(ctx));
        if (!body.isObject()) {
            throw new BadInputException("body", "must be a JSON object of preferences");
        }
        List<FieldError> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!Set.of("minutes_per_session", "equipment", "strength_days", "cleared_by_clinician")
                    .contains(name)) {
                unknown.add(new FieldError(name, "is not a known field"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadInputException(unknown);
        }
        JsonNode minutes = body.path("minutes_per_session");
        if (!minutes.isMissingNode() && !minutes.isIntegralNumber()) {
            throw new BadInputException("minutes_per_session", "must be a whole number of minutes");
        }
        PlanPreferences preferences = PlanPreferences.fromText(
                minutes.isMissingNode() ? null : minutes.asText(),
                texts(body, "equipment"),
                texts(body, "strength_days"));
        JsonNode cleared = body.path("cleared_by_clinician");
        if (!cleared.isMissingNode() && !cleared.isBoolean()) {
            throw new BadInputException("cleared_by_clinician", "must be true or false");
        }
        if (cleared.asBoolean(false)) {
            preferences = preferences.withClinicianClearance();
        }
        ctx.status(201).json(view(plans.create(visitor.requireUser(), preferences, visitor.caller())));
    }

    private void todayJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(plans.today(
                visitor.requireUser(), date(ctx.queryParam("date")).orElse(plans.today()), visitor.caller()));
    }

    private void logJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        JsonNode body = JsonBodies.tree(JsonBodies.text(ctx));
        if (!body.isObject()) {
            throw new BadInputException("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("date", "pain_before", "pain_during", "exercises"), "", errors);
        LocalDate date = date(body.path("date").isTextual() ? body.get("date").asText() : null)
                .orElseThrow(() -> new BadInputException("date", "is required, written yyyy-mm-dd"));
        int painBefore = integer(body, "pain_before", "pain_before", true, errors);
        int painDuring = integer(body, "pain_during", "pain_during", true, errors);
        checkPain(painBefore, "pain_before", errors);
        checkPain(painDuring, "pain_during", errors);
        Map<String, SessionLog.Planned> planned = new LinkedHashMap<>();
        plans.today(me, date, visitor.caller()).toLog().forEach(p -> planned.put(p.exerciseId(), p));
        JsonNode exercises = body.path("exercises");
        List<SessionLog> logs = new ArrayList<>();
        if (!exercises.isArray() || exercises.isEmpty()) {
            errors.add(new FieldError("exercises", "must be a list of at least one exercise"));
        } else {
            Set<String> seen = new java.util.HashSet<>();
            for (int index = 0; index < exercises.size(); index++) {
                JsonNode item = exercises.get(index);
                String at = "exercises[" + index + "]";
                if (!item.isObject()) {
                    errors.add(new FieldError(at, "must be an object"));
                    continue;
                }
                unknownFields(item, Set.of("exercise_id", "sets", "reps", "hold_seconds"), at + ".", errors);
                String id = item.path("exercise_id").isTextual()
                        ? item.get("exercise_id").asText()
                        : "";
                SessionLog.Planned target = planned.get(id);
                if (target == null) {
                    errors.add(new FieldError(at + ".exercise_id", "'" + id + "' is not in the plan for " + date));
                    continue;
                }
                if (!seen.add(id)) {
                    errors.add(new FieldError(at + ".exercise_id", "'" + id + "' is listed twice"));
                    continue;
                }
                int sets = integer(item, "sets", at + ".sets", true, errors);
                int reps = integer(item, "reps", at + ".reps", true, errors);
                int hold = item.has("hold_seconds")
                        ? integer(item, "hold_seconds", at + ".hold_seconds", true, errors)
                        : 0;
                done(target, sets, reps, hold, Math.max(0, painBefore), Math.max(0, painDuring), at + ".", errors)
                        .ifPresent(logs::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        plans.logSession(me, date, logs, visitor.caller());
        ctx.status(201).json(logs);
    }

    /** The log of one exercise, or its problems added to {@code errors} under {@code prefix} (pain is named apart). */
    private static Optional<SessionLog> done(
            SessionLog.Planned planned,
            int sets,
            int reps,
            int hold,
            int painBefore,
            int painDuring,
            String prefix,
            List<FieldError> errors) {
        if (errors.stream()
                .anyMatch(error ->
                        error.field().startsWith(prefix) || error.field().startsWith("pain_"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(planned.done(sets, reps, hold, painBefore, painDuring));
        } catch (BadInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            return Optional.empty();
        }
    }

    /** A whole number field of a JSON object; a missing or non-integer one is named. */
    private static int integer(JsonNode node, String name, String field, boolean required, List<FieldError> errors) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return -1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            errors.add(new FieldError(field, "must be a whole number"));
            return -1;
        }
        return value.asInt();
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<FieldError> errors) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, "is not a known field"));
            }
        });
    }

    private static void checkPain(int value, String field, List<FieldError> errors) {
        if (value != -1 && (value < 0 || value > 10)) {
            errors.add(new FieldError(field, "must be from 0 to 10"));
        }
    }

    private void reviewJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(plans.review(visitor.requireUser(), visitor.caller()));
    }

    static Map<String, Object> view(StoredPlan stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("created_at", stored.createdAt().toString());
        view.put("reason", stored.reason());
        view.put("preferences", stored.preferences());
        stored.change().ifPresent(change -> view.put("changed_by", change));
        view.putAll(Json.mapper()
                .convertValue(Json.mapper().valueToTree(stored.plan()), new TypeReference<Map<String, Object>>() {}));
        return view;
    }

    private static List<String> texts(JsonNode body, String field) {
        List<String> values = new ArrayList<>();
        JsonNode node = body.path(field);
        if (node.isMissingNode()) {
            return values;
        }
        if (!node.isArray()) {
            throw new BadInputException(field, "must be a list of names");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new BadInputException(field, "must be a list of names");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static Optional<LocalDate> date(String text) {
        return DateParam.optional("date", text);
    }

    private static LocalTime time(java.util.function.Function<String, String> field, String name, String fallback) {
        String text =
                Optional.ofNullable(field.apply(name)).filter(t -> !t.isBlank()).orElse(fallback);
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadInputException(name, "must be a time written hh:mm");
        }
    }

    private static int pain(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "please rate your pain from 0 to 10"));
            return -1;
        }
        try {
            int value = Integer.parseInt(text.strip());
            checkPain(value, field, errors);
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number from 0 to 10"));
            return -1;
        }
    }

    private static int count(String text, String field, int planned, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return planned;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return planned;
        }
    }

    private static Map<String, Object> preferencesSchema() {
        return Map.of(
                "type",
                "object",
                "additionalProperties",
                false,
                "properties",
                Map.of(
                        "minutes_per_session",
                                Map.of(
                                        "type",
                                        "integer",
                                        "minimum",
                                        PlanPreferences.MIN_MINUTES,
                                        "maximum",
                                        PlanPreferences.MAX_MINUTES),
                        "cleared_by_clinician",
                                Map.of(
                                        "type",
                                        "boolean",
                                        "description",
                                        "The person confirms that a doctor"
                                                + " examined them after an urgent or soon result and said exercise is safe; never enough after an"
                                                + " emergency result."),
                        "equipment",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of(
                                                "enum",
                                                Arrays.stream(Equipment.values())
                                                        .map(Equipment::code)
                                                        .toList())),
                        "strength_days",
                                Map.of(
                                        "type",
                                        "array",
                                        "minItems",
                                        2,
                                        "maxItems",
                                        4,
                                        "items",
                                        Map.of(
                                                "enum",
                                                Arrays.stream(DayOfWeek.values())
                                                        .map(Enum::name)
                                                        .toList()))));
    }

    private static Map<String, Object> logSchema() {
        return Map.of(
                "type",
                "object",
                "required",
                List.of("date", "pain_before", "pain_during", "exercises"),
                "properties",
                Map.of(
                        "date", Map.of("type", "string", "format", "date"),
                        "pain_before", Map.of("type", "integer", "minimum", 0, "maximum", 10),
                        "pain_during", Map.of("type", "integer", "minimum", 0, "maximum", 10),
                        "exercises",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of(
                                                "type",
                                                "object",
                                                "required",
                                                List.of("exercise_id", "sets", "reps"),
                                                "properties",
                                                Map.of(
                                                        "exercise_id",
                                                        Map.of("type", "string"),
                                                        "sets",
                                                        Map.of("type", "integer"),
                                                        "reps",
                                                        Map.of("type", "integer"),
                                                        "hold_seconds",
                                                        Map.of("type", "integer"))))));
    }
}
