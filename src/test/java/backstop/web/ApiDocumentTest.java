package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    @Test
    void everyApiRouteTheAppServesIsInTheOpenApiDocument() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Javalin app = WebApp.create(Services.wire(fresh.database(), Clock.systemUTC()), "test");
            ApiDocument document = HttpStack.apiDocument(app);
            List<ParsedEndpoint> apiRoutes = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(route -> route.endpoint.path.startsWith("/api/"))
                    .toList();
            assertThat(apiRoutes).isNotEmpty();
            for (ParsedEndpoint route : apiRoutes) {
                assertThat(document.documents(route.endpoint.method.name(), route.endpoint.path))
                        .as("%s %s is in the OpenAPI document", route.endpoint.method, route.endpoint.path)
                        .isTrue();
            }
            assertThat(document.toOpenApi()).containsEntry("openapi", "3.1.0");
        }
    }

    @Test
    void theDocumentIsServedAsJson() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            var response = server.client().get("/api/v1/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"/api/v1/me\"").contains("\"securitySchemes\"");
            assertThat(server.client().get("/api").body()).contains("/api/v1/me");
        }
    }
}
