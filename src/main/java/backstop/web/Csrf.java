package backstop.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.Set;

/**
 * Cross-site request forgery protection on every state-changing request (OWASP CSRF Prevention Cheat Sheet):
 * a signed-in browser must send its session's synchronizer token (form field {@code _csrf} or header
 * {@code X-CSRF-Token}); an anonymous browser (log-in and sign-up forms) a signed double-submit token. Requests
 * authenticated by an API token carry no ambient credentials and need none. A foreign Origin is refused outright.
 */
final class Csrf {
    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String ANONYMOUS_COOKIE = "backstop_pre";
    /** Over TLS, with the prefix that binds it to this host (see {@link Auth#SECURE_SESSION_COOKIE}). */
    static final String SECURE_ANONYMOUS_COOKIE = "__Host-backstop_pre";

    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    private final WebSecrets secrets;

    Csrf(WebSecrets secrets) {
        this.secrets = secrets;
    }

    void check(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        Visitor visitor = Visitor.of(ctx);
        if (visitor.viaApiToken()) {
            return;
        }
        checkOrigin(ctx);
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        boolean valid = visitor.sessionCsrf().isPresent()
                ? visitor.sessionCsrf().get().equals(sent)
                : anonymousTokenMatches(ctx, sent);
        if (!valid) {
            throw new ForbiddenResponse(
                    "This form has expired or did not come from Backstop. Please reload the page and try again.");
        }
    }

    /** The token the current page must embed in its forms. */
    String tokenFor(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        if (visitor.sessionCsrf().isPresent()) {
            return visitor.sessionCsrf().get();
        }
        String seed = ctx.cookie(anonymousCookie(ctx));
        if (seed == null || seed.isBlank() || seed.length() > 100) {
            seed = java.util.UUID.randomUUID().toString();
            ctx.cookie(new Cookie(anonymousCookie(ctx), seed, "/", -1, Auth.isSecure(ctx), true, null, SameSite.LAX));
        }
        return secrets.sign(seed);
    }

    private boolean anonymousTokenMatches(Context ctx, String sent) {
        String seed = ctx.cookie(anonymousCookie(ctx));
        return seed != null && secrets.verify(seed, sent);
    }

    private static String anonymousCookie(Context ctx) {
        return Auth.isSecure(ctx) ? SECURE_ANONYMOUS_COOKIE : ANONYMOUS_COOKIE;
    }

    private static void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || "null".equals(origin)) {
            return;
        }
        String host = ctx.header("Host");
        try {
            String originHost = URI.create(origin).getAuthority();
            if (host != null && !host.equalsIgnoreCase(originHost)) {
                throw new ForbiddenResponse("Requests from other sites are not accepted.");
            }
        } catch (IllegalArgumentException e) {
            throw new ForbiddenResponse("Requests from other sites are not accepted.");
        }
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
