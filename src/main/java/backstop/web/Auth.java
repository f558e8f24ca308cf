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
 * Resolves who is asking (session cookie or bearer token) and enforces each route's {@link Access}.
 * A browser without a session is sent to the log-in page; an API client gets 401. A wrong role is 403.
 */
public final class Auth {
    public static final String SESSION_COOKIE = "backstop_session";
    private final AccountService accounts;

    Auth(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Runs before every request. */
    void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            Optional<User> user = accounts.userForApiToken(
                    authorization.substring("Bearer ".length()).strip());
            if (user.isEmpty()) {
                throw new UnauthorizedException("That API token is not valid.");
            }
            ctx.attribute(Visitor.ATTRIBUTE, new Visitor(user, Optional.empty(), true, ctx.ip()));
            return;
        }
        Optional<SignedIn> session = accounts.resume(ctx.cookie(SESSION_COOKIE));
        ctx.attribute(
                Visitor.ATTRIBUTE,
                new Visitor(session.map(SignedIn::user), session.map(SignedIn::csrfToken), false, ctx.ip()));
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

    public static void startSession(Context ctx, String cookieValue) {
        Cookie cookie = new Cookie(SESSION_COOKIE, cookieValue, "/", -1, isSecure(ctx), true, null, SameSite.LAX);
        ctx.cookie(cookie);
    }

    public static void endSession(Context ctx) {
        Cookie cookie = new Cookie(SESSION_COOKIE, "", "/", 0, isSecure(ctx), true, null, SameSite.LAX);
        ctx.cookie(cookie);
    }

    static boolean isSecure(Context ctx) {
        return "https".equals(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
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
