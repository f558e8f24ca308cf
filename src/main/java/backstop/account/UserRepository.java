package backstop.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Plain SQL for the users table; every method runs on the caller's handle so it can join a transaction. */
final class UserRepository {
    private static final String COLUMNS = "id, username, display_name, role, created_at";

    long insert(Handle handle, String username, String displayName, Role role, String passwordHash, Instant now) {
        return handle.createUpdate("""
                        INSERT INTO users (username, display_name, role, password_hash, created_at)
                        VALUES (:username, :displayName, :role, :hash, :now)""")
                .bind("username", username)
                .bind("displayName", displayName)
                .bind("role", role.code())
                .bind("hash", passwordHash)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<User> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    Optional<User> findByUsername(Handle handle, String username) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
                .bind("username", username)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** An account with its hash, in one query, so a sign-in for a name that exists costs what one for none does. */
    record WithHash(User user, String passwordHash) {}

    Optional<WithHash> findWithHash(Handle handle, String username) {
        return handle.createQuery("SELECT " + COLUMNS + ", password_hash FROM users WHERE username = :username")
                .bind("username", username)
                .map((rs, ctx) -> new WithHash(map(rs), rs.getString("password_hash")))
                .findOne();
    }

    void updatePassword(Handle handle, long id, String hash) {
        handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", id)
                .execute();
    }

    Optional<String> passwordHash(Handle handle, long id) {
        return handle.createQuery("SELECT password_hash FROM users WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    long count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM users")
                .mapTo(Long.class)
                .one();
    }

    List<User> all(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
                .map((rs, ctx) -> map(rs))
                .list();
    }

    void updateRole(Handle handle, long id, Role role) {
        handle.createUpdate("UPDATE users SET role = :role WHERE id = :id")
                .bind("role", role.code())
                .bind("id", id)
                .execute();
    }

    void delete(Handle handle, long id) {
        handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute();
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.fromCode("role", rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }
}
