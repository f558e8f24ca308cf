package backstop.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reset links an admin makes for a person who forgot their password (no e-mail server is assumed: the admin hands
 * the link over). Each link works once, for {@link #VALID}; a newer link replaces older ones; only the hash is kept.
 */
final class PasswordResets {
    static final Duration VALID = Duration.ofHours(24);

    String issue(Handle handle, long userId, Instant now) {
        handle.createUpdate("DELETE FROM password_resets WHERE user_id = :user")
                .bind("user", userId)
                .execute();
        String token = Secrets.newToken();
        handle.createUpdate("""
                        INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)
                        VALUES (:hash, :user, :now, :expires)""")
                .bind("hash", Secrets.sha256(token))
                .bind("user", userId)
                .bind("now", now)
                .bind("expires", now.plus(VALID))
                .execute();
        return token;
    }

    /** The account a link is for, while it is unused and unexpired. */
    Optional<Long> peek(Handle handle, String token, Instant now) {
        return handle.createQuery("""
                        SELECT user_id FROM password_resets
                        WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .bind("hash", Secrets.sha256(token))
                .bind("now", now)
                .mapTo(Long.class)
                .findOne();
    }

    /** Uses the link up; true for exactly one caller even when two use it at once. */
    boolean redeem(Handle handle, String token, Instant now) {
        return handle.createUpdate("""
                                UPDATE password_resets SET used_at = :now
                                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                        .bind("hash", Secrets.sha256(token))
                        .bind("now", now)
                        .execute()
                == 1;
    }
}
