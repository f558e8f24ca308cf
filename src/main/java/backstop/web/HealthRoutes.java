package backstop.web;

import backstop.db.Database;
import backstop.db.Durability;
import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code /health/live}: the process answers) and readiness ({@code /health}, {@code /health/ready}: the
 * database answers too), with whether the database keeps acknowledged writes through a crash.
 */
final class HealthRoutes implements Routes {
    private final Database database;
    private final String version;
    private final Durability durability;

    HealthRoutes(Database database, String version, Durability durability) {
        this.database = database;
        this.version = version;
        this.durability = durability;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/health/live", ctx -> ctx.json(Map.of("status", "up", "version", version)), Access.ANYONE);
        routes.get("/health/ready", ctx -> ready(ctx), Access.ANYONE);
        routes.get("/health", ctx -> ready(ctx), Access.ANYONE);
    }

    private void ready(io.javalin.http.Context ctx) {
        boolean reachable = database.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reachable ? "up" : "down");
        body.put("database", reachable ? "up" : "unreachable");
        body.put("durability", durability.safe() ? "safe" : "unsafe");
        body.put("durability_detail", durability.summary());
        if (!durability.problems().isEmpty()) {
            body.put("durability_problems", durability.problems());
        }
        body.put("version", version);
        ctx.status(reachable ? 200 : 503).json(body);
    }
}
