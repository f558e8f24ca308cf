package backstop.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Bearer tokens for scripts and clinic systems; like sessions, only their hash is stored. A token may have an
 * expiry; after it the token is refused (and listed as expired until revoked).
 */
final class ApiTokens {
    /** The last use is written at most this often: every write on SQLite is a synced commit. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    String create(Handle handle, User user, String name, Instant now, Optional<Instant> expires) {
        String token = "bst_" + Secrets.newToken();
        handle.createUpdate("""
                        INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
                        VALUES (:user, :name, :hash, :now, :expires)""")
                .bind("user", user.id())
                .bind("name", name)
                .bind("hash", Secrets.sha256(token))
                .bind("now", now)
                .bind("expires", expires.orElse(null))
                .execute();
        return token;
    }

    /**
     * A token as read from the database at {@code readAt}: its owner, its last use and its expiry. Whether it may be
     * used is decided at each use ({@link #validAt}), so a kept one is never used past its expiry.
     */
    record Known(User user, String hash, Optional<Instant> lastUsed, Optional<Instant> expires, Instant readAt) {
        boolean validAt(Instant now) {
            return expires.map(now::isBefore).orElse(true);
        }

        /** Whether its last use is older than {@link #LAST_USED_PRECISION}: then this use is written. */
        boolean staleAt(Instant now) {
            return lastUsed.map(at -> Duration.between(at, now).compareTo(LAST_USED_PRECISION) >= 0)
                    .orElse(true);
        }

        Known usedAt(Instant now) {
            return new Known(user, hash, Optional.of(now), expires, readAt);
        }
    }

    /**
     * Reads only, one query for the token and its owner, expired or not: the caller checks {@link Known#validAt} and
     * writes the last use (see {@link #touch}) when it is stale, once a minute at most.
     */
    Optional<Known> find(Handle handle, String hash, Instant now) {
        return handle.createQuery("""
                        SELECT users.id, users.username, users.display_name, users.role, users.created_at,
                               api_tokens.last_used_at, api_tokens.expires_at
                        FROM api_tokens JOIN users ON users.id = api_tokens.user_id
                        WHERE api_tokens.token_hash = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Known(
                        UserRepository.map(rs),
                        hash,
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant),
                        now))
                .findOne();
    }

    /** Records a use of the token; called only when {@link Known#staleAt}, so at most once a minute. */
    void touch(Handle handle, String hash, Instant now) {
        handle.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", now)
                .bind("hash", hash)
                .execute();
    }

    List<ApiTokenInfo> list(Handle handle, long userId) {
        return handle.createQuery("""
                        SELECT id, name, created_at, last_used_at, expires_at FROM api_tokens
                        WHERE user_id = :user ORDER BY id""")
                .bind("user", userId)
                .map((rs, ctx) -> new ApiTokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant),
                        Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant)))
                .list();
    }

    /** Deletes one of the user's own tokens; another user's token id deletes nothing. */
    boolean delete(Handle handle, long userId, long tokenId) {
        return handle.createUpdate("DELETE FROM api_tokens WHERE id = :id AND user_id = :user")
                        .bind("id", tokenId)
                        .bind("user", userId)
                        .execute()
                == 1;
    }
}
