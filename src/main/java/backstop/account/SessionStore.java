package backstop.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleConsumer;

/**
 * Server-side sessions. The cookie holds a random token; the table holds only its SHA-256, so a copy of the
 * database cannot be used to take over a session. A session ends after {@link #IDLE} without use or
 * {@link #ABSOLUTE} after login, whichever comes first (OWASP Session Management guidance); a half-finished sign-in
 * (waiting for the two-factor code) after {@link #PENDING}. Every sign-in and every change of privilege makes a new
 * token, so a token seen before it never grants more than it did then.
 */
final class SessionStore {
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration PENDING = Duration.ofMinutes(10);
    private final UserRepository users;

    SessionStore(UserRepository users) {
        this.users = users;
    }

    NewSession create(Handle handle, User user, Instant now, SessionStage stage) {
        String token = Secrets.newToken();
        String csrf = Secrets.newToken();
        Instant expires = stage == SessionStage.FULL ? expiry(now, now) : now.plus(PENDING);
        handle.createUpdate("""
                        INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, stage)
                        VALUES (:hash, :user, :csrf, :now, :now, :expires, :stage)""")
                .bind("hash", Secrets.sha256(token))
                .bind("user", user.id())
                .bind("csrf", csrf)
                .bind("now", now)
                .bind("expires", expires)
                .bind("stage", stage.code())
                .execute();
        return new NewSession(token, new SignedIn(user, csrf, expires, stage));
    }

    /** What a cookie value resolved to, and the one write that needs (none on most requests). */
    record Resumed(Optional<SignedIn> signedIn, Optional<HandleConsumer<RuntimeException>> write) {}

    /**
     * The session for a cookie value, read only; empty when unknown or expired. The write it asks for (forgetting an
     * expired session, or restarting the idle timer, at most once a minute) is for the caller to run.
     */
    Resumed resume(Handle handle, String token, Instant now) {
        String hash = Secrets.sha256(token);
        record Row(long userId, String csrf, Instant created, Instant expires, SessionStage stage) {}
        Optional<Row> row = handle.createQuery(
                        "SELECT user_id, csrf_token, created_at, expires_at, stage FROM sessions WHERE token_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> new Row(
                        rs.getLong("user_id"),
                        rs.getString("csrf_token"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        SessionStage.fromCode(rs.getString("stage"))))
                .findOne();
        if (row.isEmpty()) {
            return new Resumed(Optional.empty(), Optional.empty());
        }
        if (!now.isBefore(row.get().expires())) {
            return new Resumed(Optional.empty(), Optional.of(writes -> delete(writes, token)));
        }
        Instant expires = row.get().stage() == SessionStage.FULL
                ? expiry(row.get().created(), now)
                : row.get().expires();
        // Refresh at most once a minute: on SQLite every write is a synced commit, too dear for every page view.
        if (Duration.between(row.get().expires(), expires).compareTo(Duration.ofMinutes(1)) < 0) {
            return new Resumed(
                    users.findById(handle, row.get().userId())
                            .map(user -> new SignedIn(
                                    user,
                                    row.get().csrf(),
                                    row.get().expires(),
                                    row.get().stage())),
                    Optional.empty());
        }
        Optional<SignedIn> signedIn = users.findById(handle, row.get().userId())
                .map(user ->
                        new SignedIn(user, row.get().csrf(), expires, row.get().stage()));
        return new Resumed(
                signedIn,
                Optional.of(writes -> writes.createUpdate(
                                "UPDATE sessions SET last_seen_at = :now, expires_at = :expires WHERE token_hash = :hash")
                        .bind("now", now)
                        .bind("expires", expires)
                        .bind("hash", hash)
                        .execute()));
    }

    void delete(Handle handle, String token) {
        handle.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
                .bind("hash", Secrets.sha256(token))
                .execute();
    }

    void deleteAllOf(Handle handle, long userId) {
        handle.createUpdate("DELETE FROM sessions WHERE user_id = :user")
                .bind("user", userId)
                .execute();
    }

    private static Instant expiry(Instant created, Instant now) {
        Instant idle = now.plus(IDLE);
        Instant absolute = created.plus(ABSOLUTE);
        return idle.isBefore(absolute) ? idle : absolute;
    }
}
