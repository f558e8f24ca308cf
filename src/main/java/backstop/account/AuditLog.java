package backstop.account;

import backstop.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit trail. {@link #record} takes the caller's open handle so the entry commits or rolls back together
 * with the change it describes: there is never a change without its entry, nor an entry for a change that failed.
 */
public final class AuditLog {
    private static final String COLUMNS = "id, at, actor_name, action, subject_name, address, detail";
    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records that {@code caller} did {@code action} to (or with) the data of {@code subject}. */
    public void record(Handle handle, Caller caller, String action, Optional<User> subject, String detail) {
        handle.createUpdate("""
                        INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, subject_name, address, detail)
                        VALUES (:at, :actorId, :actorName, :action, :subjectId, :subjectName, :address, :detail)""")
                .bind("at", clock.instant())
                .bind("actorId", caller.user().map(User::id).orElse(null))
                .bind("actorName", caller.user().map(User::username).orElse(null))
                .bind("action", action)
                .bind("subjectId", subject.map(User::id).orElse(null))
                .bind("subjectName", subject.map(User::username).orElse(null))
                .bind("address", truncate(caller.address(), 64))
                .bind("detail", truncate(detail, 512))
                .execute();
    }

    /** Like {@link #record}, for a subject known only by id (a calendar feed has no signed-in account). */
    public void recordForPerson(Handle handle, Caller caller, String action, long subjectId, String detail) {
        handle.createUpdate("""
                        INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, subject_name, address, detail)
                        SELECT :at, NULL, NULL, :action, id, username, :address, :detail FROM users WHERE id = :subject""")
                .bind("at", clock.instant())
                .bind("action", action)
                .bind("subject", subjectId)
                .bind("address", truncate(caller.address(), 64))
                .bind("detail", truncate(detail, 512))
                .execute();
    }

    /** Same as {@link #record} in a transaction of its own, for events that change nothing else (a failed login). */
    public void recordAlone(Caller caller, String action, Optional<User> subject, String detail) {
        database.useTransaction(handle -> record(handle, caller, action, subject, detail));
    }

    /** The trail as an admin reads it: every line, with health details withheld (see {@link AuditView}). */
    public List<AuditEntry> search(AuditQuery query) {
        return search(query, AuditView.ADMIN);
    }

    /** The trail of {@code person}'s own data, whole: for them (and, once linked, their clinicians). */
    public List<AuditEntry> trailOf(User person, int limit, int offset) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT " + COLUMNS + " FROM audit_log WHERE subject_id = :subject"
                                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("subject", person.id())
                .bind("limit", Math.max(1, Math.min(limit, AuditQuery.MAX_LIMIT)))
                .bind("offset", Math.max(0, offset))
                .map((rs, ctx) -> entry(rs, AuditView.SUBJECT))
                .list());
    }

    private List<AuditEntry> search(AuditQuery query, AuditView view) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        query.actor().ifPresent(actor -> sql.append(" AND actor_name = :actor"));
        query.subject().ifPresent(subject -> sql.append(" AND subject_name = :subject"));
        query.action().ifPresent(action -> sql.append(" AND action LIKE :action ESCAPE '!'"));
        query.from().ifPresent(from -> sql.append(" AND at >= :from"));
        query.to().ifPresent(to -> sql.append(" AND at < :to"));
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
        return database.withHandle(handle -> {
            Query select = handle.createQuery(sql.toString());
            query.actor().ifPresent(actor -> select.bind("actor", actor));
            query.subject().ifPresent(subject -> select.bind("subject", subject));
            // A prefix search: the person's text is matched literally, so "_" and "%" in it are not wildcards.
            query.action()
                    .ifPresent(action -> select.bind(
                            "action",
                            action.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"));
            query.from().ifPresent(from -> select.bind("from", from));
            query.to().ifPresent(to -> select.bind("to", to));
            select.bind("limit", query.limit()).bind("offset", query.offset());
            List<AuditEntry> entries = new ArrayList<>();
            select.map((rs, ctx) -> entry(rs, view)).forEach(entries::add);
            return entries;
        });
    }

    private static AuditEntry entry(ResultSet rs, AuditView view) throws SQLException {
        return view.show(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                Optional.ofNullable(rs.getString("actor_name")).orElse(""),
                rs.getString("action"),
                Optional.ofNullable(rs.getString("subject_name")).orElse(""),
                rs.getString("address"),
                rs.getString("detail"));
    }

    public Instant now() {
        return clock.instant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
