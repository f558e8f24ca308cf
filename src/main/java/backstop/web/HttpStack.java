package backstop.web;

import backstop.account.AccountService;
import backstop.db.Database;
import backstop.json.Json;
import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer every feature sits on: security headers, who is asking, CSRF, each route's access, the one error
 * mapping, static files and the API document. It knows no feature; the composition root hands it their routes.
 */
public final class HttpStack {
    /** Large enough for a 10-year diary CSV, small enough that one request cannot exhaust memory. */
    public static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger("backstop.http");
    private static final Key<ApiDocument> API_DOCUMENT = new Key<>("backstop.api-document");
    private final Csrf csrf;
    private final Templates templates;
    private final Auth auth;
    private final ApiDocument document;
    private final String version;
    private final backstop.db.Durability durability;

    public HttpStack(byte[] serverKey, AccountService accounts, String version) {
        this(constant(serverKey), accounts, version, TrustedProxies.none(), backstop.db.Durability.unchecked());
    }

    /** With the server key asked of {@code serverKey} at the first request, so the app can be built before it is read. */
    public HttpStack(
            Supplier<byte[]> serverKey,
            AccountService accounts,
            String version,
            TrustedProxies proxies,
            backstop.db.Durability durability) {
        WebSecrets secrets = new WebSecrets(serverKey);
        this.csrf = new Csrf(secrets);
        this.templates = new Templates(csrf);
        this.auth = new Auth(accounts, proxies);
        this.durability = durability;
        this.document = new ApiDocument(version);
        this.version = version;
    }

    /** A key known now, copied so that a later change to the caller's array does not reach it. */
    private static Supplier<byte[]> constant(byte[] serverKey) {
        byte[] copy = serverKey.clone();
        return () -> copy;
    }

    /** The template renderer the features' pages share. */
    public Templates templates() {
        return templates;
    }

    /** The OpenAPI document of an app this class built; lets a test compare it with the routes really served. */
    public static ApiDocument apiDocument(Javalin app) {
        return app.unsafe.appDataManager.get(API_DOCUMENT);
    }

    /** Builds (does not start) the app: the features' routes plus the API pages and the health checks. */
    public Javalin create(Database database, List<Routes> features) {
        List<Routes> all = new ArrayList<>(features);
        all.add(new ApiDocsPages(document, templates));
        all.add(new HealthRoutes(database, version, durability));
        JettyCacheLines.preset();
        return Javalin.create(config -> {
            config.appData(API_DOCUMENT, document);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new QuietErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new QuietErrorHandler()));
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            // Javalin's own handler reads files through the class loader. The default (Jetty's) mounts the whole
            // shaded jar as a zip file system for each folder, which kept ~120 MB of jar index alive.
            config.resourceHandler(new JavalinStaticResourceHandler());
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            config.requestLogger.http((ctx, ms) -> LOG.atInfo()
                    .addKeyValue("method", ctx.method().name())
                    .addKeyValue("path", ctx.path())
                    .addKeyValue("status", ctx.statusCode())
                    .addKeyValue("ms", Math.round(ms))
                    .log("request"));
            config.routes.before(auth::locate);
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(auth::identify);
            config.routes.before(csrf::check);
            config.routes.beforeMatched(auth::enforce);
            new ErrorMapping(templates).install(config.routes);
            Api api = new Api(config.routes, document);
            all.forEach(feature -> feature.register(config.routes, api));
        });
    }
}
