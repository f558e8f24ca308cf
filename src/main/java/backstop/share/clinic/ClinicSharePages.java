package backstop.share.clinic;

import backstop.account.User;
import backstop.clinic.CareTeam;
import backstop.share.fhir.FhirService;
import backstop.share.report.ReportService;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.Routes;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A clinician's FHIR export and visit report of a linked patient. Each request asks {@link CareTeam} first (403 for
 * anyone not linked now, with the refusal's audit line); the read is then audited with the clinician as caller.
 */
public final class ClinicSharePages implements Routes {
    private static final String FHIR_JSON = "application/fhir+json";

    private final CareTeam careTeam;
    private final FhirService fhir;
    private final ReportService reports;

    public ClinicSharePages(CareTeam careTeam, FhirService fhir, ReportService reports) {
        this.careTeam = careTeam;
        this.fhir = fhir;
        this.reports = reports;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        api.get(
                "/api/v1/clinic/patients/{id}/fhir/export",
                this::export,
                Access.CLINICIAN,
                "A linked patient's record as FHIR R4",
                "The same Bundle as /api/v1/fhir/export, for a patient linked with me now (403 otherwise). `from`"
                        + " and `to` (yyyy-mm-dd, both included) limit the dates. Mapping: docs/formats.md.",
                FHIR_JSON);
        routes.get("/clinic/patients/{id}/report", this::pdf, Access.CLINICIAN);
        api.get(
                "/api/v1/clinic/patients/{id}/report.pdf",
                this::pdf,
                Access.CLINICIAN,
                "A linked patient's visit report (PDF)",
                "The same report as /api/v1/report.pdf, for a patient linked with me now (403 otherwise). `from` and"
                        + " `to` (yyyy-mm-dd) choose the dates; default the last 90 days.",
                "application/pdf");
    }

    private void export(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User person = careTeam.patient(visitor.requireUser(), id(ctx), visitor.caller());
        String json = fhir.export(person, date(ctx, "from"), date(ctx, "to"), visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-" + person.username() + ".fhir.json\"");
        ctx.contentType(FHIR_JSON + "; charset=utf-8");
        ctx.result(json);
    }

    private void pdf(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User person = careTeam.patient(visitor.requireUser(), id(ctx), visitor.caller());
        byte[] pdf = reports.pdf(person, date(ctx, "from"), date(ctx, "to"), visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-report-" + person.username() + ".pdf\"");
        ctx.contentType("application/pdf");
        ctx.result(pdf);
    }

    private static long id(Context ctx) {
        return ctx.pathParamAsClass("id", Long.class).get();
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        return DateParam.optional(name, ctx.queryParam(name));
    }
}
