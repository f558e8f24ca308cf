package backstop.account.pages;

import backstop.account.TwoFactorStatus;
import backstop.error.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the two-factor page shows: the status, a setup in progress (QR code and typed secret, and where the code goes),
 * or recovery codes shown this once. {@code signingIn} is true during a sign-in that requires setting it up first.
 */
public record TwoFactorView(
        TwoFactorStatus status,
        Optional<Setup> setup,
        List<String> recoveryCodes,
        String continueTo,
        boolean signingIn,
        List<FieldError> errors) {
    /** A secret being set up. */
    public record Setup(String qrDataUri, String groupedSecret, String otpauthUri, String confirmAction) {
        public Setup {
            Objects.requireNonNull(qrDataUri, "qrDataUri");
            Objects.requireNonNull(groupedSecret, "groupedSecret");
            Objects.requireNonNull(otpauthUri, "otpauthUri");
            Objects.requireNonNull(confirmAction, "confirmAction");
        }
    }

    public TwoFactorView {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(setup, "setup");
        recoveryCodes = List.copyOf(recoveryCodes);
        Objects.requireNonNull(continueTo, "continueTo");
        errors = List.copyOf(errors);
    }
}
