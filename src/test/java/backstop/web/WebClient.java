package backstop.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, reads the page's CSRF token, never follows redirects. */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestServer server;
    private final HttpClient http;
    private String csrf = "";
    private final Map<String, String> headers = new LinkedHashMap<>();

    WebClient(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Sends this header with every later request (e.g. what a reverse proxy adds). */
    public WebClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url(path)));
        headers.forEach(builder::header);
        return builder;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(request(path).GET().build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    /** Posts a form with the token of the last page seen, as a browser would. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("_csrf", csrf);
        return postRaw(path, all);
    }

    /** Posts exactly these fields: no token added. */
    public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public HttpResponse<String> json(String method, String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Signs up, then signs in (sign-up alone signs no one in); returns the landing page address. */
    public String register(String username, String password) {
        get("/register");
        HttpResponse<String> response =
                post("/register", Map.of("username", username, "password", password, "password_confirm", password));
        if (response.statusCode() != 302) {
            throw new IllegalStateException("sign-up failed with " + response.statusCode() + ": " + response.body());
        }
        HttpResponse<String> login = login(username, password);
        if (login.statusCode() != 302) {
            throw new IllegalStateException("sign-in after sign-up failed with " + login.statusCode());
        }
        return login.headers().firstValue("Location").orElseThrow();
    }

    public HttpResponse<String> login(String username, String password) {
        get("/login");
        HttpResponse<String> response = post("/login", Map.of("username", username, "password", password));
        response.headers().firstValue("Location").ifPresent(this::get);
        return response;
    }

    public String csrf() {
        return csrf;
    }
}
