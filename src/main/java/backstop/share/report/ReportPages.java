package backstop.share.report;

import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.Routes;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;

/** {@code /report} (the PDF itself), {@code /api/v1/report.pdf} and the same figures as JSON. */
public final class ReportPages implements Routes {
    private final ReportService reports;

    public ReportPages(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/report", this::pdf, Access.SIGNED_IN);
        api.get(
                "/api/v1/report.pdf",
                this::pdf,
                Access.SIGNED_IN,
                "My visit report (PDF)",
                "A report for a visit: the dates, the latest assessment, pain over the dates (chart), the habits that"
                        + " went with pain, plan adherence and desk breaks, and where the numbers come from. `from`"
                        + " and `to` (yyyy-mm-dd) choose the dates; default the last 90 days.",
                "application/pdf");
        api.get(
                "/api/v1/report",
                this::json,
                Access.SIGNED_IN,
                "My visit report's figures",
                "The figures the PDF prints, for the same `from` and `to`.",
                "The figures.");
    }

    private void pdf(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        var me = visitor.requireUser();
        byte[] pdf = reports.pdf(me, date(ctx, "from"), date(ctx, "to"), visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-report-" + me.username() + ".pdf\"");
        ctx.contentType("application/pdf");
        ctx.result(pdf);
    }

    private void json(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ctx.json(reports.figures(visitor.requireUser(), date(ctx, "from"), date(ctx, "to"), visitor.caller()));
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        return DateParam.optional(name, ctx.queryParam(name));
    }
}
