package backstop.web;

import backstop.json.RecordSchema;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.Optional;

/** Registers {@code /api} routes and documents them in the same call. Feature controllers take one of these. */
public final class Api {
    private final RoutesConfig routes;
    private final ApiDocument document;

    Api(RoutesConfig routes, ApiDocument document) {
        this.routes = routes;
        this.document = document;
    }

    public void get(String path, Handler handler, Access access, String summary, String description, String response) {
        routes.get(path, handler, access);
        describe("GET", path, access, summary, description, Optional.empty(), response);
    }

    public void post(
            String path,
            Handler handler,
            Access access,
            String summary,
            String description,
            Map<String, Object> requestSchema,
            String response) {
        routes.post(path, handler, access);
        describe("POST", path, access, summary, description, Optional.of(requestSchema), response);
    }

    /**
     * A POST whose JSON body is read into {@code body} by {@link JsonBodies}: the documented schema is derived from
     * that record ({@link RecordSchema}), so the document and the parser cannot disagree.
     */
    public void post(
            String path,
            Handler handler,
            Access access,
            String summary,
            String description,
            Class<? extends Record> body,
            String response) {
        routes.post(path, handler, access);
        describe("POST", path, access, summary, description, body, response);
    }

    public void put(
            String path,
            Handler handler,
            Access access,
            String summary,
            String description,
            Map<String, Object> requestSchema,
            String response) {
        routes.put(path, handler, access);
        describe("PUT", path, access, summary, description, Optional.of(requestSchema), response);
    }

    /** A PUT whose JSON body is read into {@code body}; its schema is derived from the record. */
    public void put(
            String path,
            Handler handler,
            Access access,
            String summary,
            String description,
            Class<? extends Record> body,
            String response) {
        routes.put(path, handler, access);
        describe("PUT", path, access, summary, description, body, response);
    }

    public void delete(
            String path, Handler handler, Access access, String summary, String description, String response) {
        routes.delete(path, handler, access);
        describe("DELETE", path, access, summary, description, Optional.empty(), response);
    }

    /** Documents an operation whose body, if any, is described by a hand-written schema. */
    private void describe(
            String method,
            String path,
            Access access,
            String summary,
            String description,
            Optional<Map<String, Object>> requestSchema,
            String response) {
        document.add(new ApiDocument.Operation(
                method, path, summary, description, access, requestSchema, Optional.empty(), response));
    }

    /** Documents an operation whose body is read into {@code body}: the schema is derived from the record. */
    private void describe(
            String method,
            String path,
            Access access,
            String summary,
            String description,
            Class<? extends Record> body,
            String response) {
        document.add(() -> new ApiDocument.Operation(
                method,
                path,
                summary,
                description,
                access,
                Optional.of(RecordSchema.of(body)),
                Optional.of(body),
                response));
    }
}
