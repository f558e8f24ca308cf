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

    private void check(DatabaseUrl.Kind kind) throws Exception {
        long seed = System.nanoTime();
        CrashTest.Report report = CrashTest.run(new CrashTest.Settings(
                kind, KILLS, 3, Duration.ofMillis(300), Duration.ofMillis(900), seed, folder, POSTGRES));
        System.out.println("crash test, seed " + seed + ": " + report);
        assertThat(report.problems()).as(report.toString()).isEmpty();
        assertThat(report.acknowledged()).as("writes acknowledged").isPositive();
    }
}
