package backstop.web;

import backstop.account.AccountService;
import backstop.account.Role;
import backstop.account.SignedIn;
import backstop.account.User;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves who is asking (session cookie or bearer token) and from where, and enforces each route's {@link Access}.
 * A browser without a session is sent to the log-in page; an API client gets 401. A wrong role is 403. A session
 * half-way through signing in (two-factor still to come) is not signed in: only the sign-in pages see it.
 */
public final class Auth {
    /** The session cookie over plain HTTP (a laptop on localhost). */
    public static final String SESSION_COOKIE = "backstop_session";
    /**
     * Over TLS the cookie carries the {@code __Host-} prefix: the browser then insists on Secure, Path=/ and no Domain,
     * so no other host (a sibling subdomain) can plant or overwrite it.
     */
    public static final String SECURE_SESSION_COOKIE = "__Host-backstop_session";

    private static final String ORIGIN = "backstop.origin";
    private final AccountService accounts;
    private final TrustedProxies proxies;

    Auth(AccountService accounts, TrustedProxies proxies) {
        this.accounts = accounts;
        this.proxies = proxies;
    }

    /** Where the request comes from, worked out once: the client's address and whether it arrived over TLS. */
    record Origin(String address, boolean secure) {}

    /** Runs first on every request. */
    void locate(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String address = proxies.client(peer, Optional.ofNullable(ctx.header("X-Forwarded-For")));
        boolean secure = "https".equals(ctx.scheme())
                || proxies.forwardedHttps(peer, Optional.ofNullable(ctx.header("X-Forwarded-Proto")));
        ctx.attribute(ORIGIN, new Origin(address, secure));
    }

    /** Runs before every request, after {@link #locate}. */
    void identify(Context ctx) {
        String address = address(ctx);
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            Optional<User> user = accounts.userForApiToken(
                    authorization.substring("Bearer ".length()).strip());
            if (user.isEmpty()) {
                throw new UnauthorizedException("That API token is not valid.");
            }
            ctx.attribute(Visitor.ATTRIBUTE, new Visitor(user, Optional.empty(), true, address, Optional.empty()));
            return;
        }
        Optional<SignedIn> session = accounts.resume(sessionCookie(ctx));
        Optional<SignedIn> complete = session.filter(SignedIn::complete);
        ctx.attribute(
                Visitor.ATTRIBUTE,
                new Visitor(
                        complete.map(SignedIn::user),
                        session.map(SignedIn::csrfToken),
                        false,
                        address,
                        session.filter(s -> !s.complete())));
    }

    /** Runs before every matched route, after {@link #identify}. */
    void enforce(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Access.ANYONE)) {
            return;
        }
        Visitor visitor = Visitor.of(ctx);
        if (visitor.user().isEmpty()) {
            throw new UnauthorizedException("Please sign in to see this page.");
        }
        User user = visitor.user().get();
        boolean allowed = roles.contains(Access.SIGNED_IN)
                || roles.contains(Access.ADMIN) && user.is(Role.ADMIN)
                || roles.contains(Access.CLINICIAN) && user.is(Role.CLINICIAN);
        if (!allowed) {
            throw new io.javalin.http.ForbiddenResponse("Your account's role does not allow this.");
        }
    }

    /** The session cookie this request carries, under the name its scheme uses. */
    public static String sessionCookie(Context ctx) {
        return ctx.cookie(isSecure(ctx) ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
    }

    public static void startSession(Context ctx, String cookieValue) {
        boolean secure = isSecure(ctx);
        ctx.cookie(new Cookie(
                secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
                cookieValue,
                "/",
                -1,
                secure,
                true,
                null,
                SameSite.LAX));
    }

    public static void endSession(Context ctx) {
        boolean secure = isSecure(ctx);
        ctx.cookie(new Cookie(
                secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, "", "/", 0, secure, true, null, SameSite.LAX));
    }

    /** The client's address: the peer's, or what a trusted proxy says it saw. */
    public static String address(Context ctx) {
        Origin origin = ctx.attribute(ORIGIN);
        return origin == null ? ctx.req().getRemoteAddr() : origin.address();
    }

    public static boolean isSecure(Context ctx) {
        Origin origin = ctx.attribute(ORIGIN);
        return origin == null ? "https".equals(ctx.scheme()) : origin.secure();
    }

    static String loginRedirect(Context ctx) {
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        return "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** Thrown when a route needs an account and there is none. */
    static final class UnauthorizedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnauthorizedException(String message) {
            super(message);
        }

        HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }
    }
}
