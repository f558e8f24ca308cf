package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.db.Durability;
import backstop.web.TestServer;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 7: on PostgreSQL that may lose acknowledged writes, {@code serve} refuses unless told otherwise,
 * and {@code /health} says so. {@code synchronous_commit} is set per connection here (the server's own settings stay
 * untouched, other tests share it); {@code fsync} cannot be set per connection, so its rule is checked directly.
 */
class DurabilityTest {
    private static final String BASE =
            System.getProperty("backstop.test.postgres", "postgresql://127.0.0.1:5432/test?user=postgres");

    private static String unsafeUrl(String schema) {
        String separator = BASE.contains("?") ? "&" : "?";
        return BASE + separator + "currentSchema=" + schema + "&options=-c%20synchronous_commit%3Doff";
    }

    @Test
    void theRuleNamesEachUnsafeSettingAndHowToFixIt() {
        assertThat(Durability.ofPostgres("on", "on").safe()).isTrue();
        assertThat(Durability.ofPostgres("on", "remote_apply").safe()).isTrue();
        Durability local = Durability.ofPostgres("on", "local");
        assertThat(local.safe()).isFalse();
        assertThat(local.problems())
                .singleElement()
                .asString()
                .contains("synchronous_commit is local", "ALTER DATABASE");
        Durability noFsync = Durability.ofPostgres("off", "on");
        assertThat(noFsync.problems()).singleElement().asString().contains("fsync is off", "postgresql.conf");
    }

    @Test
    void serveRefusesADatabaseThatMayLoseWritesAndSaysWhy() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String jdbc = DatabaseUrl.parse(BASE).jdbcUrl();
        try (var connection = DriverManager.getConnection(jdbc);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            CommandLineTest.Run refused = CommandLineTest.run("serve", "--port", "0", "--db", unsafeUrl(schema));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err())
                    .contains("will not serve")
                    .contains("synchronous_commit is off")
                    .contains("--allow-unsafe-durability");

            try (Database database = Database.open(DatabaseUrl.parse(unsafeUrl(schema)))) {
                database.migrate();
                try (TestServer server = TestServer.start(database)) {
                    String health = server.client().get("/health").body();
                    assertThat(health).contains("\"durability\":\"unsafe\"").contains("synchronous_commit=off");
                }
            }
        } finally {
            try (var connection = DriverManager.getConnection(jdbc);
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void healthReportsADurableSqliteFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) {
        try (Database database = Database.open(DatabaseUrl.sqlite(folder.resolve("b.db")))) {
            database.migrate();
            try (TestServer server = TestServer.start(database)) {
                assertThat(server.client().get("/health").body())
                        .contains("\"durability\":\"safe\"")
                        .contains("journal_mode=wal synchronous=full");
            }
        }
    }
}
