package backstop.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Long-lived bearer tokens for scripts and clinic systems; like sessions, only their hash is stored. */
final class ApiTokens {
    private final UserRepository users;

    ApiTokens(UserRepository users) {
        this.users = users;
    }

    String create(Handle handle, User user, String name, Instant now) {
        String token = "bst_" + Secrets.newToken();
        handle.createUpdate("""
                        INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                        VALUES (:user, :name, :hash, :now)""")
                .bind("user", user.id())
                .bind("name", name)
                .bind("hash", Secrets.sha256(token))
                .bind("now", now)
                .execute();
        return token;
    }

    Optional<User> resolve(Handle handle, String token, Instant now) {
        String hash = Secrets.sha256(token);
        Optional<Long> userId = handle.createQuery("SELECT user_id FROM api_tokens WHERE token_hash = :hash")
                .bind("hash", hash)
                .mapTo(Long.class)
                .findOne();
        userId.ifPresent(id -> handle.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_hash = :hash")
                .bind("now", now)
                .bind("hash", hash)
                .execute());
        return userId.flatMap(id -> users.findById(handle, id));
    }

    List<ApiTokenInfo> list(Handle handle, long userId) {
        return handle.createQuery(
                        "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = :user ORDER BY id")
                .bind("user", userId)
                .map((rs, ctx) -> new ApiTokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("last_used_at")).map(java.sql.Timestamp::toInstant)))
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
