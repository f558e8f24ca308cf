package backstop.account;

import java.time.Instant;
import java.util.Objects;

/** A live browser session: who it belongs to and the token that every form of that session must carry back. */
public record SignedIn(User user, String csrfToken, Instant expiresAt) {
    public SignedIn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
