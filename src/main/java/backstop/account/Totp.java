package backstop.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA-1, 6 digits, 30-second
 * steps. The HMAC computation is java-otp's; the step arithmetic, the window and the replay rule are ours.
 */
final class Totp {
    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    /** Codes from one step before or after are accepted too: phone clocks drift and people type slowly. */
    static final int WINDOW = 1;

    private Totp() {}

    static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code for one time step, with any length and HMAC ("HmacSHA1", "HmacSHA256", "HmacSHA512"). */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        try {
            TimeBasedOneTimePasswordGenerator generator =
                    new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
            int value = generator.generateOneTimePassword(
                    new SecretKeySpec(secret, algorithm), Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format("%0" + digits + "d", value);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an HMAC key of any length is valid", e);
        }
    }

    static String code(byte[] secret, Instant at) {
        return code(secret, step(at), DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code typed} is, within the window around {@code now} and newer than {@code lastUsed}
     * (a code is good once); empty when it is none.
     */
    static OptionalLong matchingStep(byte[] secret, String typed, Instant now, long lastUsed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            if (step > lastUsed
                    && java.security.MessageDigest.isEqual(
                            code(secret, step, DIGITS, "HmacSHA1").getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                            digits.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }
}
