package backstop.account;

import backstop.db.Database;
import backstop.db.WriterContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * The audit trail. {@link #record} takes the caller's open handle so the entry commits or rolls back together
 * with the change it describes: there is never a change without its entry, nor an entry for a change that failed.
 * Reads of health data go through {@link #read}: within a web request they are collected once per record and
 * written together when the request ends (one commit), elsewhere at once.
 */
public final class AuditLog {
    private static final String COLUMNS = "id, at, actor_name, action, subject_name, address, detail";
    private final Database database;
    private final Clock clock;
    private final ThreadLocal<RequestLines> request = new ThreadLocal<>();

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        // Under group commit a request's write runs on the writer thread: it must still see, and join, the reads
        // this request collected, and give them back if it is rolled back.
        database.carryToWriter(this::carryRequest);
    }

    private WriterContext.Carried carryRequest() {
        RequestLines lines = request.get();
        return new WriterContext.Carried() {
            private RequestLines before;

            @Override
            public void enter() {
                before = request.get();
                set(lines);
                if (lines != null) {
                    lines.joinedByUnit.clear();
                }
            }

            @Override
            public void leave(boolean kept) {
                if (lines != null) {
                    if (!kept) {
                        lines.pending.putAll(lines.joinedByUnit);
                    }
                    lines.joinedByUnit.clear();
                }
                set(before);
            }
        };
    }

    private void set(RequestLines lines) {
        if (lines == null) {
            request.remove();
        } else {
            request.set(lines);
        }
    }

    /**
     * Records that {@code caller} did {@code action} to (or with) the data of {@code subject}: the line of a change,
     * written on the change's own handle. Reads this request audited so far join that transaction (see
     * {@link #read}), so a request that reads and then writes commits once.
     */
    public void record(Handle handle, Caller caller, String action, Optional<User> subject, String detail) {
        joinPendingReads(handle);
        insert(handle, new Line(caller, action, subject, Optional.empty(), detail), clock.instant());
    }

    /** Like {@link #record}, for a subject known only by id (a calendar feed has no signed-in account). */
    public void recordForPerson(Handle handle, Caller caller, String action, long subjectId, String detail) {
        joinPendingReads(handle);
        insert(handle, new Line(caller, action, Optional.empty(), Optional.of(subjectId), detail), clock.instant());
    }

    /**
     * Same as {@link #record} in a transaction of its own, for events that change nothing else (a failed login, a
     * refusal). Inside a web request the line is written with the request's reads at its end: one commit.
     */
    public void recordAlone(Caller caller, String action, Optional<User> subject, String detail) {
        Line line = new Line(caller, action, subject, Optional.empty(), detail);
        if (!collect(line)) {
            database.useTransaction(handle -> insert(handle, line, clock.instant()));
        }
    }

    /**
     * Audits a read of {@code subject}'s health data. Inside a web request ({@link #beginRequest}) the line is
     * collected, once per request for the same action, subject and detail however often the record is read, and
     * all of them are written in one transaction by {@link #endRequest} (or by the request's write, if it makes
     * one). Outside a request (command line, a service called directly) it is written at once: on {@code handle},
     * inside the reader's transaction, or when that is a SQLite read snapshot (which must not write), in a commit
     * of its own before the read goes on.
     */
    public void read(Handle handle, Caller caller, String action, Optional<User> subject, String detail) {
        writeUnlessCollected(handle, new Line(caller, action, subject, Optional.empty(), detail));
    }

    /** {@link #read} without an open handle: outside a request the line gets a transaction of its own. */
    public void read(Caller caller, String action, Optional<User> subject, String detail) {
        recordAlone(caller, action, subject, detail);
    }

    /** {@link #read} for a subject known only by id. */
    public void readForPerson(Handle handle, Caller caller, String action, long subjectId, String detail) {
        writeUnlessCollected(handle, new Line(caller, action, Optional.empty(), Optional.of(subjectId), detail));
    }

    private void writeUnlessCollected(Handle handle, Line line) {
        if (collect(line)) {
            return;
        }
        if (database.isReadSnapshot(handle)) {
            database.useTransaction(own -> insert(own, line, clock.instant()));
        } else {
            insert(handle, line, clock.instant());
        }
    }

    /**
     * Opens the audit of one web request on this thread: from now on reads are collected, not written. A request
     * scope left open by an earlier request on the thread (it should not happen) is written first, never dropped.
     */
    public void beginRequest() {
        if (request.get() != null) {
            endRequest();
        }
        request.set(new RequestLines());
    }

    /**
     * Closes this thread's request scope and writes every line it collected in one transaction (none when it
     * collected nothing). Throws when they cannot be written, so the caller can refuse to answer with the data.
     */
    public void endRequest() {
        RequestLines lines = request.get();
        request.remove();
        if (lines == null || lines.pending.isEmpty()) {
            return;
        }
        database.useTransaction(handle -> insertAll(handle, lines.pending));
    }

    /**
     * {@link #read} of many people's records at once (a clinician's roster page): one line per person, collected
     * like any read inside a request, or written together in one transaction outside one.
     */
    public void readEach(Caller caller, String action, List<User> subjects, String detail) {
        Map<Line, Instant> lines = new LinkedHashMap<>();
        Instant at = clock.instant();
        for (User subject : subjects) {
            Line line = new Line(caller, action, Optional.of(subject), Optional.empty(), detail);
            if (!collect(line)) {
                lines.put(line, at);
            }
        }
        if (!lines.isEmpty()) {
            database.useTransaction(handle -> insertAll(handle, lines));
        }
    }

    /** Writes {@code lines} on {@code handle}: those naming their subject as one batch, the others one by one. */
    private void insertAll(Handle handle, Map<Line, Instant> lines) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, subject_name, address, detail)
                VALUES (:at, :actorId, :actorName, :action, :subjectId, :subjectName, :address, :detail)""");
        lines.forEach((line, at) -> {
            if (line.personId().isPresent()) {
                insert(handle, line, at);
                return;
            }
            batch.bind("at", at)
                    .bind("actorId", line.caller().user().map(User::id).orElse(null))
                    .bind("actorName", line.caller().user().map(User::username).orElse(null))
                    .bind("action", line.action())
                    .bind("subjectId", line.subject().map(User::id).orElse(null))
                    .bind("subjectName", line.subject().map(User::username).orElse(null))
                    .bind("address", truncate(line.caller().address(), 64))
                    .bind("detail", truncate(line.detail(), 512))
                    .add();
        });
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private boolean collect(Line line) {
        RequestLines lines = request.get();
        if (lines == null) {
            return false;
        }
        if (lines.seen.add(line)) {
            lines.pending.put(line, clock.instant());
        }
        return true;
    }

    /** Writes the request's collected lines on a write's handle; they are collected again if it rolls back. */
    private void joinPendingReads(Handle handle) {
        RequestLines lines = request.get();
        if (lines == null || lines.pending.isEmpty() || !handle.isInTransaction()) {
            return;
        }
        Map<Line, Instant> joined = new LinkedHashMap<>(lines.pending);
        lines.pending.clear();
        lines.joinedByUnit.putAll(joined);
        joined.forEach((line, at) -> insert(handle, line, at));
        handle.afterRollback(() -> lines.pending.putAll(joined));
    }

    private void insert(Handle handle, Line line, Instant at) {
        if (line.personId().isPresent()) {
            handle.createUpdate("""
                            INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, subject_name, address, detail)
                            SELECT :at, :actorId, :actorName, :action, id, username, :address, :detail
                            FROM users WHERE id = :subject""")
                    .bind("at", at)
                    .bind("actorId", line.caller().user().map(User::id).orElse(null))
                    .bind("actorName", line.caller().user().map(User::username).orElse(null))
                    .bind("action", line.action())
                    .bind("subject", line.personId().get())
                    .bind("address", truncate(line.caller().address(), 64))
                    .bind("detail", truncate(line.detail(), 512))
                    .execute();
            return;
        }
        handle.createUpdate("""
                        INSERT INTO audit_log (at, actor_id, actor_name, action, subject_id, subject_name, address, detail)
                        VALUES (:at, :actorId, :actorName, :action, :subjectId, :subjectName, :address, :detail)""")
                .bind("at", at)
                .bind("actorId", line.caller().user().map(User::id).orElse(null))
                .bind("actorName", line.caller().user().map(User::username).orElse(null))
                .bind("action", line.action())
                .bind("subjectId", line.subject().map(User::id).orElse(null))
                .bind("subjectName", line.subject().map(User::username).orElse(null))
                .bind("address", truncate(line.caller().address(), 64))
                .bind("detail", truncate(line.detail(), 512))
                .execute();
    }

    /** One audit line before it is written; equal lines are the same read. */
    private record Line(Caller caller, String action, Optional<User> subject, Optional<Long> personId, String detail) {}

    /** What one request has audited: every line seen, and those not yet written with when they were first read. */
    private static final class RequestLines {
        final Set<Line> seen = new HashSet<>();
        final Map<Line, Instant> pending = new LinkedHashMap<>();
        /** Lines a write running on the group-commit writer joined: given back if that write is rolled back. */
        final Map<Line, Instant> joinedByUnit = new LinkedHashMap<>();
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
