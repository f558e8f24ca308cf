package backstop.share.fhir;

import backstop.error.BadInputException;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.Routes;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/** {@code /api/v1/fhir/export} and {@code import}, {@code /fhir/metadata} and the published intake Questionnaire. */
public final class FhirPages implements Routes {
    static final String FHIR_JSON = "application/fhir+json";

    private final FhirService fhir;
    private final String version;

    public FhirPages(FhirService fhir, String version) {
        this.fhir = fhir;
        this.version = version;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        api.get(
                "/api/v1/fhir/export",
                this::export,
                Access.SIGNED_IN,
                "Export my record as FHIR R4",
                "One FHIR R4 Bundle (type collection): Patient (name only), diary Observations (pain with LOINC"
                        + " 72514-3), intake QuestionnaireResponses, assessment Observations, the plan as CarePlan"
                        + " with Goals, logged exercises as Observations. `from` and `to` (yyyy-mm-dd, both"
                        + " included) limit the dates; without them, everything. Mapping: docs/formats.md.",
                FHIR_JSON);
        api.post(
                "/api/v1/fhir/import",
                this::importBundle,
                Access.SIGNED_IN,
                "Import a FHIR R4 Bundle",
                "Send a Bundle (Backstop's own export, or one whose Observations carry LOINC 72514-3) as the body."
                        + " All or nothing: a bad bundle gets a 400 naming each bad element by its FHIR path, and"
                        + " nothing is written. Days already in the diary follow the CSV import's rule.",
                Map.of("type", "object", "description", "A FHIR R4 Bundle"),
                "Counts of what was written.");
        api.get(
                "/fhir/metadata",
                ctx -> fhirJson(ctx, fhir.metadata(version)),
                Access.ANYONE,
                "FHIR CapabilityStatement",
                "What Backstop exports and imports in FHIR R4.",
                FHIR_JSON);
        api.get(
                "/fhir/Questionnaire/backstop-intake",
                ctx -> fhirJson(ctx, fhir.questionnaire(intakeVersion(ctx.queryParam("version")))),
                Access.ANYONE,
                "The intake Questionnaire",
                "Backstop's intake as a FHIR R4 Questionnaire, generated from its questionnaire data; `version` (1 or"
                        + " 2, default the current) picks an intake version.",
                FHIR_JSON);
    }

    private void export(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        var me = visitor.requireUser();
        Optional<java.time.LocalDate> from = DateParam.optional("from", ctx.queryParam("from"));
        Optional<java.time.LocalDate> to = DateParam.optional("to", ctx.queryParam("to"));
        String json = fhir.export(me, from, to, visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-" + me.username() + ".fhir.json\"");
        fhirJson(ctx, json);
    }

    private void importBundle(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        var report = fhir.importBundle(visitor.requireUser(), ctx.body(), visitor.caller());
        ctx.json(report);
    }

    private static Optional<Integer> intakeVersion(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("version", "must be a whole number (1 or 2)");
        }
    }

    private static void fhirJson(Context ctx, String json) {
        ctx.contentType(FHIR_JSON + "; charset=utf-8");
        ctx.result(json);
    }
}
