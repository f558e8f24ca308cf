package backstop.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * A person's TOTP secret and recovery codes. The secret is made here, shown once as a QR code, and kept in the
 * database (an authenticator and the server must both know it). Recovery codes are random and kept only as hashes;
 * each works once.
 */
final class TwoFactor {
    static final int RECOVERY_CODES = 10;
    private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private final SecureRandom random = new SecureRandom();

    /** Whether two-factor is on, and since when. */
    Optional<Instant> confirmedSince(Handle handle, long userId) {
        return handle.createQuery("SELECT confirmed_at FROM two_factor WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) ->
                        Optional.ofNullable(rs.getTimestamp("confirmed_at")).map(Timestamp::toInstant))
                .findOne()
                .flatMap(at -> at);
    }

    /** A new secret, not yet confirmed, replacing an unconfirmed one. The base-32 text goes into the QR code. */
    String begin(Handle handle, long userId, Instant now) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        handle.createUpdate("DELETE FROM two_factor WHERE user_id = :user AND confirmed_at IS NULL")
                .bind("user", userId)
                .execute();
        String text = Base32.encode(secret);
        handle.createUpdate("INSERT INTO two_factor (user_id, secret, created_at) VALUES (:user, :secret, :now)")
                .bind("user", userId)
                .bind("secret", text)
                .bind("now", now)
                .execute();
        return text;
    }

    /** The unconfirmed secret being set up, if any. */
    Optional<String> pendingSecret(Handle handle, long userId) {
        return handle.createQuery("SELECT secret FROM two_factor WHERE user_id = :user AND confirmed_at IS NULL")
                .bind("user", userId)
                .mapTo(String.class)
                .findOne();
    }

    /** Turns two-factor on when {@code code} matches the pending secret; returns the new recovery codes. */
    Optional<List<String>> confirm(Handle handle, long userId, String code, Instant now) {
        Optional<String> secret = pendingSecret(handle, userId);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong step = Totp.matchingStep(Base32.decode(secret.get()), code, now, 0);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        handle.createUpdate("UPDATE two_factor SET confirmed_at = :now, last_step = :step WHERE user_id = :user")
                .bind("now", now)
                .bind("step", step.getAsLong())
                .bind("user", userId)
                .execute();
        return Optional.of(newRecoveryCodes(handle, userId));
    }

    /** Checks a code at sign-in: a TOTP code (each step once) or an unused recovery code (used up now). */
    boolean verify(Handle handle, long userId, String code, Instant now) {
        record Row(String secret, long lastStep) {}
        Optional<Row> row = handle.createQuery(
                        "SELECT secret, last_step FROM two_factor WHERE user_id = :user AND confirmed_at IS NOT NULL")
                .bind("user", userId)
                .map((rs, ctx) -> new Row(rs.getString("secret"), rs.getLong("last_step")))
                .findOne();
        if (row.isEmpty() || code == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(
                Base32.decode(row.get().secret()), code, now, row.get().lastStep());
        if (step.isPresent()) {
            // Conditional, so two servers checking the same code at once accept it only once.
            return handle.createUpdate(
                                    "UPDATE two_factor SET last_step = :step WHERE user_id = :user AND last_step < :step")
                            .bind("step", step.getAsLong())
                            .bind("user", userId)
                            .execute()
                    == 1;
        }
        String normal = code.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!normal.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
            return false;
        }
        return handle.createUpdate("""
                                UPDATE recovery_codes SET used_at = :now
                                WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
                        .bind("now", now)
                        .bind("user", userId)
                        .bind("hash", Secrets.sha256(normal))
                        .execute()
                == 1;
    }

    int unusedRecoveryCodes(Handle handle, long userId) {
        return handle.createQuery("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :user AND used_at IS NULL")
                .bind("user", userId)
                .mapTo(Integer.class)
                .one();
    }

    List<String> newRecoveryCodes(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM recovery_codes WHERE user_id = :user")
                .bind("user", userId)
                .execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode(5) + "-" + randomCode(5);
            codes.add(code);
            handle.createUpdate("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:user, :hash)")
                    .bind("user", userId)
                    .bind("hash", Secrets.sha256(code))
                    .execute();
        }
        return codes;
    }

    void remove(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM two_factor WHERE user_id = :user")
                .bind("user", userId)
                .execute();
        handle.createUpdate("DELETE FROM recovery_codes WHERE user_id = :user")
                .bind("user", userId)
                .execute();
    }

    private String randomCode(int length) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
