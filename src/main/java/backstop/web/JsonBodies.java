package backstop.web;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.json.RecordSchema;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.util.List;

/**
 * The one place request bodies become records: read with {@link Json#mapper()}, required fields checked by the rule
 * the OpenAPI document states ({@link RecordSchema}), and every way a body can be wrong turned into a
 * {@link BadInputException} naming the field.
 */
public final class JsonBodies {
    private JsonBodies() {}

    public static <T> T read(Context ctx, Class<T> type) {
        return parse(requireJson(ctx), type);
    }

    /** The raw tree, for callers that validate against a JSON Schema before binding. */
    public static String text(Context ctx) {
        return requireJson(ctx);
    }

    public static <T> T parse(String body, Class<T> type) {
        JsonNode tree = tree(body);
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            throw new BadInputException("body", "must be a JSON object, not null");
        }
        if (type.isRecord()) {
            List<RecordSchema.Problem> problems = RecordSchema.problems(tree, type);
            if (!problems.isEmpty()) {
                throw new BadInputException(problems.stream()
                        .map(problem -> new FieldError(problem.path(), problem.message()))
                        .toList());
            }
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
    }

    public static JsonNode tree(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
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

    static BadInputException translate(JsonProcessingException e) {
        if (e instanceof JsonParseException parse) {
            var where = parse.getLocation();
            return new BadInputException(
                    "body", "is not valid JSON (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof BadInputException bad) {
                return prefix(path(instantiation), bad);
            }
            // Only our own checks' words reach the person; anything else is described, not quoted.
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage()
                    : "has an invalid value";
            return new BadInputException(path(instantiation).isEmpty() ? "body" : path(instantiation), message);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new BadInputException(path(unknown), "is not a known field");
        }
        if (e instanceof InvalidFormatException format) {
            return new BadInputException(
                    path(format), "must be " + describe(format.getTargetType()) + ", not " + format.getValue());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType());
            return new BadInputException(field.isEmpty() ? "body" : field, "must be " + expected);
        }
        if (e instanceof JsonMappingException mapping) {
            return new BadInputException(path(mapping).isEmpty() ? "body" : path(mapping), "has an invalid value");
        }
        return new BadInputException("body", "could not be read as JSON");
    }

    private static BadInputException prefix(String path, BadInputException bad) {
        if (path.isEmpty()) {
            return bad;
        }
        List<FieldError> errors = bad.errors().stream()
                .map(error -> new FieldError(path + "." + error.field(), error.message()))
                .toList();
        return new BadInputException(errors);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of the listed values";
        }
        if (type == java.time.LocalDate.class) {
            return "a date written yyyy-mm-dd";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
