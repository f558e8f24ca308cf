package backstop.care;

import backstop.json.Doc;
import backstop.plan.StoredPlan;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.JsonBodies;
import backstop.web.Visitor;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The clinician-scoped care routes under {@code /api/v1/clinic/patients/{id}} and the person's own care tasks. */
final class CareApiPages {
    private CareApiPages() {}

    /** The body of a preview or a save: the changes, why, and the note to the person. */
    record EditBody(
            List<Change> changes,
            @Doc(maxLength = PlanEdit.MAX_REASON) String reason,
            @Doc(maxLength = PlanEdit.MAX_NOTE) Optional<String> note,
            @Doc("The preview's digest; required to save.") Optional<String> previewed) {
        EditBody {
            note = note == null ? Optional.empty() : note;
            previewed = previewed == null ? Optional.empty() : previewed;
        }

        PlanEdit edit() {
            return new PlanEdit(changes, reason, note.orElse(null));
        }
    }

    static void register(Api api, CareService care) {
        registerMeasures(api, care);
        registerReferrals(api, care);
        api.post(
                "/api/v1/clinic/patients/{id}/plan/preview",
                ctx -> preview(ctx, care),
                Access.CLINICIAN,
                "Preview a change of a patient's plan",
                "Applies `changes` (remove_exercise, add_exercise, swap_exercise, set_dose, set_days,"
                        + " hold_progression, set_break_interval, remove_part, add_habit) to the linked person's"
                        + " current plan without saving, and runs the coverage check: `losses` names each active"
                        + " cause the change leaves less addressed. Send `digest` back to save. 403 unless linked.",
                EditBody.class,
                "The changed plan, the coverage before and after, the losses and the digest.");
        api.post(
                "/api/v1/clinic/patients/{id}/plan",
                ctx -> save(ctx, care),
                Access.CLINICIAN,
                "Save a change of a patient's plan",
                "The same body as the preview with `previewed` set to the preview's digest; saves a new plan version"
                        + " naming the clinician, the reason and the note the person reads. 409 when the preview no"
                        + " longer matches (the plan changed in between). 403 unless linked.",
                EditBody.class,
                "The new plan version (201).");
    }

    /** A clinician schedules a measure. */
    record ScheduleBody(
            @Doc(allowed = {"psfs", "pgic"}) String measure,
            @Doc("Today to 28 days ahead.") java.time.LocalDate firstDue,
            @Doc(minimum = 14, maximum = 28) int everyDays) {}

    static void registerMeasures(Api api, CareService care) {
        api.get(
                "/api/v1/clinic/patients/{id}/measures",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    ctx.json(Map.of(
                            "measures", care.measuresOf(visitor.requireUser(), CarePages.id(ctx), visitor.caller())));
                },
                Access.CLINICIAN,
                "A patient's outcome measures",
                "Pain by week from the diary (nprs), the Patient-Specific Functional Scale (psfs) and the Patient Global"
                        + " Impression of Change (pgic) over time, each point with its change from the first and"
                        + " `beyond_mcid`. 403 unless linked.",
                "The series, one per measure.");
        api.post(
                "/api/v1/clinic/patients/{id}/measures",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    care.patient(visitor.requireUser(), CarePages.id(ctx), visitor.caller());
                    ScheduleBody body = JsonBodies.read(ctx, ScheduleBody.class);
                    long id = care.scheduleMeasure(
                            visitor.requireUser(),
                            CarePages.id(ctx),
                            body.measure(),
                            body.firstDue(),
                            body.everyDays(),
                            visitor.caller());
                    ctx.status(201).json(Map.of("schedule_id", id));
                },
                Access.CLINICIAN,
                "Schedule an outcome measure",
                "`measure` psfs or pgic, `first_due` (today to 28 days ahead), `every_days` 14 to 28. Replaces an"
                        + " earlier schedule of the same measure. 403 unless linked.",
                ScheduleBody.class,
                "The schedule's id (201).");
        api.get(
                "/api/v1/measures/tasks",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    ctx.json(Map.of("tasks", care.tasks(visitor.requireUser(), visitor.caller())));
                },
                Access.SIGNED_IN,
                "My questionnaires due now",
                "The outcome measures a clinician asked for that are due and not yet answered.",
                "The tasks.");
        api.post(
                "/api/v1/measures/{measure}",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    MeasureAnswer answer = JsonBodies.read(ctx, MeasureAnswer.class);
                    care.answer(visitor.requireUser(), ctx.pathParam("measure"), answer, visitor.caller());
                    ctx.status(201).json(Map.of("saved", true));
                },
                Access.SIGNED_IN,
                "Answer a questionnaire",
                "psfs: `activities` (1 to 5, each `activity` and `rating` 0 to 10); pgic: `choice` 1 (very much"
                        + " better) to 7 (very much worse). Only a due questionnaire is accepted.",
                MeasureAnswer.class,
                "Saved (201).");
    }

    /** A referral as the API records it. */
    record ReferralBody(
            Referral.Kind kind,
            @Doc(maxLength = 200) String referredTo,
            @Doc(maxLength = 1000) String reason,
            @Doc(maxLength = 64) Optional<String> criterionId) {}

    /** An outcome: done with the day, or not done. */
    record OutcomeBody(
            Referral.Outcome outcome,
            @Doc("The day it was done; for done only.") Optional<java.time.LocalDate> date,
            @Doc(maxLength = 1000) Optional<String> note) {
        OutcomeBody {
            date = date == null ? Optional.empty() : date;
            note = note == null ? Optional.empty() : note;
        }
    }

    static void registerReferrals(Api api, CareService care) {
        api.get(
                "/api/v1/clinic/patients/{id}/referrals",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    CareService.ReferralDesk desk =
                            care.referralDesk(visitor.requireUser(), CarePages.id(ctx), visitor.caller());
                    ctx.json(Map.of("criteria_met", desk.met(), "referrals", desk.referrals()));
                },
                Access.CLINICIAN,
                "A patient's injection referrals",
                "The referral criteria met now (why a referral may be due) and every referral with its outcome; for"
                        + " an injection done, pain and adherence week by week four weeks before and after. 403 unless"
                        + " linked.",
                "Criteria met and referrals.");
        api.post(
                "/api/v1/clinic/patients/{id}/referrals",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    long personId = CarePages.id(ctx);
                    care.patient(visitor.requireUser(), personId, visitor.caller());
                    ReferralBody body = JsonBodies.read(ctx, ReferralBody.class);
                    long id = care.refer(
                            visitor.requireUser(),
                            personId,
                            body.kind(),
                            body.referredTo(),
                            body.reason(),
                            body.criterionId() == null ? java.util.Optional.empty() : body.criterionId(),
                            visitor.caller());
                    ctx.status(201).json(Map.of("referral_id", id));
                },
                Access.CLINICIAN,
                "Record an injection referral",
                "`kind` trigger_point or epidural, `referred_to`, `reason`, optionally the `criterion_id` met."
                        + " 403 unless linked.",
                ReferralBody.class,
                "The referral's id (201).");
        api.post(
                "/api/v1/clinic/patients/{id}/referrals/{referral}/outcome",
                ctx -> {
                    Visitor visitor = Visitor.of(ctx);
                    long personId = CarePages.id(ctx);
                    care.patient(visitor.requireUser(), personId, visitor.caller());
                    OutcomeBody body = JsonBodies.read(ctx, OutcomeBody.class);
                    care.referralOutcome(
                            visitor.requireUser(),
                            personId,
                            ctx.pathParamAsClass("referral", Long.class).get(),
                            body.outcome(),
                            body.date().orElse(null),
                            body.note().orElse(null),
                            visitor.caller());
                    ctx.json(Map.of("saved", true));
                },
                Access.CLINICIAN,
                "Record a referral's outcome",
                "`outcome` done (with `date`) or not_done, and an optional `note`. 403 unless linked; 404 for a"
                        + " referral of another person.",
                OutcomeBody.class,
                "Saved.");
    }

    static Referral.Kind kind(String code) {
        for (Referral.Kind kind : Referral.Kind.values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new backstop.error.BadInputException("kind", "must be trigger_point or epidural");
    }

    static Referral.Outcome outcome(String code) {
        for (Referral.Outcome outcome : Referral.Outcome.values()) {
            if (outcome.code().equals(code)) {
                return outcome;
            }
        }
        throw new backstop.error.BadInputException("outcome", "must be done or not_done");
    }

    static java.time.LocalDate date(String text, String field) {
        try {
            return java.time.LocalDate.parse(text == null ? "" : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new backstop.error.BadInputException(field, "must be a date written yyyy-mm-dd");
        }
    }

    static int whole(String text, String field) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new backstop.error.BadInputException(field, "must be a whole number");
        }
    }

    private static void preview(Context ctx, CareService care) {
        Visitor visitor = Visitor.of(ctx);
        care.patient(visitor.requireUser(), CarePages.id(ctx), visitor.caller());
        EditBody body = JsonBodies.read(ctx, EditBody.class);
        Preview preview = care.preview(visitor.requireUser(), CarePages.id(ctx), body.edit(), visitor.caller());
        ctx.json(preview);
    }

    private static void save(Context ctx, CareService care) {
        Visitor visitor = Visitor.of(ctx);
        care.patient(visitor.requireUser(), CarePages.id(ctx), visitor.caller());
        EditBody body = JsonBodies.read(ctx, EditBody.class);
        StoredPlan saved = care.prescribe(
                visitor.requireUser(),
                CarePages.id(ctx),
                body.edit(),
                body.previewed().orElse(null),
                visitor.caller());
        ctx.status(201).json(view(saved));
    }

    static Map<String, Object> view(StoredPlan stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("created_at", stored.createdAt().toString());
        view.put("reason", stored.reason());
        stored.change().ifPresent(change -> view.put("changed_by", change));
        view.put("held_exercises", stored.heldExercises());
        view.put("plan", stored.plan());
        return view;
    }
}
