package backstop.clinic;

import java.time.Instant;
import java.util.Objects;

/** A one-time code a clinician hands to a person; only its hash is stored, so it is shown once. */
public record Invite(String code, Instant expiresAt) {
    public Invite {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
