package backstop.web;

import backstop.error.BadInputException;
import backstop.error.ConflictException;
import backstop.error.FieldError;
import backstop.error.ForbiddenException;
import backstop.error.LoginFailedException;
import backstop.error.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become responses. Handlers just throw; the API gets JSON
 * ({@code {"status", "error", "fields"}}), the browser a page in plain words. Bad input is never a 500, and a 500
 * never shows a stack trace: it shows an id that is also in the log.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private final Templates templates;

    ErrorMapping(Templates templates) {
        this.templates = templates;
    }

    void install(RoutesConfig routes) {
        routes.exception(
                BadInputException.class,
                (e, ctx) -> respond(ctx, 400, "Some of what was sent is not valid.", e.errors()));
        routes.exception(
                ValidationException.class,
                (e, ctx) -> respond(ctx, 400, "Some of what was sent is not valid.", fields(e)));
        routes.exception(NotFoundException.class, (e, ctx) -> respond(ctx, 404, "We could not find that.", List.of()));
        routes.exception(
                ForbiddenException.class, (e, ctx) -> respond(ctx, 403, "You do not have access to this.", List.of()));
        routes.exception(ConflictException.class, (e, ctx) -> respond(ctx, 409, e.getMessage(), List.of()));
        routes.exception(LoginFailedException.class, (e, ctx) -> {
            if (e.throttled()) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            respond(ctx, e.throttled() ? 429 : 401, e.getMessage(), List.of());
        });
        routes.exception(Auth.UnauthorizedException.class, (e, ctx) -> {
            if (!isApi(ctx) && ctx.method() == HandlerType.GET) {
                ctx.redirect(Auth.loginRedirect(ctx));
            } else {
                respond(ctx, 401, e.getMessage(), List.of());
            }
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, e.getStatus(), friendly(e), List.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            Optional<String> unreadable = unreadableRequest(e);
            if (unreadable.isPresent()) {
                respond(ctx, 400, unreadable.get(), List.of(new FieldError("body", unreadable.get())));
                return;
            }
            if (causedBy(e, SQLTransientConnectionException.class)) {
                // Every pooled connection stayed busy for the pool's whole wait: overload, not a fault. Say so, and
                // when to come back, rather than a 500.
                LOG.atWarn().addKeyValue("path", ctx.path()).log("no database connection free in time");
                ctx.header("Retry-After", "2");
                respond(ctx, 503, "Backstop is busy right now. Please try again in a moment.", List.of());
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.atError()
                    .setCause(e)
                    .addKeyValue("error_id", id)
                    .addKeyValue("path", ctx.path())
                    .log("unexpected error");
            respond(
                    ctx,
                    500,
                    "Something went wrong on our side. If it keeps happening, quote error id " + id + ".",
                    List.of());
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "There is no page at this address.", List.of());
            }
        });
    }

    private void respond(Context ctx, int status, String message, List<FieldError> errors) {
        ctx.status(status);
        if (isApi(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            body.put(
                    "fields",
                    errors.stream()
                            .map(error -> Map.of("field", error.field(), "message", error.message()))
                            .toList());
            ctx.json(body);
        } else {
            templates.render(ctx, "error.jte", titleFor(status), new ErrorView(status, message, errors));
        }
    }

    /**
     * A request the server could not even read (a broken multipart body, an unknown character set) is the client's
     * mistake: Jetty reports it as an exception from deep inside, which must still become a 400.
     */
    private static Optional<String> unreadableRequest(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.charset.UnsupportedCharsetException
                    || cause instanceof java.nio.charset.IllegalCharsetNameException) {
                return Optional.of("uses a character set the server does not know; send UTF-8");
            }
            // Jetty wraps "400: bad multipart" and similar in a ServletException.
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return Optional.of("could not be read as a form; check the Content-Type and the body");
            }
        }
        return Optional.empty();
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/")
                || ctx.path().equals("/health")
                || ctx.path().startsWith("/health/");
    }

    private static List<FieldError> fields(ValidationException e) {
        List<FieldError> errors = new ArrayList<>();
        e.getErrors()
                .forEach((field, list) -> list.forEach(error -> errors.add(new FieldError(
                        field,
                        error.getMessage().startsWith("TYPE_CONVERSION_FAILED")
                                ? "has the wrong type"
                                : error.getMessage()))));
        return errors;
    }

    private static String friendly(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "There is no page at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 413 -> "What was sent is too large.";
            case 415 -> "What was sent is in a format we do not accept.";
            default ->
                e.getMessage() == null || e.getMessage().isBlank()
                        ? "The request could not be handled."
                        : e.getMessage();
        };
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Please check what you entered";
            case 401 -> "Please sign in";
            case 403 -> "No access";
            case 404 -> "Not found";
            case 409 -> "Not possible yet";
            case 429 -> "Please wait";
            case 500 -> "Something went wrong";
            default -> "Error " + status;
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
