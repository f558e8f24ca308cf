package backstop.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A secret being set up: the text to type into an authenticator, and the otpauth address its QR code holds. */
public record TwoFactorSetup(String secret, String username) {
    public TwoFactorSetup {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(username, "username");
    }

    /** The Key Uri Format that authenticator apps read from a QR code. */
    public String otpauthUri() {
        String label = URLEncoder.encode("Backstop:" + username, StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Backstop&algorithm=SHA1&digits=" + Totp.DIGITS
                + "&period=" + Totp.STEP.toSeconds();
    }

    /** The secret in groups of four, easier to type by hand. */
    public String grouped() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
