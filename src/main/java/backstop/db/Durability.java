package backstop.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether the database keeps the promise Backstop makes: a write it acknowledged survives a crash or a power cut.
 * On PostgreSQL that needs {@code fsync} on and {@code synchronous_commit} at {@code on}, {@code remote_write} or
 * {@code remote_apply} ({@code off} and {@code local} may lose the last commits). On SQLite Backstop sets WAL with
 * {@code synchronous=FULL} itself, and this reads it back.
 */
public record Durability(boolean safe, List<String> problems, String summary) {
    public Durability {
        problems = List.copyOf(problems);
        Objects.requireNonNull(summary, "summary");
    }

    public static Durability unchecked() {
        return new Durability(true, List.of(), "not checked");
    }

    /** The rule, on the two PostgreSQL settings as the server reports them for Backstop's connections. */
    public static Durability ofPostgres(String fsync, String synchronousCommit) {
        List<String> problems = new ArrayList<>();
        if (!"on".equals(fsync.toLowerCase(Locale.ROOT))) {
            problems.add("fsync is " + fsync + ": a crash of the machine can lose or corrupt committed data."
                    + " Set fsync = on in postgresql.conf and reload.");
        }
        String commit = synchronousCommit.toLowerCase(Locale.ROOT);
        if (commit.equals("off") || commit.equals("local")) {
            problems.add("synchronous_commit is " + synchronousCommit + " for this database: the last commits"
                    + " Backstop acknowledged can be lost in a crash"
                    + (commit.equals("local") ? " of this server or its standby" : "")
                    + ". Run ALTER DATABASE <name> SET synchronous_commit = on (and check ALTER ROLE settings),"
                    + " or set it in postgresql.conf.");
        }
        return new Durability(
                problems.isEmpty(), problems, "postgresql fsync=" + fsync + " synchronous_commit=" + synchronousCommit);
    }

    static Durability ofSqlite(String journalMode, int synchronous) {
        List<String> problems = new ArrayList<>();
        if (!"wal".equalsIgnoreCase(journalMode)) {
            problems.add("journal_mode is " + journalMode + ", expected wal");
        }
        if (synchronous < 2) {
            problems.add("synchronous is " + synchronous + ", expected 2 (FULL)");
        }
        return new Durability(
                problems.isEmpty(),
                problems,
                "sqlite journal_mode=" + journalMode + " synchronous=" + (synchronous >= 2 ? "full" : synchronous));
    }

    /** Reads the settings in force on a connection of {@code database}'s pool. */
    public static Durability check(Database database) {
        return database.withHandle(handle -> switch (database.url().kind()) {
            case POSTGRESQL ->
                ofPostgres(
                        handle.createQuery("SHOW fsync").mapTo(String.class).one(),
                        handle.createQuery("SHOW synchronous_commit")
                                .mapTo(String.class)
                                .one());
            case SQLITE ->
                ofSqlite(
                        handle.createQuery("PRAGMA journal_mode")
                                .mapTo(String.class)
                                .one(),
                        handle.createQuery("PRAGMA synchronous")
                                .mapTo(Integer.class)
                                .one());
        });
    }
}
