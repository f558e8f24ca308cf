package backstop.harness;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.plan.PlanPreferences;
import backstop.web.OwnerRows;
import backstop.web.TestServer;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz test of every API route that reads a body, a path or a query parameter, through the running app (real HTTP,
 * real SQLite): any bytes give an answer below 500, and when the answer is 4xx the owner's rows are exactly as
 * before (the hash of {@link OwnerRows}); another person's rows never change at all.
 *
 * <p>An input's first line names the route ({@code PUT /api/v1/diary/{date}}, as in {@link #ROUTES}; any other first
 * line picks one by its hash); the rest is the body, or for path and query routes the values, one per line. The
 * committed inputs are in {@code src/test/resources/backstop/harness/ApiFuzzTestInputs/apiRequest/}.
 */
class ApiFuzzTest {
    private static final String PASSWORD = "fuzzing is a long secret";

    /** How a route takes its input. */
    enum Kind {
        JSON,
        CSV,
        VALUES
    }

    record Route(String name, Kind kind, String method, String template) {
        static Route json(String method, String path) {
            return new Route(method + " " + path, Kind.JSON, method, path);
        }

        static Route csv(String method, String path) {
            return new Route(method + " " + path, Kind.CSV, method, path);
        }

        static Route values(String method, String template) {
            return new Route(method + " " + template, Kind.VALUES, method, template);
        }
    }

    static final List<Route> ROUTES = List.of(
            Route.json("PUT", "/api/v1/me"),
            Route.json("POST", "/api/v1/assessments"),
            Route.json("PUT", "/api/v1/diary/2026-03-01"),
            Route.csv("POST", "/api/v1/diary/import"),
            Route.csv("POST", "/api/v1/diary/import?skip_bad=true"),
            Route.json("POST", "/api/v1/plans"),
            Route.json("POST", "/api/v1/plans/current/sessions"),
            Route.json("POST", "/api/v1/plans/current/review"),
            Route.json("POST", "/api/v1/desk/events"),
            Route.values("PUT", "/api/v1/diary/{0}"),
            Route.values("GET", "/api/v1/diary/{0}"),
            Route.values("GET", "/api/v1/diary/{0}/history"),
            Route.values("GET", "/api/v1/assessments/{0}"),
            Route.values("GET", "/api/v1/assessments/schema/{0}"),
            Route.values("GET", "/api/v1/exercises/{0}"),
            Route.values("GET", "/api/v1/diary?from={0}&to={1}"),
            Route.values("GET", "/api/v1/plans/current/today?date={0}"),
            Route.values("GET", "/api/v1/desk/today?offset={0}&zone={1}"),
            Route.values("GET", "/api/v1/desk/summary?from={0}&to={1}"),
            Route.values("GET", "/api/v1/me/audit?offset={0}"),
            Route.values("GET", "/api/v1/exercises?area={0}&equipment={1}"));

    private static Fixture fixture;

    /** One server, one owner with an assessment and a plan (so every route gets past "no plan yet"), one other. */
    private record Fixture(
            TestDatabases.Fresh database, TestServer server, User owner, User other, String token, HttpClient http)
            implements AutoCloseable {
        static Fixture start() {
            TestDatabases.Fresh database = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
            TestServer server = TestServer.start(database.database());
            Services services = server.services();
            Caller setup = Caller.commandLine(Optional.empty());
            User owner = services.accounts().register("owner", "", PASSWORD, setup);
            User other = services.accounts().register("other", "", PASSWORD, setup);
            for (User user : List.of(owner, other)) {
                services.assessments().submit(user, Intakes.deskWorker(), setup);
                services.plans().create(user, PlanPreferences.defaults(), setup);
            }
            String token = services.accounts().createApiToken(owner, "fuzz", setup);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            return new Fixture(database, server, owner, other, token, http);
        }

        @Override
        public void close() {
            server.close();
            database.close();
        }
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = Fixture.start();
        }
        return fixture;
    }

    @AfterAll
    static synchronized void stop() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void apiRequest(byte[] input) throws IOException, InterruptedException {
        Fixture f = fixture();
        // The one connection this test makes on purpose: to the app under test. Jazzer's SSRF detector still
        // reports any other, e.g. one the app would make because of what a request said.
        int port = f.server().port();
        BugDetectors.allowNetworkConnections(
                (host, to) -> to == port && (host.equals("localhost") || host.equals("127.0.0.1")));
        String text = ParserFuzzTest.text(input);
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline);
        String rest = newline < 0 ? "" : text.substring(newline + 1);
        Route route = ROUTES.stream()
                .filter(r -> r.name().equals(first))
                .findFirst()
                .orElse(ROUTES.get(Math.floorMod(first.hashCode(), ROUTES.size())));
        String ownerBefore = OwnerRows.hash(f.database().database(), f.owner().id());
        String otherBefore = OwnerRows.hash(f.database().database(), f.other().id());

        HttpResponse<String> response = f.http().send(request(f, route, rest), HttpResponse.BodyHandlers.ofString());

        int status = response.statusCode();
        assertThat(status)
                .as("%s with %s answered %s", route.name(), rest, response.body())
                .isLessThan(500);
        assertThat(OwnerRows.hash(f.database().database(), f.other().id()))
                .as("another person's rows after %s", route.name())
                .isEqualTo(otherBefore);
        if (status >= 400) {
            assertThat(OwnerRows.hash(f.database().database(), f.owner().id()))
                    .as("the owner's rows after %s refused with %d: %s", route.name(), status, response.body())
                    .isEqualTo(ownerBefore);
        }
    }

    private static HttpRequest request(Fixture f, Route route, String rest) {
        String path = route.template();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String type = "application/json";
        switch (route.kind()) {
            case JSON -> body = HttpRequest.BodyPublishers.ofString(rest);
            case CSV -> {
                body = HttpRequest.BodyPublishers.ofString(rest);
                type = "text/csv";
            }
            case VALUES -> {
                String[] values = rest.split("\n", -1);
                for (int i = 0; i < 2; i++) {
                    String value = i < values.length ? values[i] : "";
                    path = path.replace(
                            "{" + i + "}",
                            encode(value, path.indexOf('?') >= 0 && path.indexOf('?') < path.indexOf("{" + i + "}")));
                }
                if (!route.method().equals("GET")) {
                    body = HttpRequest.BodyPublishers.ofString("{}");
                }
            }
        }
        return HttpRequest.newBuilder(URI.create(f.server().url(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + f.token())
                .header("Content-Type", type)
                .method(route.method(), body)
                .build();
    }

    /** A value as it travels in a query ({@code +} for a space) or a path segment ({@code %20}, {@code /} escaped). */
    private static String encode(String value, boolean inQuery) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return inQuery ? encoded : encoded.replace("+", "%20");
    }
}
