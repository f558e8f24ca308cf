package backstop.account;

import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Slows down password guessing, per account and per client address, as OWASP's authentication guidance asks:
 * after {@link #ACCOUNT_LIMIT} failures for one account (or {@link #ADDRESS_LIMIT} from one address) within
 * {@link #WINDOW}, further attempts are refused until the window has passed. Kept in the database so a restart
 * does not reset it and several servers share it.
 */
final class LoginThrottle {
    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    boolean isBlocked(Handle handle, String username, String address, Instant now) {
        Instant since = now.minus(WINDOW);
        return failures(handle, "account", username, since) >= ACCOUNT_LIMIT
                || failures(handle, "address", address, since) >= ADDRESS_LIMIT;
    }

    void recordFailure(Handle handle, String username, String address, Instant now) {
        insert(handle, "account", username, now);
        insert(handle, "address", address, now);
        // Old rows are worthless; trimming here keeps the table small without a scheduler.
        handle.createUpdate("DELETE FROM login_failures WHERE failed_at < :before")
                .bind("before", now.minus(WINDOW.multipliedBy(2)))
                .execute();
    }

    void clearAccount(Handle handle, String username) {
        handle.createUpdate("DELETE FROM login_failures WHERE scope = 'account' AND key_value = :key")
                .bind("key", username)
                .execute();
    }

    private static int failures(Handle handle, String scope, String key, Instant since) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM login_failures
                        WHERE scope = :scope AND key_value = :key AND failed_at >= :since""")
                .bind("scope", scope)
                .bind("key", key)
                .bind("since", since)
                .mapTo(Integer.class)
                .one();
    }

    private static void insert(Handle handle, String scope, String key, Instant now) {
        handle.createUpdate("INSERT INTO login_failures (scope, key_value, failed_at) VALUES (:scope, :key, :now)")
                .bind("scope", scope)
                .bind("key", key.length() > 128 ? key.substring(0, 128) : key)
                .bind("now", now)
                .execute();
    }
}
