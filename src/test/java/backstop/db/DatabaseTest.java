package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import org.junit.jupiter.api.Test;

public class DatabaseTest {

    @BothDatabases
    void migrationsCreateTheSchemaAndCanRunAgainWithoutChange(Database database) {
        assertThat(number(database, "SELECT COUNT(*) FROM users")).isZero();
        assertThat(database.migrate().migrationsExecuted).isZero();
        assertThat(database.isReachable()).isTrue();
    }

    @BothDatabases
    void foreignKeysAreEnforced(Database database) {
        assertThatThrownBy(() -> database.useTransaction(handle -> handle.execute("""
                INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
                VALUES ('x', 999, 'y', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")))
                .isInstanceOf(RuntimeException.class);
        assertThat(number(database, "SELECT COUNT(*) FROM sessions")).isZero();
    }

    @BothDatabases
    void aFailedTransactionLeavesNothingBehind(Database database) {
        assertThatThrownBy(() -> database.useTransaction(handle -> {
                    handle.execute("INSERT INTO settings (name, value) VALUES ('a', 'b')");
                    handle.execute("INSERT INTO settings (name, value) VALUES ('a', 'duplicate')");
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(number(database, "SELECT COUNT(*) FROM settings WHERE name = 'a'"))
                .isZero();
    }

    @Test
    void sqliteRunsInWalModeWithFullSyncSoCommitsSurviveACrash() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Database database = fresh.database();
            String journal = database.withHandle(h ->
                    h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            assertThat(journal).isEqualToIgnoringCase("wal");
            // 2 = FULL: the commit is on disk before it returns.
            assertThat(number(database, "PRAGMA synchronous")).isEqualTo(2);
            assertThat(number(database, "PRAGMA foreign_keys")).isEqualTo(1);
        }
    }

    @Test
    void urlsAreReadAsTheReadmeDescribesThem() {
        assertThat(DatabaseUrl.parse("sqlite:data/x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:data/x.db");
        DatabaseUrl pg = DatabaseUrl.parse("postgresql://db.local:5433/backstop?user=me&password=secret");
        assertThat(pg.kind()).isEqualTo(DatabaseUrl.Kind.POSTGRESQL);
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/backstop?user=me&password=secret");
        assertThat(pg.display()).doesNotContain("secret");
    }

    @Test
    void aUrlOfAnotherKindIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y"))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("--db"));
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite:")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://host-only")).isInstanceOf(BadInputException.class);
    }

    public static int number(Database database, String sql) {
        Integer value = database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Integer.class).one());
        return value;
    }
}
