package backstop.exercise;

import backstop.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of one JSON object, noting every missing or malformed field instead of stopping at the
 * first, and refusing fields it does not know (a misspelt "cue" would otherwise vanish silently).
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    JsonFields(JsonNode node, String path, List<FieldError> errors, Set<String> known) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        if (!node.isObject()) {
            fail("", "must be a JSON object");
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                fail(name, "is not a known field");
            }
        }
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode raw(String field) {
        return node.path(field);
    }

    String field(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            fail(field, "is missing");
            return "";
        }
        if (!value.isTextual()) {
            fail(field, "must be text");
            return "";
        }
        return value.asText();
    }

    int integer(String field) {
        return optionalInteger(field).orElseGet(() -> {
            if (!has(field)) {
                fail(field, "is missing");
            }
            return 0;
        });
    }

    Optional<Integer> optionalInteger(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            fail(field, "must be a whole number");
            return Optional.empty();
        }
        return Optional.of(value.intValue());
    }

    boolean bool(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            fail(field, "must be true or false");
        }
        return value.asBoolean(fallback);
    }

    List<String> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            fail(field, "is missing");
            return List.of();
        }
        if (!value.isArray()) {
            fail(field, "must be a list of text");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
                result.add(value.get(i).asText());
            } else {
                fail(field + "[" + i + "]", "must be text");
            }
        }
        return result;
    }

    <E extends Enum<E>> Optional<E> vocabulary(String field, Class<E> type) {
        if (!has(field)) {
            fail(field, "is missing");
            return Optional.empty();
        }
        return parse(field, text(field), type);
    }

    <E extends Enum<E>> Set<E> vocabularySet(String field, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        List<String> codes = texts(field);
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String at = field + "[" + i + "]";
            parse(at, code, type).ifPresent(value -> {
                if (!result.add(value)) {
                    fail(at, "'" + code + "' is listed twice");
                }
            });
        }
        return result;
    }

    void fail(String field, String message) {
        errors.add(new FieldError(field.isEmpty() ? path : field(field), message));
    }

    private <E extends Enum<E>> Optional<E> parse(String field, String code, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(code)) {
                return Optional.of(constant);
            }
        }
        if (!code.isEmpty()) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            fail(field, "'" + code + "' is not one of " + allowed);
        }
        return Optional.empty();
    }
}
