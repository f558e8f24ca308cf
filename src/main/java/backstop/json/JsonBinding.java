package backstop.json;

import backstop.error.BadInputException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one way JSON text becomes a record, for request bodies ({@code web.JsonBodies}) and data files alike: the
 * shape is checked first by the rule the OpenAPI document states ({@link RecordSchema#problems}: every missing,
 * unknown and mistyped field at once), then the text is bound by {@link Json#mapper()}, whose records check what
 * their values mean. Every problem names its path and the line of the text it is on.
 */
public final class JsonBinding {
    private JsonBinding() {}

    /** One thing wrong with a text: where ({@code dose.sets}, empty for the whole text), on which line, and what. */
    public record Problem(String path, int line, String message) {}

    /** The record the text held, or every problem with it; and the line of each value, for later checks' messages. */
    public record Bound<T>(Optional<T> value, List<Problem> problems, Lines lines) {
        public Bound {
            problems = List.copyOf(problems);
        }
    }

    public static <T> Bound<T> bind(String text, Class<T> type) {
        return bind(text, Json.mapper().constructType(type));
    }

    /** The same for any type the mapper reads, such as {@code List<Source>} for a file that is a list. */
    public static <T> Bound<T> bind(String text, JavaType type) {
        Lines lines;
        JsonNode tree;
        try {
            lines = Lines.of(text);
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException malformed) {
            JsonLocation where = malformed.getLocation();
            int line = where == null ? 1 : where.getLineNr();
            String column = where == null ? "" : ", column " + where.getColumnNr();
            return failed(Lines.NONE, new Problem("", line, "is not valid JSON (line " + line + column + ")"));
        } catch (IOException unreadable) {
            return failed(Lines.NONE, new Problem("", 1, "cannot be read: " + unreadable.getMessage()));
        }
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
            return failed(lines, new Problem("", 1, "must be a JSON object, not null"));
        }
        if (type.getRawClass().isRecord() && !tree.isObject()) {
            return failed(lines, new Problem("", 1, "must be a JSON object"));
        }
        List<Problem> problems = RecordSchema.problems(tree, type).stream()
                .map(problem -> new Problem(problem.path(), lines.line(problem.path()), problem.message()))
                .toList();
        if (!problems.isEmpty()) {
            return new Bound<>(Optional.empty(), withChecksOfTheRest(tree, type, problems, lines), lines);
        }
        try {
            T value = Json.mapper().treeToValue(tree, type);
            return new Bound<>(Optional.of(value), List.of(), lines);
        } catch (JsonProcessingException e) {
            return new Bound<>(Optional.empty(), translate(e, lines), lines);
        }
    }

    /**
     * The fields a shape problem leaves alone are still bound, so what their records check (ranges, the words a
     * field takes) is named in the same answer; a problem about a field already named is not repeated.
     */
    private static List<Problem> withChecksOfTheRest(
            JsonNode tree, JavaType type, List<Problem> problems, Lines lines) {
        if (!tree.isObject() || !type.getRawClass().isRecord()) {
            return problems;
        }
        Set<String> named = new HashSet<>();
        problems.forEach(problem -> named.add(topField(problem.path())));
        ObjectNode rest = tree.deepCopy();
        rest.remove(named);
        List<Problem> all = new ArrayList<>(problems);
        try {
            Json.mapper().treeToValue(rest, type);
        } catch (JsonProcessingException e) {
            translate(e, lines).stream()
                    .filter(problem -> !problem.path().isEmpty() && !named.contains(topField(problem.path())))
                    .forEach(all::add);
        }
        return all;
    }

    private static String topField(String path) {
        int end = path.length();
        for (char separator : new char[] {'.', '['}) {
            int at = path.indexOf(separator);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }

    private static <T> Bound<T> failed(Lines lines, Problem problem) {
        return new Bound<>(Optional.empty(), List.of(problem), lines);
    }

    /** What the mapper refused, in our words; only our own checks' messages are quoted. */
    private static List<Problem> translate(JsonProcessingException e, Lines lines) {
        if (e instanceof JsonParseException) {
            return List.of(new Problem("", 1, "is not valid JSON"));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return List.of(new Problem("", 1, "could not be read as JSON"));
        }
        String path = path(mapping);
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            if (cause instanceof BadInputException bad) {
                return bad.errors().stream()
                        .map(error -> {
                            String at = join(path, error.field());
                            return new Problem(at, lines.line(at), error.message());
                        })
                        .toList();
            }
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage()
                    : "has an invalid value";
            return List.of(new Problem(path, lines.line(path), message));
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            message = "must be " + describe(format.getTargetType()) + ", not " + format.getValue();
        } else if (e instanceof MismatchedInputException mismatch) {
            message = "must be "
                    + (mismatch.getTargetType() == null ? "another type" : describe(mismatch.getTargetType()));
        } else {
            message = "has an invalid value";
        }
        return List.of(new Problem(path, lines.line(path), message));
    }

    private static String join(String path, String field) {
        if (path.isEmpty() || field.isEmpty()) {
            return path.isEmpty() ? field : path;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
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

    /**
     * The line each value of a JSON text starts on, by the paths {@link RecordSchema} names ({@code a.b[0].c}); a
     * path that is not there (a field left out) gets the line of the nearest value around it.
     */
    public static final class Lines {
        static final Lines NONE = new Lines(Map.of());

        private final Map<String, Integer> lines;

        private Lines(Map<String, Integer> lines) {
            this.lines = lines;
        }

        public int line(String path) {
            String at = path;
            while (!at.isEmpty()) {
                Integer line = lines.get(at);
                if (line != null) {
                    return line;
                }
                at = at.substring(0, Math.max(0, Math.max(at.lastIndexOf('.'), at.lastIndexOf('['))));
            }
            return lines.getOrDefault("", 1);
        }

        /** One pass over the tokens, keeping the path of the value being read. */
        static Lines of(String text) throws IOException {
            if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                return NONE; // one line (as API bodies mostly are): every value is on line 1, no pass needed
            }
            Map<String, Integer> lines = new HashMap<>();
            // Each open object or array: its path, and the field or index being read inside it.
            Deque<String[]> open = new ArrayDeque<>();
            Deque<int[]> indexes = new ArrayDeque<>();
            try (JsonParser parser = Json.mapper().createParser(text)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME) {
                        open.peek()[1] = parser.currentName();
                        continue;
                    }
                    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                        open.pop();
                        indexes.pop();
                        next(indexes);
                        continue;
                    }
                    String path = path(open, indexes);
                    lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                        open.push(new String[] {path, token == JsonToken.START_ARRAY ? null : ""});
                        indexes.push(new int[] {token == JsonToken.START_ARRAY ? 0 : -1});
                    } else {
                        next(indexes);
                    }
                }
            }
            return new Lines(Map.copyOf(lines));
        }

        private static String path(Deque<String[]> open, Deque<int[]> indexes) {
            if (open.isEmpty()) {
                return "";
            }
            String[] container = open.peek();
            int index = indexes.peek()[0];
            if (index >= 0) {
                return container[0] + "[" + index + "]";
            }
            return container[0].isEmpty() ? container[1] : container[0] + "." + container[1];
        }

        private static void next(Deque<int[]> indexes) {
            if (!indexes.isEmpty() && indexes.peek()[0] >= 0) {
                indexes.peek()[0]++;
            }
        }
    }
}
