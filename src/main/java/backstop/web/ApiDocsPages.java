package backstop.web;

import io.javalin.config.RoutesConfig;

/** The machine-readable OpenAPI document and a page that reads well for a person. */
final class ApiDocsPages implements Routes {
    private final ApiDocument document;
    private final Templates templates;

    ApiDocsPages(ApiDocument document, Templates templates) {
        this.document = document;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        api.get(
                "/api/v1/openapi.json",
                ctx -> ctx.json(document.toOpenApi()),
                Access.ANYONE,
                "This document",
                "The OpenAPI 3.1 description of every API route.",
                "The OpenAPI document.");
        routes.get(
                "/api",
                ctx -> templates.render(ctx, "api/docs.jte", "API", new ApiDocsView(document.operations())),
                Access.ANYONE);
    }
}
