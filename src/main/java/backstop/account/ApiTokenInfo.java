package backstop.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the account page shows of a token: never the token itself, which is only stored as a hash. The last use is
 * kept to the minute.
 */
public record ApiTokenInfo(
        long id, String name, Instant createdAt, Optional<Instant> lastUsedAt, Optional<Instant> expiresAt) {
    public ApiTokenInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expired(Instant now) {
        return expiresAt.map(at -> !now.isBefore(at)).orElse(false);
    }
}
