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
        document.add(new ApiDocument.Operation(
                "GET", path, summary, description, access, Optional.empty(), Optional.empty(), response));
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
        document.add(new ApiDocument.Operation(
                "POST", path, summary, description, access, Optional.of(requestSchema), Optional.empty(), response));
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
        document.add(new ApiDocument.Operation(
                "POST",
                path,
                summary,
                description,
                access,
                Optional.of(RecordSchema.of(body)),
                Optional.of(body),
                response));
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
        document.add(new ApiDocument.Operation(
                "PUT", path, summary, description, access, Optional.of(requestSchema), Optional.empty(), response));
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
        document.add(new ApiDocument.Operation(
                "PUT",
                path,
                summary,
                description,
                access,
                Optional.of(RecordSchema.of(body)),
                Optional.of(body),
                response));
    }

    public void delete(
            String path, Handler handler, Access access, String summary, String description, String response) {
        routes.delete(path, handler, access);
        document.add(new ApiDocument.Operation(
                "DELETE", path, summary, description, access, Optional.empty(), Optional.empty(), response));
    }
}
