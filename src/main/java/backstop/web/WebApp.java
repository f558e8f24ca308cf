package backstop.web;

import backstop.Json;
import backstop.Services;
import backstop.account.AccountPages;
import backstop.account.AdminPages;
import backstop.assessment.AssessmentPages;
import backstop.diary.DiaryPages;
import backstop.exercise.ExercisePages;
import backstop.insights.InsightsPages;
import backstop.plan.PlanPages;
import io.javalin.Javalin;
import io.javalin.config.Key;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app from the services: filters, error mapping and every feature's routes. Not started here. */
public final class WebApp {
    /** Large enough for a 10-year diary CSV, small enough that one request cannot exhaust memory. */
    public static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger("backstop.http");
    private static final Key<ApiDocument> API_DOCUMENT = new Key<>("backstop.api-document");

    private WebApp() {
    }

    /** The OpenAPI document of an app this class built; lets a test compare it with the routes really served. */
    public static ApiDocument apiDocument(Javalin app) {
        return app.unsafe.appDataManager.get(API_DOCUMENT);
    }

    public static Javalin create(Services services, String version) {
        WebSecrets secrets = new WebSecrets(services.serverKey());
        Csrf csrf = new Csrf(secrets);
        Templates templates = new Templates(csrf);
        Auth auth = new Auth(services.accounts());
        ApiDocument document = new ApiDocument(version);
        List<Routes> features = List.of(
                new HomePages(services, templates),
                new AccountPages(services.accounts(), services.audit(), services.database(), templates,
                        List.of(services.assessments(), services.diary(), services.plans())),
                new AdminPages(services.accounts(), services.audit(), templates),
                new AssessmentPages(services.assessments(), templates),
                new DiaryPages(services.diary(), templates, services.plans()::exerciseMinutes),
                new PlanPages(services.plans(), services.assessments(), templates),
                new ExercisePages(services.exercises(), templates),
                new InsightsPages(services.insights(), templates),
                new ApiDocsPages(document, templates),
                new HealthRoutes(services.database(), version));
        return Javalin.create(config -> {
            config.appData(API_DOCUMENT, document);
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.prefer405over404 = true;
            config.jetty.modifyServer(server -> server.setErrorHandler(new QuietErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new QuietErrorHandler()));
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
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
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(auth::identify);
            config.routes.before(csrf::check);
            config.routes.beforeMatched(auth::enforce);
            new ErrorMapping(templates).install(config.routes);
            Api api = new Api(config.routes, document);
            features.forEach(feature -> feature.register(config.routes, api));
        });
    }
}
