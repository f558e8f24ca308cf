package backstop.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the account page says about two-factor sign-in for one account. */
public record TwoFactorStatus(Optional<Instant> enabledSince, int unusedRecoveryCodes, boolean required) {
    public TwoFactorStatus {
        Objects.requireNonNull(enabledSince, "enabledSince");
    }

    public boolean enabled() {
        return enabledSince.isPresent();
    }
}
