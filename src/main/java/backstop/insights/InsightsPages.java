package backstop.insights;

import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** What this person's own diary says: insight cards, a chart per trigger, episodes, recurrence and tomorrow's risk. */
public final class InsightsPages implements Routes {
    private final InsightsService insights;
    private final Templates templates;

    public InsightsPages(InsightsService insights, Templates templates) {
        this.insights = insights;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/insights", this::page, Access.SIGNED_IN);
        api.get(
                "/api/v1/insights",
                this::json,
                Access.SIGNED_IN,
                "My insights",
                "Episodes, flare-ups, recurrence, the habits that went with higher or lower evening pain (effect per"
                        + " unit with 95% interval, p and Benjamini-Hochberg q), tomorrow's flare-up risk and plain-words"
                        + " cards. Contract: docs/formats.md.",
                "The insight report with `cards`.");
    }

    private void page(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        InsightReport report = insights.reportFor(visitor.requireUser(), visitor.caller());
        templates.render(
                ctx, "insights/insights.jte", "Your insights", new InsightsView(report, InsightCards.from(report)));
    }

    private void json(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        InsightReport report = insights.reportFor(visitor.requireUser(), visitor.caller());
        Map<String, Object> body = new LinkedHashMap<>(backstop.json.Json.mapper()
                .convertValue(report, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
        body.put("cards", InsightCards.from(report));
        ctx.json(body);
    }
}
