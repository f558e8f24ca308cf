package backstop.clinic;

import backstop.account.User;
import backstop.assessment.StoredAssessment;
import backstop.error.BadInputException;
import backstop.insights.InsightCards;
import backstop.insights.InsightReport;
import backstop.plan.CoverageCheck;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The clinician's workspace: the roster of linked patients, one-time codes, and ending a link. */
public final class ClinicPages implements Routes {
    /** Patients on one page of the roster. */
    static final int PAGE_SIZE = 100;

    private final CareTeam team;
    private final Roster roster;
    private final PatientChart charts;
    private final Templates templates;

    public ClinicPages(CareTeam team, Roster roster, PatientChart charts, Templates templates) {
        this.team = team;
        this.roster = roster;
        this.charts = charts;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/clinic", this::roster, Access.CLINICIAN);
        routes.post("/clinic/invites", this::invite, Access.CLINICIAN);
        routes.get("/clinic/patients/{id}", this::chart, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/end", this::end, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/alerts/{kind}/seen", this::seen, Access.CLINICIAN);
    }

    /**
     * The roster a page at a time, in attention order over all patients (filter and search too), so the ones who need
     * attention are on the first page. Only the lines shown are audited as read.
     */
    private void roster(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        String alert = Optional.ofNullable(ctx.queryParam("alert")).orElse("").strip();
        Optional<AlertKind> kind = alert.isEmpty() ? Optional.empty() : Optional.of(AlertKind.fromKey("alert", alert));
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        int page = page(ctx.queryParam("page"));
        List<RosterRow> all = roster.lines(me);
        Map<AlertKind, Long> counts = new EnumMap<>(AlertKind.class);
        all.forEach(row -> row.openReasons().forEach(reason -> counts.merge(reason.kind(), 1L, Long::sum)));
        List<RosterRow> matching = filter(all, kind, q);
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(page, pages);
        List<RosterRow> shown = matching.subList((page - 1) * PAGE_SIZE, Math.min(matching.size(), page * PAGE_SIZE));
        roster.audit(me, Visitor.of(ctx).caller(), shown);
        RosterView view = new RosterView(
                shown,
                matching.size(),
                (page - 1) * PAGE_SIZE + 1,
                page > 1 ? link(q, alert, page - 1) : "",
                page < pages ? link(q, alert, page + 1) : "",
                all.size(),
                counts,
                alert,
                q,
                ctx.queryParam("ended") != null ? "The link has ended." : "");
        templates.render(ctx, "clinic/roster.jte", "Your patients", view);
    }

    /** The roster's page number, 1 and up; a page after the last shows the last. */
    static int page(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(text.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadInputException("page", "must be a whole number, 1 or more");
    }

    private static String link(String q, String alert, int page) {
        return "/clinic?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&alert="
                + URLEncoder.encode(alert, StandardCharsets.UTF_8) + "&page=" + page;
    }

    /** Rows with an open alert of {@code kind}, whose name or user name contains {@code q} (any case). */
    static List<RosterRow> filter(List<RosterRow> rows, Optional<AlertKind> kind, String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return rows.stream()
                .filter(row ->
                        kind.isEmpty() || row.openReasons().stream().anyMatch(reason -> reason.kind() == kind.get()))
                .filter(row -> needle.isEmpty()
                        || row.name().toLowerCase(Locale.ROOT).contains(needle)
                        || row.patient().person().username().contains(needle))
                .toList();
    }

    private void seen(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        long id = ctx.pathParamAsClass("id", Long.class).get();
        AlertKind kind = AlertKind.fromKey("kind", ctx.pathParam("kind"));
        roster.markSeen(me, id, kind, ctx.formParam("note"), Visitor.of(ctx).caller());
        ctx.redirect("/clinic");
    }

    private void invite(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        Invite invite = team.createInvite(me, Visitor.of(ctx).caller());
        templates.render(
                ctx,
                "clinic/invite.jte",
                "A code for a new patient",
                new InviteView(invite, base(ctx) + "/care-team?code=" + invite.code()));
    }

    private void chart(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        long id = ctx.pathParamAsClass("id", Long.class).get();
        PatientChart.Overview overview = charts.overview(me, id, visitor.caller());
        List<StoredAssessment> history = charts.assessments(me, id, visitor.caller());
        LocalDate to = charts.today();
        LocalDate from = to.minusDays(PatientChart.DEFAULT_DAYS - 1L);
        PatientChart.PlanPart plan = charts.plan(me, id, 28, visitor.caller());
        InsightReport insights = charts.insights(me, id, visitor.caller());
        ChartView view = new ChartView(
                overview,
                history,
                PainChart.of(charts.diary(me, id, from, to, visitor.caller()), from, to),
                plan,
                plan.plan()
                        .flatMap(stored -> history.stream()
                                .findFirst()
                                .map(latest -> CoverageCheck.check(latest.result(), stored.plan()))),
                insights,
                InsightCards.from(insights));
        templates.render(ctx, "clinic/chart.jte", overview.row().name(), view);
    }

    private void end(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        long id = ctx.pathParamAsClass("id", Long.class).get();
        team.endLink(me, id, Visitor.of(ctx).caller());
        ctx.redirect("/clinic?ended=1");
    }

    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
