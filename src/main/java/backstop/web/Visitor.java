package backstop.web;

import backstop.account.Caller;
import backstop.account.SignedIn;
import backstop.account.User;
import backstop.error.ForbiddenException;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making this request, resolved once per request by {@link Auth}: the account (if signed in), how it
 * authenticated, the token its forms must carry, and a sign-in still waiting for its second step ({@code partial}:
 * its account is not signed in, and only the sign-in pages look at it).
 */
public record Visitor(
        Optional<User> user,
        Optional<String> sessionCsrf,
        boolean viaApiToken,
        String address,
        Optional<SignedIn> partial) {
    static final String ATTRIBUTE = "backstop.visitor";

    public Visitor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sessionCsrf, "sessionCsrf");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(partial, "partial");
    }

    public static Visitor of(Context ctx) {
        Visitor visitor = ctx.attribute(ATTRIBUTE);
        return visitor == null
                ? new Visitor(Optional.empty(), Optional.empty(), false, Auth.address(ctx), Optional.empty())
                : visitor;
    }

    /** The signed-in account; routes marked SIGNED_IN or stricter never see an anonymous visitor. */
    public User requireUser() {
        return user.orElseThrow(() -> new ForbiddenException("sign in first"));
    }

    public Caller caller() {
        return new Caller(user, address);
    }
}
