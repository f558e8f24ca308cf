package backstop.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A live browser session: who it belongs to, the token that every form of that session must carry back, and how far
 * signing in has got ({@link SessionStage#FULL} is signed in; the others may only finish signing in).
 */
public record SignedIn(User user, String csrfToken, Instant expiresAt, SessionStage stage) {
    public SignedIn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(stage, "stage");
    }

    public boolean complete() {
        return stage == SessionStage.FULL;
    }
}
