package backstop.harness;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of {@link CrashTest} in every build: five {@code kill -9} of a server under write load on each
 * database (the long form is {@code tools/crash-test}, figures in docs/reliability.md).
 */
class CrashSurvivalTest {
    private static final int KILLS = Integer.getInteger("crash.kills", 5);
    private static final String POSTGRES =
            System.getProperty("backstop.test.postgres", "postgresql://127.0.0.1:5432/test?user=postgres");

    @TempDir
    Path folder;

    @Test
    void sqliteKeepsEveryAcknowledgedWriteThroughKills() throws Exception {
        check(DatabaseUrl.Kind.SQLITE);
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedWriteThroughKills() throws Exception {
        check(DatabaseUrl.Kind.POSTGRESQL);
    }

    @Test
    void aServerWhosePortWasTakenMeanwhileIsStartedOnAnother() throws Exception {
        // The port the harness chose, taken by someone else before the server binds it.
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            CrashTest.ServerHandle server = new CrashTest.ServerHandle(
                    "sqlite:" + folder.resolve("moved.db"), taken.getLocalPort(), folder.resolve("server.log"));

            server.start();
            try {
                assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
                var health = java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.discarding());
                assertThat(health.statusCode()).isEqualTo(200);
            } finally {
                server.kill();
            }
        }
    }

    private void check(DatabaseUrl.Kind kind) throws Exception {
        long seed = System.nanoTime();
        CrashTest.Report report = CrashTest.run(new CrashTest.Settings(
                kind, KILLS, 3, Duration.ofMillis(300), Duration.ofMillis(900), seed, folder, POSTGRES));
        System.out.println("crash test, seed " + seed + ": " + report);
        assertThat(report.problems()).as(report.toString()).isEmpty();
        assertThat(report.acknowledged()).as("writes acknowledged").isPositive();
    }
}
