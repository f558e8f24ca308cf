package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db backup} while the server writes, {@code db restore} afterwards: what was there at the backup returns. */
class BackupRestoreTest {
    private static final String PASSWORD = "a long enough secret";
    private static final String BASE =
            System.getProperty("backstop.test.postgres", "postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path folder;

    @Test
    void sqliteRoundTripsWhileTheServerKeepsWriting() throws Exception {
        String url = "sqlite:" + folder.resolve("live.db");
        roundTrip(url);
        try (Database database = Database.open(DatabaseUrl.parse(url))) {
            String integrity = database.withHandle(handle -> handle.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class)
                    .one());
            assertThat(integrity).isEqualTo("ok");
        }
    }

    @Test
    void postgresRoundTripsWithPgDump() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String jdbc = DatabaseUrl.parse(BASE).jdbcUrl();
        try (var connection = DriverManager.getConnection(jdbc);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try {
            roundTrip(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        } finally {
            try (var connection = DriverManager.getConnection(jdbc);
                    var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void roundTrip(String url) throws Exception {
        Path backup = folder.resolve("backup.bin");
        Database database = Database.open(DatabaseUrl.parse(url));
        database.migrate();
        Services services = Services.wire(database, Clock.systemUTC());
        User dana = services.accounts().register("dana", "", PASSWORD, Caller.commandLine(Optional.empty()));
        AtomicInteger written = new AtomicInteger();
        try (TestServer server = TestServer.start(database)) {
            WebClient client = server.client();
            client.login("dana", PASSWORD);
            for (int day = 1; day <= 5; day++) {
                assertThat(client.json("PUT", "/api/v1/diary/2026-01-0" + day, "{\"pain_am\": " + day + "}")
                                .statusCode())
                        .isEqualTo(200);
            }
            // A writer keeps going while the backup runs: the copy must still be consistent.
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                WebClient busy = server.client();
                busy.login("dana", PASSWORD);
                for (int i = 0; !stop.get() && i < 500; i++) {
                    // Days of 2024 and 2025, outside the range checked after the restore.
                    busy.json("PUT", "/api/v1/diary/" + LocalDate.of(2024, 1, 1).plusDays(i), "{\"pain_pm\": 2}");
                    written.incrementAndGet();
                }
            });
            writer.start();
            // The backup starts once the writer is writing (signing in takes longer than a backup of this size).
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (written.get() == 0 && writer.isAlive() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            assertThat(written.get()).as("the writer wrote before the backup").isPositive();
            CommandLineTest.Run run = CommandLineTest.run("db", "backup", "--out", backup.toString(), "--db", url);
            stop.set(true);
            writer.join();
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Backed up");
            assertThat(client.json("PUT", "/api/v1/diary/2026-02-01", "{\"pain_am\": 9}")
                            .statusCode())
                    .isEqualTo(200);
        }
        database.close();

        CommandLineTest.Run restored = CommandLineTest.run("db", "restore", backup.toString(), "--db", url);
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored");
        try (Database again = Database.open(DatabaseUrl.parse(url))) {
            Services after = Services.wire(again, Clock.systemUTC());
            assertThat(after.accounts().findByUsername("dana")).isPresent();
            var diary = after.diary()
                    .range(
                            dana,
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 2, 28),
                            Caller.commandLine(Optional.empty()));
            assertThat(diary).hasSize(5);
            assertThat(after.diary().day(dana, LocalDate.of(2026, 2, 1), Caller.commandLine(Optional.empty())))
                    .as("written after the backup, so not in it")
                    .isEmpty();
        }
        assertThat(CommandLineTest.run("db", "restore", folder.resolve("none").toString(), "--db", url)
                        .exitCode())
                .isEqualTo(2);
    }
}
