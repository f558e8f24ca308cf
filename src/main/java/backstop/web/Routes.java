package backstop.web;

import io.javalin.config.RoutesConfig;

/** A feature's set of pages and API routes; {@link WebApp} asks each feature to register its own. */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes, Api api);
}
