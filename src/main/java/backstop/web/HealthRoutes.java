package backstop.web;

import backstop.db.Database;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Liveness ({@code /health/live}: the process answers) and readiness ({@code /health}, {@code /health/ready}: the database answers too). */
final class HealthRoutes implements Routes {
    private final Database database;
    private final String version;

    HealthRoutes(Database database, String version) {
        this.database = database;
        this.version = version;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up", "version", version)), Access.ANYONE);
        routes.get("/health/ready", ctx -> ready(ctx), Access.ANYONE);
        routes.get("/health", ctx -> ready(ctx), Access.ANYONE);
    }

    private void ready(io.javalin.http.Context ctx) {
        boolean reachable = database.isReachable();
        ctx.status(reachable ? 200 : 503)
                .json(Map.of(
                        "status", reachable ? "up" : "down",
                        "database", reachable ? "up" : "unreachable",
                        "version", version));
    }
}
