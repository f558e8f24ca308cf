package backstop.plan;

import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.StoredAssessment;
import backstop.error.BadInputException;
import backstop.exercise.Equipment;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.ErrorView;
import backstop.web.JsonBodies;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
                PlanRequest.class,
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
                SessionReport.class,
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
                ctx -> ctx.json(PlanJson.view(plans.applyReview(
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
        Optional<StoredAssessment> assessment = assessments.latest(me, visitor.caller());
        Optional<TodaySession> todays = plan.map(stored -> stored.plan().today(plans.today()));
        boolean hasFeed = plan.isPresent() && plans.hasFeed(me);
        Optional<WeeklyReview> review =
                plan.isPresent() ? Optional.of(plans.review(me, visitor.caller())) : Optional.empty();
        Optional<Adherence> adherence =
                plan.isPresent() ? Optional.of(plans.adherence(me, visitor.caller())) : Optional.empty();
        PlanView view = new PlanView(
                plan,
                assessment,
                List.of(Equipment.values()),
                List.of(DayOfWeek.values()),
                plan.map(StoredPlan::preferences).orElse(PlanPreferences.defaults()),
                review,
                adherence,
                hasFeed,
                todays);
        templates.render(ctx, "plan/plan.jte", "Your plan", view);
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
                    new ErrorView(400, "The plan could not be made from these settings.", e.errors()));
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
                TodayEntry.fresh(),
                "1".equals(ctx.queryParam("logged")));
    }

    /**
     * The Today page. It leads with what was already logged for the day (each exercise with its numbers and the pain
     * logged); after a refused form it shows what the person entered, and what is missing in words.
     */
    private void renderToday(
            Context ctx, User me, StoredPlan stored, TodaySession session, TodayEntry entry, boolean saved) {
        Visitor visitor = Visitor.of(ctx);
        TodayView view = new TodayView(
                session,
                plans.logs(me, session.date(), session.date(), visitor.caller()),
                plans.catalogue(),
                saved,
                stored,
                entry);
        templates.render(ctx, "plan/today.jte", "Today's session", view);
    }

    private void logFromForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        LocalDate date = date(ctx.formParam("date")).orElseThrow(() -> new BadInputException("date", "is missing"));
        TodaySession session = plans.today(me, date, visitor.caller());
        try {
            plans.logSession(me, date, TodayForm.logs(ctx::formParam, session), visitor.caller());
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
                    ctx,
                    me,
                    plans.current(me, visitor.caller()).orElseThrow(),
                    session,
                    TodayEntry.refused(entered, e.errors(), session),
                    false);
        }
    }

    private void applyReview(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        plans.applyReview(visitor.requireUser(), visitor.caller());
        ctx.redirect("/plan#review");
    }

    private void calendar(Context ctx) {
        calendar(ctx, CalendarFeed.from(ctx::queryParam));
    }

    private void calendarFromForm(Context ctx) {
        calendar(ctx, CalendarFeed.from(ctx::formParam));
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
        String token = plans.createFeed(visitor.requireUser(), CalendarFeed.from(ctx::formParam), visitor.caller());
        String scheme = backstop.web.Auth.isSecure(ctx) ? "https" : "http";
        String address = ctx.host() + "/calendar/" + token + ".ics";
        templates.render(
                ctx,
                "plan/feed.jte",
                "Your calendar address",
                new FeedView(scheme + "://" + address, "webcal://" + address));
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

    private void currentJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        StoredPlan plan = plans.current(visitor.requireUser(), visitor.caller())
                .orElseThrow(() -> new backstop.error.NotFoundException("no plan yet"));
        ctx.json(PlanJson.view(plan));
    }

    private void createJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        PlanPreferences preferences = JsonBodies.read(ctx, PlanRequest.class).preferences();
        ctx.status(201).json(PlanJson.view(plans.create(visitor.requireUser(), preferences, visitor.caller())));
    }

    private void todayJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(plans.today(
                visitor.requireUser(), date(ctx.queryParam("date")).orElse(plans.today()), visitor.caller()));
    }

    private void logJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        SessionReport report = JsonBodies.read(ctx, SessionReport.class);
        List<SessionLog> logs = report.logs(plans.today(me, report.date(), visitor.caller()));
        plans.logSession(me, report.date(), logs, visitor.caller());
        ctx.status(201).json(logs);
    }

    private void reviewJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(plans.review(visitor.requireUser(), visitor.caller()));
    }

    private static Optional<LocalDate> date(String text) {
        return DateParam.optional("date", text);
    }
}
