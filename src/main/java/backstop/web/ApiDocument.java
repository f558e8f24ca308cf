package backstop.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The OpenAPI 3.1 description of {@code /api/v1}, built from the same calls that register the routes (see
 * {@link Api}), so the document cannot drift from the code. A test checks every registered API route is in it.
 */
public final class ApiDocument {
    /**
     * One documented operation. {@code requestSchema} is a JSON Schema ({@code $ref} or inline) for the body;
     * {@code bodyRecord} is the record {@link JsonBodies} reads the body into, when the schema is derived from it.
     */
    public record Operation(
            String method,
            String path,
            String summary,
            String description,
            Access access,
            Optional<Map<String, Object>> requestSchema,
            Optional<Class<? extends Record>> bodyRecord,
            String responseDescription) {
        public Operation {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(requestSchema, "requestSchema");
            Objects.requireNonNull(bodyRecord, "bodyRecord");
            Objects.requireNonNull(responseDescription, "responseDescription");
        }

        public String accessText() {
            return switch (access) {
                case ANYONE -> "anyone";
                case SIGNED_IN -> "any signed-in account";
                case CLINICIAN -> "clinicians";
                case ADMIN -> "admins";
            };
        }
    }

    private final String version;
    // Operations as registered; a schema derived from a record is worked out when the document is first read (the
    // docs page, openapi.json, a test), not while the routes are registered at start-up.
    private final List<Supplier<Operation>> described = new ArrayList<>();
    private List<Operation> operations;

    ApiDocument(String version) {
        this.version = version;
    }

    void add(Operation operation) {
        add(() -> operation);
    }

    synchronized void add(Supplier<Operation> operation) {
        if (operations != null) {
            throw new IllegalStateException("the API document was read before every route was registered");
        }
        described.add(operation);
    }

    public synchronized List<Operation> operations() {
        if (operations == null) {
            operations = described.stream().map(Supplier::get).toList();
        }
        return operations;
    }

    public boolean documents(String method, String path) {
        return operations().stream()
                .anyMatch(
                        op -> op.method().equalsIgnoreCase(method) && op.path().equals(path));
    }

    /** The document as a JSON-ready tree. */
    public Map<String, Object> toOpenApi() {
        Map<String, Object> paths = new TreeMap<>();
        for (Operation op : operations()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item =
                    (Map<String, Object>) paths.computeIfAbsent(op.path(), p -> new LinkedHashMap<>());
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", op.summary());
            operation.put("description", op.description() + " Access: " + op.accessText() + ".");
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (String segment : op.path().split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    parameters.add(Map.of(
                            "name",
                            segment.substring(1, segment.length() - 1),
                            "in",
                            "path",
                            "required",
                            true,
                            "schema",
                            Map.of("type", "string")));
                }
            }
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            // A schema that says it is CSV text documents a CSV body; every other body is JSON.
            op.requestSchema()
                    .ifPresent(schema -> operation.put(
                            "requestBody",
                            Map.of(
                                    "required",
                                    true,
                                    "content",
                                    Map.of(
                                            "text/csv".equals(schema.get("contentMediaType"))
                                                    ? "text/csv"
                                                    : "application/json",
                                            Map.of("schema", schema)))));
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", op.responseDescription()));
            responses.put(
                    "400",
                    Map.of(
                            "description",
                            "Bad input; every bad field is named.",
                            "content",
                            Map.of(
                                    "application/json",
                                    Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")))));
            if (op.access() != Access.ANYONE) {
                responses.put("401", Map.of("description", "Not signed in or bad token."));
                responses.put("403", Map.of("description", "Signed in, but not allowed."));
            }
            operation.put("responses", responses);
            if (op.access() != Access.ANYONE) {
                operation.put("security", List.of(Map.of("session", List.of()), Map.of("token", List.of())));
            }
            item.put(op.method().toLowerCase(Locale.ROOT), operation);
        }
        Map<String, Object> problem = Map.of(
                "type",
                "object",
                "required",
                List.of("status", "error", "fields"),
                "properties",
                Map.of(
                        "status", Map.of("type", "integer"),
                        "error", Map.of("type", "string"),
                        "fields",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        Map.of(
                                                "type",
                                                "object",
                                                "properties",
                                                Map.of(
                                                        "field",
                                                        Map.of("type", "string"),
                                                        "message",
                                                        Map.of("type", "string"))))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put(
                "info",
                Map.of(
                        "title",
                        "Backstop API",
                        "version",
                        version,
                        "description",
                        "The JSON API of Backstop. Authenticate with the session cookie of a signed-in browser"
                                + " (state-changing requests then need the X-CSRF-Token header) or with an API token"
                                + " (Authorization: Bearer bst_...)."));
        document.put("servers", List.of(Map.of("url", "/")));
        document.put("paths", paths);
        document.put(
                "components",
                Map.of(
                        "schemas", Map.of("Problem", problem),
                        "securitySchemes",
                                Map.of(
                                        "session",
                                                Map.of("type", "apiKey", "in", "cookie", "name", Auth.SESSION_COOKIE),
                                        "token", Map.of("type", "http", "scheme", "bearer"))));
        return document;
    }
}
