package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.SecuritySettings;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Issue 15 §3: an API write costs one durable commit. The token's lookup only reads; its "last used" time is written
 * once for the first request and not again within the minute, and the day, its revision and the audit line go into
 * the write's one transaction.
 */
class OneCommitPerWriteTest {

    @BothDatabases
    void twentyDiaryWritesThroughTheApiCommitTwentyTimesPlusOneFirstUseOfTheToken(Database database) {
        TestClock clock = TestClock.startingAt("2026-03-02T08:00:00Z");
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            Caller cli = Caller.commandLine(Optional.empty());
            User dana = server.services().accounts().register("dana", "", "a long enough secret", cli);
            String token = server.services().accounts().createApiToken(dana, "script", cli);
            WebClient client = server.client();
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

            long before = database.commits();
            for (int day = 0; day < 20; day++) {
                HttpRequest put = HttpRequest.newBuilder(
                                URI.create(server.url("/api/v1/diary/" + today.minusDays(day))))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"pain_am\": " + (day % 11) + "}"))
                        .build();
                assertThat(client.send(put).statusCode()).isEqualTo(200);
            }
            assertThat(database.commits() - before).isEqualTo(21);
        }
    }
}
