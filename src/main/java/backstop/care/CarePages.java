package backstop.care;

import backstop.account.User;
import backstop.error.NotFoundException;
import backstop.model.Cause;
import backstop.plan.PlanPart;
import backstop.plan.StoredPlan;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prescribing for the clinician ({@code /clinic/patients/{id}/plan}: edit, preview with the coverage check, save) and
 * the person's plan versions ({@code /plan/versions}). Reads the request, calls {@link CareService}, renders.
 */
public final class CarePages implements Routes {
    private final CareService care;
    private final Templates templates;

    public CarePages(CareService care, Templates templates) {
        this.care = care;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/clinic/patients/{id}/plan", this::prescribePage, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/plan/preview", this::previewPage, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/plan", this::save, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/plan/create", this::createPlan, Access.CLINICIAN);
        routes.get("/plan/versions", this::versions, Access.SIGNED_IN);
        routes.get("/plan/versions/{version}", this::version, Access.SIGNED_IN);
        routes.get("/clinic/patients/{id}/measures", this::clinicMeasures, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/measures", this::schedule, Access.CLINICIAN);
        routes.get("/measures", this::myMeasures, Access.SIGNED_IN);
        routes.get("/measures/tasks", this::tasksPartial, Access.SIGNED_IN);
        routes.get("/measures/{measure}", this::measureForm, Access.SIGNED_IN);
        routes.post("/measures/{measure}", this::answer, Access.SIGNED_IN);
        routes.get("/clinic/patients/{id}/referrals", this::referrals, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/referrals", this::refer, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/referrals/{referral}/outcome", this::referralOutcome, Access.CLINICIAN);
        CareApiPages.register(api, care);
    }

    private void prescribePage(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        if (!care.hasPlan(visitor.requireUser(), id(ctx), visitor.caller())) {
            User person = care.patient(visitor.requireUser(), id(ctx), visitor.caller());
            templates.render(ctx, "care/no_plan.jte", "No plan yet", new NoPlanView(person));
            return;
        }
        CareService.Prescribing now = care.prescribing(visitor.requireUser(), id(ctx), visitor.caller());

        PrescribeView view = new PrescribeView(
                now,
                care.catalogue().all(),
                List.of(DayOfWeek.values()),
                List.of(Cause.values()),
                Prescriber.HABIT_KINDS.stream().sorted().toList(),
                "1".equals(ctx.queryParam("saved")));
        templates.render(ctx, "care/prescribe.jte", "Plan of " + CareService.name(now.person()), view);
    }

    private void previewPage(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        CareService.Prescribing now = care.prescribing(visitor.requireUser(), personId, visitor.caller());
        Map<String, List<String>> form = ctx.formParamMap();
        PlanEdit edit = PlanForm.read(now.current().plan(), now.current().heldExercises(), form);
        Preview preview = care.preview(visitor.requireUser(), personId, edit, visitor.caller());
        Map<String, List<String>> carried = new LinkedHashMap<>(form);
        carried.remove("_csrf");
        carried.remove("previewed");

        PreviewView view = new PreviewView(now, edit, preview, carried);
        templates.render(ctx, "care/preview.jte", "Check the change", view);
    }

    private void save(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        CareService.Prescribing now = care.prescribing(visitor.requireUser(), personId, visitor.caller());
        PlanEdit edit = PlanForm.read(now.current().plan(), now.current().heldExercises(), ctx.formParamMap());
        care.prescribe(visitor.requireUser(), personId, edit, ctx.formParam("previewed"), visitor.caller());
        ctx.redirect("/clinic/patients/" + personId + "/plan?saved=1");
    }

    private void createPlan(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        care.createPlan(visitor.requireUser(), personId, visitor.caller());
        ctx.redirect("/clinic/patients/" + personId + "/plan");
    }

    private void versions(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        List<StoredPlan> versions = care.versions(visitor.requireUser(), visitor.caller());
        templates.render(ctx, "care/versions.jte", "Your plan's versions", new VersionsView(versions));
    }

    private void version(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long wanted = ctx.pathParamAsClass("version", Long.class).get();
        StoredPlan version = care.versions(visitor.requireUser(), visitor.caller()).stream()
                .filter(v -> v.id() == wanted)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no such version of your plan"));
        templates.render(ctx, "care/version.jte", "Your plan as it was", new VersionView(version));
    }

    private void clinicMeasures(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        long personId = id(ctx);
        User person = care.patient(me, personId, visitor.caller());

        ClinicMeasuresView view = new ClinicMeasuresView(
                person,
                care.measuresOf(me, personId, visitor.caller()),
                care.schedulesOf(me, personId, visitor.caller()),
                care.measureDefinitions().schedulable(),
                care.today().toString(),
                "1".equals(ctx.queryParam("scheduled")));
        templates.render(ctx, "care/measures_clinic.jte", "Outcome measures", view);
    }

    private void schedule(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        care.patient(visitor.requireUser(), personId, visitor.caller()); // refused before the form is read
        care.scheduleMeasure(
                visitor.requireUser(),
                personId,
                text(ctx.formParam("measure")),
                CareApiPages.date(ctx.formParam("first_due"), "first_due"),
                CareApiPages.whole(ctx.formParam("every_days"), "every_days"),
                visitor.caller());
        ctx.redirect("/clinic/patients/" + personId + "/measures?scheduled=1");
    }

    private void myMeasures(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();

        MeasuresView view = new MeasuresView(
                care.tasks(me, visitor.caller()),
                care.myMeasures(me, visitor.caller()),
                "1".equals(ctx.queryParam("answered")));
        templates.render(ctx, "care/measures.jte", "Your questionnaires", view);
    }

    private void tasksPartial(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        templates.partial(ctx, "care/_tasks.jte", new TasksView(care.tasks(visitor.requireUser(), visitor.caller())));
    }

    private void measureForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String measure = ctx.pathParam("measure");
        MeasureTask task = care.tasks(visitor.requireUser(), visitor.caller()).stream()
                .filter(t -> t.measure().equals(measure))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("this questionnaire is not due for you now"));

        MeasureFormView view =
                new MeasureFormView(care.measureDefinitions().find(measure).orElseThrow(), task);
        templates.render(ctx, "care/measure_form.jte", task.name(), view);
    }

    private void answer(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String measure = ctx.pathParam("measure");
        List<MeasureAnswer.Activity> activities = new java.util.ArrayList<>();
        List<backstop.error.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 1; i <= Measures.MAX_ACTIVITIES; i++) {
            String activity = text(ctx.formParam("activity" + i));
            String rating = text(ctx.formParam("rating" + i));
            if (activity.isEmpty() && rating.isEmpty()) {
                continue;
            }
            try {
                activities.add(new MeasureAnswer.Activity(activity, Integer.parseInt(rating)));
            } catch (NumberFormatException e) {
                errors.add(new backstop.error.FieldError("rating" + i, "rate the activity 0 to 10"));
            }
        }
        if (!errors.isEmpty()) {
            throw new backstop.error.BadInputException(errors);
        }
        java.util.Optional<Integer> choice = text(ctx.formParam("choice")).isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(CareApiPages.whole(ctx.formParam("choice"), "choice"));
        care.answer(visitor.requireUser(), measure, new MeasureAnswer(activities, choice), visitor.caller());
        ctx.redirect("/measures?answered=1");
    }

    private void referrals(Context ctx) {
        Visitor visitor = Visitor.of(ctx);

        ReferralsView view = new ReferralsView(
                care.referralDesk(visitor.requireUser(), id(ctx), visitor.caller()),
                care.today().toString(),
                "1".equals(ctx.queryParam("recorded")));
        templates.render(ctx, "care/referrals.jte", "Injection referrals", view);
    }

    private void refer(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        care.patient(visitor.requireUser(), personId, visitor.caller());
        String criterion = text(ctx.formParam("criterion_id"));
        care.refer(
                visitor.requireUser(),
                personId,
                CareApiPages.kind(ctx.formParam("kind")),
                ctx.formParam("referred_to"),
                ctx.formParam("reason"),
                criterion.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(criterion),
                visitor.caller());
        ctx.redirect("/clinic/patients/" + personId + "/referrals?recorded=1");
    }

    private void referralOutcome(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        long personId = id(ctx);
        care.patient(visitor.requireUser(), personId, visitor.caller());
        Referral.Outcome outcome = CareApiPages.outcome(ctx.formParam("outcome"));
        care.referralOutcome(
                visitor.requireUser(),
                personId,
                ctx.pathParamAsClass("referral", Long.class).get(),
                outcome,
                outcome == Referral.Outcome.DONE ? CareApiPages.date(ctx.formParam("date"), "date") : null,
                ctx.formParam("note"),
                visitor.caller());
        ctx.redirect("/clinic/patients/" + personId + "/referrals?recorded=1");
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    static String kindCode(PlanPart.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
