package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests a careless or hostile client sends, each answered with a 4xx that names the problem and changes nothing.
 * Every case here was once a 500, a silent acceptance or a leak found by probing the running app.
 */
class BadInputTest {
    private static final String PASSWORD = "a long enough secret";
    private static TestDatabases.Fresh fresh;
    private static TestServer server;
    private static WebClient dana;

    @BeforeAll
    static void start() {
        fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
        server = TestServer.start(fresh.database());
        server.client().register("owner", PASSWORD);
        dana = server.client();
        dana.register("dana", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
        fresh.close();
    }

    private static HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
        return dana.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", contentType)
                .header("X-CSRF-Token", dana.csrf())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    @Test
    void aNullOrTrailingOrRepeatedJsonBodyIsRefused() {
        assertThat(dana.json("PUT", "/api/v1/me", "null").statusCode()).isEqualTo(400);
        assertThat(dana.json("PUT", "/api/v1/me", "{\"display_name\": \"X\"} trailing")
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.json("PUT", "/api/v1/me", "{\"display_name\": \"X\", \"display_name\": \"Y\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> number = dana.json("PUT", "/api/v1/me", "{\"display_name\": 5}");
        assertThat(number.statusCode()).isEqualTo(400);
        assertThat(number.body()).contains("display_name");
        assertThat(dana.json("PUT", "/api/v1/me", "{\"display_name\": \"A\\u0000B\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.json("POST", "/api/v1/assessments", Intakes.deskWorker() + " garbage")
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.get("/api/v1/assessments").body()).isEqualTo("[]");
        HttpResponse<String> broken = dana.json("POST", "/api/v1/assessments", "{\"pain\": NaN}");
        assertThat(broken.body()).doesNotContain("Feature").doesNotContain("StreamRead");
    }

    @Test
    void datesOutsideTheYearsADiaryCanDescribeAreRefused() {
        assertThat(dana.get("/api/v1/diary?to=-999999999-01-01").statusCode()).isEqualTo(400);
        assertThat(dana.get("/api/v1/diary?from=1800-01-01").statusCode()).isEqualTo(400);
        assertThat(dana.json("PUT", "/api/v1/diary/-999999999-01-01", "{\"pain_am\": 1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.json("PUT", "/api/v1/diary/0000-01-01", "{\"pain_am\": 1}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.get("/api/v1/diary?from=1900-01-01").statusCode()).isEqualTo(200);
        assertThat(dana.get("/insights").statusCode()).isEqualTo(200);
        assertThat(dana.json("PUT", "/api/v1/diary/2026-01-05", "{\"note\": \"" + "x".repeat(2001) + "\"}")
                        .body())
                .contains("\"field\":\"note\"");
    }

    @Test
    void aFormThatCannotBeReadIsA400EvenBeforeSigningIn() {
        // Fresh clients: a server may close the connection after a body it cannot read.
        HttpResponse<String> multipart = server.client()
                .send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(HttpRequest.BodyPublishers.ofString("--x\r\nbroken"))
                        .build());
        assertThat(multipart.statusCode()).isEqualTo(400);
        HttpResponse<String> charset = server.client()
                .send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=foo-bar")
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                        .build());
        assertThat(charset.statusCode()).isEqualTo(400);
        assertThat(charset.body()).contains("character set");
    }

    @Test
    void theIntakeFormWithoutItsStepIsRefused() {
        dana.get("/assessment");
        assertThat(dana.post("/assessment", Map.of("pain.now", "3")).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aLogInCanOnlyLeadToAPageOfThisSite() {
        WebClient visitor = server.client();
        visitor.get("/login?next=/%09/evil.example");
        HttpResponse<String> response =
                visitor.post("/login", Map.of("username", "dana", "password", PASSWORD, "next", "/\t/evil.example"));
        assertThat(response.headers().firstValue("Location"))
                .hasValueSatisfying(
                        location -> assertThat(location).doesNotContain("evil").startsWith("/people/"));
    }

    @Test
    void aDiaryThatIsNotUtf8IsRefusedAndNothingIsImported() {
        byte[] latin1 = "date,pain_pm,note\n2026-01-07,3,café\n".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = raw("POST", "/api/v1/diary/import", "text/csv", latin1);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
        assertThat(raw("POST", "/api/v1/diary/import", "text/csvx", "date\n".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(400);
        assertThat(dana.get("/api/v1/diary/2026-01-07").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnsupportedMethodIs405AndJettysOwnRefusalsEchoNothing() {
        assertThat(dana.json("PUT", "/api/v1/assessments", "{}").statusCode()).isEqualTo(405);
        HttpResponse<String> ambiguous = dana.get("/static/..;/x");
        assertThat(ambiguous.statusCode()).isBetween(400, 404);
        assertThat(ambiguous.body()).doesNotContain("..;").doesNotContain("<html");
    }

    @Test
    void theAuditFiltersRefuseAnUpsideDownRange() {
        WebClient owner = server.client();
        owner.login("owner", PASSWORD);
        assertThat(owner.get("/admin/audit?from=2026-05-02&to=2026-05-01").statusCode())
                .isEqualTo(400);
        assertThat(owner.get("/admin/audit?to=%2B999999999-12-31").statusCode()).isEqualTo(400);
        assertThat(owner.get("/admin/audit?action=account_register").body()).contains("No entries match");
    }

    @Test
    void apiTokensAreListedAndRevokedByTheirOwnerOnly() {
        WebClient eli = server.client();
        eli.register("eli-tokens", PASSWORD);
        eli.get("/account");
        eli.post("/account/tokens", Map.of("name", "script"));
        String page = eli.get("/account").body();
        String id = page.replaceAll("(?s).*data-token=\"(\\d+)\".*", "$1");
        assertThat(dana.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(eli.get("/account").body()).contains("data-token=\"" + id + "\"");
        assertThat(eli.post("/account/tokens/" + id + "/revoke", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(eli.get("/account").body()).doesNotContain("data-token=\"" + id + "\"");
    }
}
