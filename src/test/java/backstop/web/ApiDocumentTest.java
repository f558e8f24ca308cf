package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.json.RecordSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDocumentTest {

    @Test
    void everyApiRouteTheAppServesIsInTheOpenApiDocument() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Javalin app = WebApp.create(Services.wire(fresh.database(), Clock.systemUTC()), "test");
            ApiDocument document = HttpStack.apiDocument(app);
            List<ParsedEndpoint> apiRoutes = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .filter(route -> route.endpoint.path.startsWith("/api/"))
                    .toList();
            assertThat(apiRoutes).isNotEmpty();
            for (ParsedEndpoint route : apiRoutes) {
                assertThat(document.documents(route.endpoint.method.name(), route.endpoint.path))
                        .as("%s %s is in the OpenAPI document", route.endpoint.method, route.endpoint.path)
                        .isTrue();
            }
            assertThat(document.toOpenApi()).containsEntry("openapi", "3.1.0");
        }
    }

    /**
     * Every body documented from a record is read by that record exactly as documented: an example made from the
     * documented schema alone is accepted, and leaving out any required field, adding an unknown one or giving any
     * field the wrong type is refused with that field named.
     */
    @Test
    void everyDocumentedRequestBodyIsReadAsItsSchemaSays() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Javalin app = WebApp.create(Services.wire(fresh.database(), Clock.systemUTC()), "test");
            List<ApiDocument.Operation> bodies = HttpStack.apiDocument(app).operations().stream()
                    .filter(op -> op.bodyRecord().isPresent())
                    .toList();
            assertThat(bodies).hasSizeGreaterThanOrEqualTo(8);
            for (ApiDocument.Operation op : bodies) {
                Class<? extends Record> record = op.bodyRecord().orElseThrow();
                String where = op.method() + " " + op.path();
                Map<String, Object> schema = op.requestSchema().orElseThrow();
                assertThat(schema).as(where).isEqualTo(RecordSchema.of(record));
                // The documented schema itself, run by a JSON Schema validator, agrees with the parser on each case.
                JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(Json.mapper().<JsonNode>valueToTree(schema));
                ObjectNode example = (ObjectNode) example(schema);
                assertThat(validator.validate(example)).as(where + " example").isEmpty();
                assertThat(JsonBodies.parse(example.toString(), record))
                        .as(where)
                        .isNotNull();

                ObjectNode unknown = example.deepCopy().put("not_a_field_of_this_body", 1);
                assertThat(validator.validate(unknown)).as(where + " unknown").isNotEmpty();
                assertThat(refused(unknown, record)).as(where).contains("not_a_field_of_this_body");
                for (Object required : (List<?>) schema.getOrDefault("required", List.of())) {
                    ObjectNode without = example.deepCopy();
                    without.remove((String) required);
                    assertThat(validator.validate(without))
                            .as(where + " without " + required)
                            .isNotEmpty();
                    assertThat(refused(without, record))
                            .as(where + " without " + required)
                            .contains((String) required);
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> properties =
                        (Map<String, Map<String, Object>>) schema.get("properties");
                properties.forEach((name, property) -> {
                    ObjectNode wrong = example.deepCopy();
                    wrong.set(name, wrongValue(property));
                    assertThat(validator.validate(wrong))
                            .as(where + " with a wrong " + name)
                            .isNotEmpty();
                    assertThat(refused(wrong, record))
                            .as(where + " with a wrong " + name)
                            .anySatisfy(field -> assertThat(field).startsWith(name));
                });
            }
        }
    }

    private static List<String> refused(JsonNode body, Class<?> record) {
        BadInputException refusal =
                catchThrowableOfType(BadInputException.class, () -> JsonBodies.parse(body.toString(), record));
        assertThat(refusal).as("%s is refused", body).isNotNull();
        return refusal.errors().stream().map(FieldError::field).toList();
    }

    /** The smallest body the schema allows: its required fields only, each at its lowest allowed value. */
    @SuppressWarnings("unchecked")
    private static JsonNode example(Map<String, Object> schema) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (schema.containsKey("oneOf")) {
            return example(((List<Map<String, Object>>) schema.get("oneOf")).get(0));
        }
        if (schema.containsKey("const")) {
            return json.textNode((String) schema.get("const"));
        }
        if (schema.containsKey("enum")) {
            return json.textNode(String.valueOf(((List<?>) schema.get("enum")).get(0)));
        }
        String type = (String) schema.get("type");
        switch (type) {
            case "object" -> {
                ObjectNode object = json.objectNode();
                Map<String, Map<String, Object>> properties =
                        (Map<String, Map<String, Object>>) schema.get("properties");
                for (Object required : (List<?>) schema.getOrDefault("required", List.of())) {
                    object.set((String) required, example(properties.get(required)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = json.arrayNode();
                int size = ((Number) schema.getOrDefault("minItems", 0)).intValue();
                for (int i = 0; i < size; i++) {
                    array.add(example((Map<String, Object>) schema.get("items")));
                }
                return array;
            }
            case "integer", "number" -> {
                return json.numberNode(((Number) schema.getOrDefault("minimum", 1)).longValue());
            }
            case "boolean" -> {
                return json.booleanNode(false);
            }
            default -> {
                return switch (String.valueOf(schema.get("format"))) {
                    case "date" -> json.textNode("2026-01-15");
                    case "date-time" -> json.textNode("2026-01-15T08:00:00Z");
                    default -> json.textNode("x");
                };
            }
        }
    }

    /** A value of another JSON type than the schema's. */
    private static JsonNode wrongValue(Map<String, Object> schema) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        Object type = schema.get("type");
        if ("string".equals(type) || schema.containsKey("enum")) {
            return json.numberNode(12);
        }
        return json.textNode("not a " + type);
    }

    @Test
    void theDocumentIsServedAsJson() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            var response = server.client().get("/api/v1/openapi.json");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"/api/v1/me\"").contains("\"securitySchemes\"");
            assertThat(server.client().get("/api").body()).contains("/api/v1/me");
        }
    }
}
