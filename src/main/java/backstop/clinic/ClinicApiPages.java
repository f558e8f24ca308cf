package backstop.clinic;

import backstop.account.User;
import backstop.diary.DiaryFields;
import backstop.diary.SavedDay;
import backstop.insights.InsightCards;
import backstop.insights.InsightReport;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.Routes;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clinician's API: the roster in the page's attention order with each patient's {@code reasons}, and the chart's
 * parts. Every route is for clinicians only (a person's or an admin's credentials get 403), and every patient route
 * checks the link (403 without one, audited).
 */
public final class ClinicApiPages implements Routes {
    private final Roster roster;
    private final PatientChart charts;

    public ClinicApiPages(Roster roster, PatientChart charts) {
        this.roster = roster;
        this.charts = charts;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        api.get(
                "/api/v1/clinic/patients",
                this::patients,
                Access.CLINICIAN,
                "My patients, who needs attention first",
                "Every patient linked with me, in the roster's attention order, each with `reasons` (kind, words, "
                        + "open or seen with the note), last check-in, evening pain of the last 28 days, adherence over "
                        + "2 weeks, weeks on plan, likely causes, and `measures`: the latest answer to each outcome "
                        + "measure (PSFS, PGIC) with `change` since the first and `beyond_mcid` \"better\" or "
                        + "\"worse\" when it is larger than the measure's MCID. Rules and sources: docs/clinical.md.",
                "A list of patients with `reasons`.");
        api.get(
                "/api/v1/clinic/patients/{id}",
                this::overview,
                Access.CLINICIAN,
                "A linked patient's overview",
                "The patient's roster line. 403 when the patient is not (or no longer) linked with me.",
                "One patient with `reasons`.");
        api.get(
                "/api/v1/clinic/patients/{id}/assessments",
                this::assessments,
                Access.CLINICIAN,
                "A linked patient's assessments",
                "Every assessment, newest first, with urgency, red flags, causes and their evidence.",
                "A list of assessments.");
        api.get(
                "/api/v1/clinic/patients/{id}/diary",
                this::diary,
                Access.CLINICIAN,
                "A linked patient's diary",
                "Diary days from `from` to `to` (ISO dates, default the last 90 days), as in /api/v1/diary.",
                "A list of diary days.");
        api.get(
                "/api/v1/clinic/patients/{id}/plan",
                this::plan,
                Access.CLINICIAN,
                "A linked patient's plan and sessions",
                "The current plan version, adherence since the plan began with the referral criteria, and the session"
                        + " logs of the last 28 days (planned next to done, pain before and during).",
                "`plan`, `adherence` and `logs` (plan and adherence absent before a plan).");
        api.get(
                "/api/v1/clinic/patients/{id}/insights",
                this::insights,
                Access.CLINICIAN,
                "A linked patient's insights",
                "The patient's insight report with `cards`, as in /api/v1/insights.",
                "The insight report with `cards`.");
    }

    private void patients(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(roster.roster(visitor.requireUser(), visitor.caller()).stream()
                .map(ClinicApiPages::json)
                .toList());
    }

    private void overview(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(json(charts.overview(visitor.requireUser(), id(ctx), visitor.caller())
                .row()));
    }

    private void assessments(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(charts.assessments(visitor.requireUser(), id(ctx), visitor.caller()).stream()
                .map(stored -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", stored.id());
                    view.put("taken_at", stored.takenAt().toString());
                    view.put("result", stored.result());
                    return view;
                })
                .toList());
    }

    private void diary(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        LocalDate to = DateParam.optional("to", ctx.queryParam("to")).orElse(charts.today());
        LocalDate from =
                DateParam.optional("from", ctx.queryParam("from")).orElse(to.minusDays(PatientChart.DEFAULT_DAYS - 1L));
        ctx.json(charts.diary(me, id(ctx), from, to, visitor.caller()).stream()
                .map(ClinicApiPages::day)
                .toList());
    }

    private void plan(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        PatientChart.PlanPart part = charts.plan(visitor.requireUser(), id(ctx), 28, visitor.caller());
        Map<String, Object> view = new LinkedHashMap<>();
        part.plan().ifPresent(stored -> {
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("id", stored.id());
            plan.put("created_at", stored.createdAt().toString());
            plan.put("reason", stored.reason());
            plan.put("plan", stored.plan());
            view.put("plan", plan);
        });
        part.adherence().ifPresent(adherence -> {
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("weeks_on_plan", adherence.weeksOnPlan());
            numbers.put("planned_days", adherence.plannedDays());
            numbers.put("logged_days", adherence.loggedDays());
            numbers.put("percent", adherence.percent());
            numbers.put(
                    "referral_criteria",
                    adherence.criteria().stream()
                            .map(status -> Map.of(
                                    "id", status.criterion().id(),
                                    "title", status.criterion().title(),
                                    "finding_still_present", status.findingStillPresent(),
                                    "met", status.met()))
                            .toList());
            view.put("adherence", numbers);
        });
        view.put("logs", part.logs());
        ctx.json(view);
    }

    private void insights(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        InsightReport report = charts.insights(visitor.requireUser(), id(ctx), visitor.caller());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", report);
        view.put("cards", InsightCards.from(report));
        ctx.json(view);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static Map<String, Object> day(SavedDay saved) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", saved.checkIn().day().date().toString());
        view.putAll(DiaryFields.toMap(saved.checkIn()));
        view.put("revision", saved.revision());
        return view;
    }

    static Map<String, Object> json(RosterRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.patient().person().id());
        view.put("username", row.patient().person().username());
        view.put("name", row.name());
        view.put("linked_since", row.patient().linkedSince().toString());
        view.put("attention", row.attention());
        view.put(
                "reasons",
                row.reasons().stream()
                        .map(reason -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("kind", reason.kind().key());
                            r.put("words", reason.words());
                            r.put("open", reason.open());
                            reason.seen().ifPresent(seen -> {
                                r.put("seen_at", seen.at().toString());
                                r.put("note", seen.note());
                            });
                            return r;
                        })
                        .toList());
        view.put("last_check_in", row.lastCheckIn().map(LocalDate::toString).orElse(null));
        view.put(
                "evening_pain_28_days",
                row.painSeries().stream().map(pain -> pain.orElse(null)).toList());
        view.put(
                "adherence_percent_2_weeks",
                row.adherencePercent().isPresent() ? row.adherencePercent().getAsInt() : null);
        view.put(
                "weeks_on_plan",
                row.weeksOnPlan().isPresent() ? row.weeksOnPlan().getAsLong() : null);
        view.put("active_causes", row.activeCauses());
        view.put(
                "measures",
                row.measures().stream()
                        .map(mark -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("measure", mark.measure());
                            m.put("name", mark.name());
                            m.put("date", mark.date().toString());
                            m.put("score", mark.scoreText());
                            m.put("change", mark.changeText().orElse(null));
                            m.put("beyond_mcid", mark.direction().isEmpty() ? null : mark.direction());
                            return m;
                        })
                        .toList());
        view.put("open_alerts", row.openReasons().size());
        return view;
    }
}
