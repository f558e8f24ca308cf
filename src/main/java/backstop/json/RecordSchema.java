package backstop.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON Schema of a record as {@link Json#mapper()} reads it: names come from the mapper's own introspection (so
 * snake_case and {@code @JsonProperty} are the parser's), types from the record components, limits from {@link Doc}.
 * A component is required unless it is an {@code Optional} or a collection that may be empty (absent means none).
 * The OpenAPI
 * document is built from this, and request bodies are checked for the required fields with the same rule, so the
 * document and the parser cannot disagree.
 */
public final class RecordSchema {
    private RecordSchema() {}

    /** One property of a record's JSON form. */
    public record Property(String name, JavaType type, boolean required, Optional<Doc> doc) {}

    /**
     * Each record's properties, worked out once: the mapper's introspection and the reflection behind it cost a
     * request body's check more than everything else in it did (docs/performance.md, "Write path").
     */
    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> record) {
            return List.copyOf(introspect(record));
        }
    };

    /** The properties of a record, in the order of its components. */
    public static List<Property> properties(Class<?> record) {
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record.getName() + " is not a record");
        }
        return PROPERTIES.get(record);
    }

    private static List<Property> introspect(Class<?> record) {
        JavaType type = Json.mapper().constructType(record);
        BeanDescription description = Json.mapper().getDeserializationConfig().introspect(type);
        Map<String, String> names = new LinkedHashMap<>();
        for (BeanPropertyDefinition definition : description.findProperties()) {
            names.put(definition.getInternalName(), definition.getName());
        }
        List<Property> properties = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = names.get(component.getName());
            if (name == null) {
                continue; // ignored by the mapper
            }
            JavaType componentType = Json.mapper().getTypeFactory().constructType(component.getGenericType());
            properties.add(new Property(
                    name,
                    componentType,
                    isRequired(componentType, component.getAnnotation(Doc.class)),
                    Optional.ofNullable(component.getAnnotation(Doc.class))));
        }
        return properties;
    }

    /** Optional means it may be left out; so may a list or map (none), unless it must have an item. */
    private static boolean isRequired(JavaType type, Doc doc) {
        if (type.isTypeOrSubTypeOf(Optional.class)) {
            return false;
        }
        if (type.isCollectionLikeType() || type.isMapLikeType()) {
            return doc != null && doc.minItems() > 0;
        }
        return true;
    }

    /** The JSON Schema (draft 2020-12, as OpenAPI 3.1 uses it) of a record. */
    public static Map<String, Object> of(Class<?> record) {
        return object(record);
    }

    private static Map<String, Object> object(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Property property : properties(record)) {
            properties.put(property.name(), schema(property.type(), property.doc()));
            if (property.required()) {
                required.add(property.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> schema(JavaType type, Optional<Doc> doc) {
        Map<String, Object> schema = new LinkedHashMap<>();
        doc.map(Doc::value).filter(text -> !text.isEmpty()).ifPresent(text -> schema.put("description", text));
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            schema.putAll(schema(type.containedType(0), doc));
            return schema;
        }
        if (type.isCollectionLikeType()) {
            schema.put("type", "array");
            if (Set.class.isAssignableFrom(raw)) {
                schema.put("uniqueItems", true);
            }
            doc.filter(d -> d.minItems() >= 0).ifPresent(d -> schema.put("minItems", d.minItems()));
            doc.filter(d -> d.maxItems() >= 0).ifPresent(d -> schema.put("maxItems", d.maxItems()));
            Map<String, Object> items = schema(type.getContentType(), Optional.empty());
            doc.filter(d -> d.allowed().length > 0).ifPresent(d -> items.put("enum", List.of(d.allowed())));
            doc.flatMap(RecordSchema::choices).ifPresent(choices -> items.put("enum", choices));
            schema.put("items", items);
            return schema;
        }
        if (type.isMapLikeType()) {
            schema.put("type", "object");
            schema.put("additionalProperties", schema(type.getContentType(), Optional.empty()));
            return schema;
        }
        if (raw == String.class || raw == ZoneId.class) {
            schema.put("type", "string");
            doc.filter(d -> d.minLength() >= 0).ifPresent(d -> schema.put("minLength", d.minLength()));
            doc.filter(d -> d.maxLength() >= 0).ifPresent(d -> schema.put("maxLength", d.maxLength()));
            doc.filter(d -> !d.format().isEmpty()).ifPresent(d -> schema.put("format", d.format()));
            doc.filter(d -> !d.pattern().isEmpty()).ifPresent(d -> schema.put("pattern", d.pattern()));
            doc.filter(d -> d.allowed().length > 0).ifPresent(d -> schema.put("enum", List.of(d.allowed())));
            doc.flatMap(RecordSchema::choices).ifPresent(choices -> schema.put("enum", choices));
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
            doc.filter(d -> d.minimum() != Long.MIN_VALUE).ifPresent(d -> schema.put("minimum", d.minimum()));
            doc.filter(d -> d.maximum() != Long.MAX_VALUE).ifPresent(d -> schema.put("maximum", d.maximum()));
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            schema.put("type", "number");
            doc.filter(d -> d.minimum() != Long.MIN_VALUE).ifPresent(d -> schema.put("minimum", d.minimum()));
            doc.filter(d -> d.maximum() != Long.MAX_VALUE).ifPresent(d -> schema.put("maximum", d.maximum()));
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string");
            schema.put("format", "date");
        } else if (raw == LocalTime.class) {
            schema.put("type", "string");
            schema.put("format", "time");
        } else if (raw == Instant.class || raw == OffsetDateTime.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", written(raw));
        } else if (raw.isRecord()) {
            schema.putAll(object(raw));
        } else if (raw.isSealed() && raw.isAnnotationPresent(JsonSubTypes.class)) {
            schema.put("oneOf", subtypes(raw));
        } else if (!JsonNode.class.isAssignableFrom(raw) && raw != Object.class) {
            throw new IllegalArgumentException("no JSON Schema for " + type + "; add it to RecordSchema");
        }
        return schema;
    }

    /** A sealed interface named by a type property: one object per subtype, each with its name fixed. */
    private static List<Map<String, Object>> subtypes(Class<?> sealed) {
        JsonTypeInfo info = sealed.getAnnotation(JsonTypeInfo.class);
        String property = info == null ? "@type" : info.property();
        List<Map<String, Object>> alternatives = new ArrayList<>();
        for (JsonSubTypes.Type subtype :
                sealed.getAnnotation(JsonSubTypes.class).value()) {
            Map<String, Object> object = object(subtype.value());
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) object.get("properties");
            Map<String, Object> withType = new LinkedHashMap<>();
            withType.put(property, Map.of("const", subtype.name()));
            withType.putAll(properties);
            object.put("properties", withType);
            List<String> required = new ArrayList<>(List.of(property));
            @SuppressWarnings("unchecked")
            List<String> others = (List<String>) object.getOrDefault("required", List.of());
            required.addAll(others);
            object.put("required", required);
            alternatives.add(object);
        }
        return alternatives;
    }

    private static Optional<List<Object>> choices(Doc doc) {
        return doc.choices() == Doc.NoChoices.class ? Optional.empty() : Optional.of(written(doc.choices()));
    }

    /** An enum's constants as the mapper writes them (its {@code @JsonValue}, or the name). */
    private static List<Object> written(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> Json.mapper().convertValue(constant, Object.class))
                .toList();
    }

    /** A field a body gets wrong in its shape: left out though required, of the wrong type, or not a field at all. */
    public record Problem(String path, String message) {}

    /**
     * Everything a JSON object gets wrong in its shape against a record, for the record and the records inside it,
     * with paths such as {@code exercises[1].sets}: required fields left out (or null), fields the record does not
     * have, values of the wrong JSON type (text for a number, a number for text, an object for a list), enum values
     * that are not one of the enum's, and a set's item given twice. All at once, so a person sees every one. What a
     * value means (ranges, formats of dates, the rules between fields) is left to the mapper and the records'
     * constructors.
     */
    public static List<Problem> problems(JsonNode node, Class<?> record) {
        List<Problem> problems = new ArrayList<>();
        collect(node, record, "", Set.of(), problems);
        return problems;
    }

    /** The same for a value of any type the mapper reads, such as a list of records at the top of a file. */
    public static List<Problem> problems(JsonNode node, JavaType type) {
        List<Problem> problems = new ArrayList<>();
        check(node, type, "", problems);
        return problems;
    }

    private static void collect(
            JsonNode node, Class<?> record, String prefix, Set<String> alsoKnown, List<Problem> problems) {
        if (!node.isObject() || !record.isRecord()) {
            return;
        }
        List<Property> properties = properties(record);
        Set<String> known = new java.util.HashSet<>(alsoKnown);
        properties.forEach(property -> known.add(property.name()));
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(new Problem(prefix + name, "is not a known field"));
            }
        });
        for (Property property : properties) {
            JsonNode value = node.get(property.name());
            String path = prefix + property.name();
            if (value == null || value.isNull()) {
                if (property.required()) {
                    problems.add(new Problem(path, "is required"));
                }
                continue;
            }
            check(value, property.type(), path, problems);
        }
    }

    private static void check(JsonNode value, JavaType type, String path, List<Problem> problems) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            check(value, type.containedType(0), path, problems);
        } else if (JsonNode.class.isAssignableFrom(raw) || raw == Object.class) {
            return; // any JSON value is welcome here
        } else if (type.isCollectionLikeType()) {
            items(value, type, path, problems);
        } else if (type.isMapLikeType()) {
            if (!value.isObject()) {
                problems.add(new Problem(path, "must be an object"));
                return;
            }
            value.properties()
                    .forEach(entry ->
                            check(entry.getValue(), type.getContentType(), path + "." + entry.getKey(), problems));
        } else if (raw.isRecord()) {
            if (!value.isObject()) {
                problems.add(new Problem(path, "must be an object"));
            }
            collect(value, raw, path.isEmpty() ? "" : path + ".", Set.of(), problems);
        } else if (raw.isSealed() && raw.isAnnotationPresent(JsonSubTypes.class)) {
            subtype(value, raw, path, problems);
        } else if (raw.isEnum()) {
            List<String> allowed = written(raw).stream().map(String::valueOf).toList();
            if (!value.isTextual()) {
                problems.add(new Problem(path, "must be one of " + allowed));
            } else if (!allowed.contains(value.asText())) {
                problems.add(new Problem(path, "'" + value.asText() + "' is not one of " + allowed));
            }
        } else {
            scalar(value, raw, path, problems);
        }
    }

    private static void items(JsonNode value, JavaType type, String path, List<Problem> problems) {
        if (!value.isArray()) {
            Class<?> item = type.getContentType().getRawClass();
            String of = item == String.class || item.isEnum()
                    ? " of text"
                    : item.isRecord() || item.isSealed() ? " of objects" : "";
            problems.add(new Problem(path, "must be a list" + of));
            return;
        }
        Set<JsonNode> seen = new java.util.HashSet<>();
        for (int index = 0; index < value.size(); index++) {
            JsonNode item = value.get(index);
            String at = path + "[" + index + "]";
            if (item.isNull()) {
                problems.add(new Problem(at, "must not be null"));
                continue;
            }
            check(item, type.getContentType(), at, problems);
            if (Set.class.isAssignableFrom(type.getRawClass()) && !seen.add(item)) {
                problems.add(new Problem(at, (item.isTextual() ? "'" + item.asText() + "' " : "") + "is listed twice"));
            }
        }
    }

    /** A sealed type named by its type property: the name must be one of the subtypes, the rest that subtype's. */
    private static void subtype(JsonNode value, Class<?> sealed, String path, List<Problem> problems) {
        if (!value.isObject()) {
            problems.add(new Problem(path, "must be an object"));
            return;
        }
        JsonTypeInfo info = sealed.getAnnotation(JsonTypeInfo.class);
        String property = info == null ? "@type" : info.property();
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type subtype :
                sealed.getAnnotation(JsonSubTypes.class).value()) {
            names.add(subtype.name());
            if (subtype.name().equals(value.path(property).asText(null))) {
                collect(value, subtype.value(), path.isEmpty() ? "" : path + ".", Set.of(property), problems);
                return;
            }
        }
        problems.add(new Problem(path.isEmpty() ? property : path + "." + property, "must be one of " + names));
    }

    private static void scalar(JsonNode value, Class<?> raw, String path, List<Problem> problems) {
        boolean fits;
        String expected;
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            fits = value.isIntegralNumber() && value.canConvertToInt();
            expected = "a whole number";
        } else if (raw == long.class || raw == Long.class) {
            fits = value.isIntegralNumber() && value.canConvertToLong();
            expected = "a whole number";
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            fits = value.isNumber();
            expected = "a number";
        } else if (raw == boolean.class || raw == Boolean.class) {
            fits = value.isBoolean();
            expected = "true or false";
        } else if (raw == String.class || raw == ZoneId.class) {
            fits = value.isTextual();
            expected = "text";
        } else if (raw == LocalDate.class) {
            fits = value.isTextual();
            expected = "a date written yyyy-mm-dd";
        } else if (raw == LocalTime.class || raw == Instant.class || raw == OffsetDateTime.class) {
            fits = value.isTextual();
            expected = "a time written as ISO 8601 text";
        } else {
            return; // a type the mapper alone knows how to read
        }
        if (!fits) {
            problems.add(new Problem(path, "must be " + expected));
        }
    }
}
