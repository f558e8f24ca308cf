package backstop.account;

import java.time.Instant;
import java.util.Objects;

/** An account as the rest of the application sees it; the password hash never leaves this package. */
public record User(long id, String username, String displayName, Role role, Instant createdAt) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean is(Role other) {
        return role == other;
    }
}
