package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238 appendix B, and the rules Backstop adds: a window and no replay. */
class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s, {1}")
    @CsvSource({
        "59, HmacSHA1, 94287082",
        "59, HmacSHA256, 46119246",
        "59, HmacSHA512, 90693936",
        "1111111109, HmacSHA1, 07081804",
        "1111111109, HmacSHA256, 68084774",
        "1111111109, HmacSHA512, 25091201",
        "1111111111, HmacSHA1, 14050471",
        "1111111111, HmacSHA256, 67062674",
        "1111111111, HmacSHA512, 99943326",
        "1234567890, HmacSHA1, 89005924",
        "1234567890, HmacSHA256, 91819424",
        "1234567890, HmacSHA512, 93441116",
        "2000000000, HmacSHA1, 69279037",
        "2000000000, HmacSHA256, 90698825",
        "2000000000, HmacSHA512, 38618901",
        "20000000000, HmacSHA1, 65353130",
        "20000000000, HmacSHA256, 77737706",
        "20000000000, HmacSHA512, 47863826"
    })
    void matchesEveryRfc6238TestVector(long seconds, String algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA256" -> SHA256_SEED;
            case "HmacSHA512" -> SHA512_SEED;
            default -> SHA1_SEED;
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(seed, step, 8, algorithm)).isEqualTo(expected);
    }

    @Test
    void aCodeFromTheStepBeforeOrAfterIsAcceptedButNotFromTwoStepsAway() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        String previous = Totp.code(SHA1_SEED, step - 1, 6, "HmacSHA1");
        String next = Totp.code(SHA1_SEED, step + 1, 6, "HmacSHA1");
        String old = Totp.code(SHA1_SEED, step - 2, 6, "HmacSHA1");
        assertThat(Totp.matchingStep(SHA1_SEED, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(SHA1_SEED, next, now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(SHA1_SEED, old, now, 0)).isEmpty();
    }

    @Test
    void aCodeIsGoodOnceAndTypingSpacesIsForgiven() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(SHA1_SEED, now);
        long step = Totp.matchingStep(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now, 0)
                .orElseThrow();
        assertThat(Totp.matchingStep(SHA1_SEED, code, now, step)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_SEED, null, now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesTheRfc4648Example() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("MZXW6YTBOI")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.decode(Base32.encode(SHA512_SEED))).isEqualTo(SHA512_SEED);
    }
}
