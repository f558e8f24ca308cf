package backstop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * The one way into storage: a connection pool, the Flyway-managed schema and Jdbi for plain SQL. Runs on SQLite
 * (embedded default) and on PostgreSQL; migrations differ only in the few placeholders below.
 */
public final class Database implements AutoCloseable {
    /** How long a request waits for a connection or for the writer to take its write, before it is told "busy". */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final DatabaseUrl url;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<HikariDataSource> writerSource;
    private final Optional<GroupCommit> groupCommit;
    private final List<WriterContext> carriedContexts = new CopyOnWriteArrayList<>();
    private final AtomicLong commits = new AtomicLong();

    /** The handle of the {@link #read} running on this thread: nested reads join it and see the same snapshot. */
    private final ThreadLocal<Handle> reading = new ThreadLocal<>();

    private Database(DatabaseUrl url, HikariDataSource dataSource, Optional<HikariDataSource> writerSource) {
        this.url = url;
        this.dataSource = dataSource;
        this.jdbi = jdbi(url, dataSource);
        this.writerSource = writerSource;
        this.groupCommit = writerSource.map(writer ->
                new GroupCommit(jdbi(url, writer), GroupCommit.MAX_BATCH * 16, WAIT, Database::isConflict, commits));
    }

    /**
     * Jdbi on a pool. SQLite compiles every statement it is handed, so there each connection keeps its prepared
     * statements ({@link StatementCache}); the PostgreSQL driver already keeps them on the server by itself.
     */
    private static Jdbi jdbi(DatabaseUrl url, HikariDataSource pool) {
        Jdbi jdbi = Jdbi.create(pool);
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            jdbi.setStatementBuilderFactory(new StatementCache());
        }
        return jdbi;
    }

    /**
     * Opens the pool; does not touch the schema (see {@link #migrate()}). Writes go through group commit on SQLite,
     * whose one writer would otherwise pay one fsync per transaction; PostgreSQL already lets concurrent commits
     * share a WAL flush, so there each transaction runs on its own pooled connection (group commit on PostgreSQL
     * can be switched on with {@code -Dbackstop.db.groupCommit=true}, for measuring).
     */
    public static Database open(DatabaseUrl url) {
        return open(url, url.kind() == DatabaseUrl.Kind.SQLITE || Boolean.getBoolean("backstop.db.groupCommit"));
    }

    /** As {@link #open(DatabaseUrl)}, choosing whether writes share commits through one writer. */
    public static Database open(DatabaseUrl url, boolean groupCommit) {
        HikariConfig config = pool(url, "backstop");
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            // Readers: WAL lets them run beside the writer, each on its own connection; they need CPU, not more.
            config.setMaximumPoolSize(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        } else {
            config.setMaximumPoolSize(10);
        }
        Optional<HikariDataSource> writer = Optional.empty();
        if (groupCommit) {
            HikariConfig writerConfig = pool(url, "backstop-writer");
            writerConfig.setMaximumPoolSize(1);
            writerConfig.setMinimumIdle(1);
            writer = Optional.of(new HikariDataSource(writerConfig));
        }
        return new Database(url, new HikariDataSource(config), writer);
    }

    private static HikariConfig pool(DatabaseUrl url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setPoolName(name);
        config.setConnectionTimeout(WAIT.toMillis());
        if (url.kind() == DatabaseUrl.Kind.SQLITE) {
            SqliteNativeLibrary.useCachedCopy();
            createParentFolder(url.sqliteFile().orElseThrow());
            SQLiteConfig sqlite = new SQLiteConfig();
            // WAL lets readers run beside the one writer; FULL makes every commit reach the disk before we
            // answer, so an acknowledged write survives a crash or power cut.
            sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            sqlite.enforceForeignKeys(true);
            sqlite.setBusyTimeout(10_000);
            // Take the write lock when a transaction begins, so two writers queue instead of failing on upgrade.
            sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            config.setDataSourceProperties(sqlite.toProperties());
        }
        return config;
    }

    /** How many connections the pool holds at most: more requests than this wait for one, then get a 503. */
    public int maxConnections() {
        return dataSource.getMaximumPoolSize();
    }

    /** Brings the schema to the newest migration; safe to run on every start. */
    public MigrateResult migrate() {
        return migrate(Database.class.getClassLoader());
    }

    MigrateResult migrate(ClassLoader classLoader) {
        List<String> folders = migrationFolders();
        FluentConfiguration flyway = Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(folders.stream().map(folder -> "classpath:" + folder).toArray(String[]::new))
                .placeholders(placeholders())
                // A new database gets all its migrations in one transaction: one durable commit, not two a script.
                .group(true);
        // Handing Flyway both the scripts and the (no) Java migrations spares it scanning the class path.
        MigrationFiles.in(classLoader, folders)
                .ifPresent(files -> flyway.resourceProvider(files).javaMigrationClassProvider(List::of));
        return flyway.load().migrate();
    }

    /**
     * What a start does: runs {@link #migrate()} unless the schema history already records exactly the migrations
     * in this build (see {@link SchemaHistory}); true when Flyway ran.
     */
    public boolean migrateUnlessCurrent() {
        return migrateUnlessCurrent(Database.class.getClassLoader());
    }

    /** As {@link #migrateUnlessCurrent()}, with the migrations {@code classLoader} holds (tests add or change one). */
    boolean migrateUnlessCurrent(ClassLoader classLoader) {
        if (SchemaHistory.isCurrent(this, classLoader)) {
            return false;
        }
        migrate(classLoader);
        return true;
    }

    /**
     * The shared migrations and this database's own: the roster's version triggers (V41) are the one migration
     * whose SQL differs by more than a placeholder.
     */
    List<String> migrationFolders() {
        return List.of("db/migration", "db/vendor/" + url.kind().name().toLowerCase(Locale.ROOT));
    }

    Map<String, String> placeholders() {
        return switch (url.kind()) {
            case SQLITE ->
                Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "timestamp", "TIMESTAMP", "double", "REAL");
            case POSTGRESQL ->
                Map.of(
                        "id",
                        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                        "timestamp",
                        "TIMESTAMP WITH TIME ZONE",
                        "double",
                        "DOUBLE PRECISION");
        };
    }

    /**
     * Runs {@code work} in a transaction and returns once it is committed (durably: see {@link Durability}). With
     * group commit it runs on the writer thread, in one transaction with the writes that arrived beside it, inside a
     * savepoint of its own: if it throws, nothing of it is kept and the others still commit. Called from inside such
     * work, it joins that work's transaction. {@code work} must only touch the database: it may run again if the
     * shared commit fails.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return write(work, false);
    }

    private <R> R write(HandleCallback<R, RuntimeException> work, boolean retryConflicts) {
        Optional<Handle> joined = GroupCommit.current();
        if (joined.isPresent()) {
            return work.withHandle(joined.get());
        }
        if (groupCommit.isPresent()) {
            return groupCommit.get().run(carried(work), retryConflicts);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                R result = jdbi.inTransaction(work);
                commits.incrementAndGet();
                return result;
            } catch (RuntimeException e) {
                if (!retryConflicts || attempt >= 10 || !isConflict(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Carries {@code context} from each writing thread to the writer thread that runs its write under group commit
     * (see {@link WriterContext}). Without group commit a write runs on its caller's thread and nothing is carried.
     */
    public void carryToWriter(WriterContext context) {
        carriedContexts.add(context);
    }

    private <R> HandleCallback<R, RuntimeException> carried(HandleCallback<R, RuntimeException> work) {
        if (carriedContexts.isEmpty()) {
            return work;
        }
        List<WriterContext.Carried> carried =
                carriedContexts.stream().map(WriterContext::capture).toList();
        return handle -> {
            carried.forEach(WriterContext.Carried::enter);
            boolean kept = false;
            try {
                R result = work.withHandle(handle);
                kept = true;
                return result;
            } finally {
                for (WriterContext.Carried each : carried) {
                    each.leave(kept);
                }
            }
        };
    }

    /**
     * How many transactions this server has committed through {@link #inTransaction} and its siblings; a group
     * commit counts once however many writes it holds. For tests and measurements of commits per request.
     */
    public long commits() {
        return commits.get();
    }

    /** Whether writes share commits through one writer thread (see {@link GroupCommit}). */
    public boolean groupsCommits() {
        return groupCommit.isPresent();
    }

    /** How many writes wait for the writer now; 0 without group commit (for tests that line up a batch). */
    public int writesQueued() {
        return groupCommit.map(GroupCommit::queued).orElse(0);
    }

    /**
     * Like {@link #inTransaction}, for a read-then-write that two servers (or two requests) may run at once on the
     * same row: when the database refuses one of them as a conflict (a unique key taken meanwhile, a serialization
     * failure or a deadlock) the whole transaction runs again on what is now committed, so the later writer wins
     * and nothing is half-written. {@code work} must only touch the database.
     */
    public <R> R inTransactionRetryingConflicts(HandleCallback<R, RuntimeException> work) {
        return write(work, true);
    }

    /**
     * Locks one row for the rest of the transaction on PostgreSQL ({@code SELECT ... FOR UPDATE}), so concurrent
     * read-then-writes of it queue instead of conflicting. SQLite needs nothing: its write transactions already
     * take the database's one write lock at BEGIN.
     */
    public void lockRows(Handle handle, String table, Map<String, Object> key) {
        if (url.kind() != DatabaseUrl.Kind.POSTGRESQL) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT 1 FROM " + table + " WHERE 1 = 1");
        key.keySet()
                .forEach(column ->
                        sql.append(" AND ").append(column).append(" = :").append(column));
        var query = handle.createQuery(sql + " FOR UPDATE");
        key.forEach(query::bind);
        query.mapTo(Integer.class).list();
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 23505 unique violation, 40001 serialization failure, 40P01 deadlock (PostgreSQL's codes).
                if (state.equals("23505") || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    public void useTransaction(HandleConsumer<RuntimeException> work) {
        inTransaction(handle -> {
            work.useHandle(handle);
            return null;
        });
    }

    /**
     * Runs {@code work} on a pooled connection in auto-commit mode: for reads, which do not queue behind writes. On
     * the writer thread (inside {@link #inTransaction} work) it runs in that transaction instead, and inside a
     * {@link #read} in that read's snapshot.
     */
    public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        Optional<Handle> joined = GroupCommit.current().or(() -> Optional.ofNullable(reading.get()));
        if (joined.isPresent()) {
            return work.withHandle(joined.get());
        }
        return jdbi.withHandle(work);
    }

    /**
     * Runs {@code work}, which only reads, in a transaction of its own on a pooled reader connection: it neither
     * waits for the writer nor holds it up (on SQLite, {@link #inTransaction} would queue it on the one writer
     * thread behind every write and their fsyncs), and all its statements see one committed state. SQLite begins
     * it {@code DEFERRED}, a WAL snapshot taken at its first read without the write lock; PostgreSQL runs it at
     * {@code REPEATABLE READ}. Inside a write unit it joins the unit and reads its writes; inside another read it
     * joins that read. On SQLite {@code work} must not write on its handle (see {@link #isReadSnapshot}).
     */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        Optional<Handle> joined = GroupCommit.current().or(() -> Optional.ofNullable(reading.get()));
        if (joined.isPresent()) {
            return work.withHandle(joined.get());
        }
        return jdbi.withHandle(handle -> {
            Optional<SQLiteConnection> sqlite = sqlite(handle);
            sqlite.ifPresent(connection ->
                    connection.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED));
            reading.set(handle);
            try {
                return handle.inTransaction(transaction -> {
                    if (url.kind() == DatabaseUrl.Kind.POSTGRESQL) {
                        transaction.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                    }
                    return work.withHandle(transaction);
                });
            } finally {
                reading.remove();
                // The pool's connections begin IMMEDIATE (see pool()): give this one back as it was lent.
                sqlite.ifPresent(connection ->
                        connection.getConnectionConfig().setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE));
            }
        });
    }

    /**
     * True when {@code handle} is a SQLite {@link #read}'s snapshot. Such a transaction must not write: the write
     * would take the database's one write lock for the rest of the read, and be refused outright when another
     * commit came after the snapshot. A line it must write (an audit line) goes through {@link #inTransaction}.
     * PostgreSQL reads may write on their handle.
     */
    public boolean isReadSnapshot(Handle handle) {
        return url.kind() == DatabaseUrl.Kind.SQLITE && reading.get() == handle;
    }

    private Optional<SQLiteConnection> sqlite(Handle handle) {
        if (url.kind() != DatabaseUrl.Kind.SQLITE) {
            return Optional.empty();
        }
        try {
            return Optional.of(handle.getConnection().unwrap(SQLiteConnection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("a SQLite pool lent a connection that is not SQLite's", e);
        }
    }

    /** True when a trivial query answers; used by the readiness check. */
    public boolean isReachable() {
        try (Handle handle = jdbi.open()) {
            return handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        groupCommit.ifPresent(GroupCommit::close);
        writerSource.ifPresent(HikariDataSource::close);
        dataSource.close();
    }

    private static void createParentFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            return; // a file in the file-system root: nothing to create
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + parent, e);
        }
    }
}
