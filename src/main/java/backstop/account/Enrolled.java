package backstop.account;

import java.util.List;
import java.util.Objects;

/** Two-factor was just turned on: the recovery codes to show once, and (when signing in) the new session. */
public record Enrolled(List<String> recoveryCodes, java.util.Optional<NewSession> session) {
    public Enrolled {
        recoveryCodes = List.copyOf(recoveryCodes);
        Objects.requireNonNull(session, "session");
    }
}
