package backstop.web;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.JsonBinding;
import io.javalin.http.Context;

/**
 * The one place request bodies become records: bound by {@link JsonBinding} (the shape checked by the rule the
 * OpenAPI document states, every problem at once, then the one mapper), every way a body can be wrong turned into a
 * {@link BadInputException} naming the field.
 */
public final class JsonBodies {
    private JsonBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        return parse(requireJson(ctx), type);
    }

    /** The body as text, for the intake, which is checked against its published JSON Schema before binding. */
    public static String text(Context ctx) {
        return requireJson(ctx);
    }

    public static <T> T parse(String body, Class<T> type) {
        JsonBinding.Bound<T> bound = JsonBinding.bind(body, type);
        if (!bound.problems().isEmpty()) {
            throw new BadInputException(bound.problems().stream()
                    .map(problem ->
                            new FieldError(problem.path().isEmpty() ? "body" : problem.path(), problem.message()))
                    .toList());
        }
        return bound.value().orElseThrow();
    }

    private static String requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new BadInputException("Content-Type", "send the body as application/json");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new BadInputException("body", "is empty; send a JSON document");
        }
        return body;
    }
}
