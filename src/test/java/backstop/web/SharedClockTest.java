package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Browser tests run at noon: the server's clock and the page's {@code Date} both read the real time moved to noon
 * (UTC) of today, so neither can pass midnight while a test reads "today" on one side and then the other.
 */
class SharedClockTest {
    @Test
    void thePageAndTheServerReadTheSameTimeNearNoonOfToday() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            browser.open(server.url("/login"));
            long page = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return Date.now();");
            long pageOfNew =
                    (Long) ((JavascriptExecutor) browser.driver()).executeScript("return new Date().getTime();");
            Instant shared = Instant.now().plus(SharedClock.TO_NOON);

            assertThat(Duration.between(Instant.ofEpochMilli(page), shared).abs())
                    .isLessThan(Duration.ofMinutes(1));
            assertThat(Duration.between(Instant.ofEpochMilli(pageOfNew), shared).abs())
                    .isLessThan(Duration.ofMinutes(1));
            assertThat(server.services().diary().today()).isEqualTo(LocalDate.ofInstant(shared, ZoneOffset.UTC));
            // Noon of the day the test JVM's first browser test ran, plus the time the suite has run since.
            assertThat(shared.atOffset(ZoneOffset.UTC).getHour()).isBetween(12, 17);
        }
    }
}
