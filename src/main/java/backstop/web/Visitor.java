package backstop.web;

import backstop.account.Caller;
import backstop.account.User;
import backstop.error.ForbiddenException;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making this request, resolved once per request by {@link Auth}: the account (if any), how it
 * authenticated, and the token its forms must carry.
 */
public record Visitor(Optional<User> user, Optional<String> sessionCsrf, boolean viaApiToken, String address) {
    static final String ATTRIBUTE = "backstop.visitor";

    public Visitor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sessionCsrf, "sessionCsrf");
        Objects.requireNonNull(address, "address");
    }

    public static Visitor of(Context ctx) {
        Visitor visitor = ctx.attribute(ATTRIBUTE);
        return visitor == null ? new Visitor(Optional.empty(), Optional.empty(), false, ctx.ip()) : visitor;
    }

    /** The signed-in account; routes marked SIGNED_IN or stricter never see an anonymous visitor. */
    public User requireUser() {
        return user.orElseThrow(() -> new ForbiddenException("sign in first"));
    }

    public Caller caller() {
        return new Caller(user, address);
    }
}
