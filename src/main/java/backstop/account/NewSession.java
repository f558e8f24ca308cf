package backstop.account;

import java.util.Objects;

/** What a successful login hands to the web layer: the cookie value (shown once, stored only as a hash) and the session. */
public record NewSession(String cookieValue, SignedIn session) {
    public NewSession {
        Objects.requireNonNull(cookieValue, "cookieValue");
        Objects.requireNonNull(session, "session");
    }
}
