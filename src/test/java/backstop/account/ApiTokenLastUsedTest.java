package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token's "last used" time is written at most once a minute: on SQLite every write is a synced commit, and a
 * script sending many requests a minute must not pay one for each (issue 15 §3). Within the minute a token request
 * only reads.
 */
class ApiTokenLastUsedTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private final TestClock clock = new TestClock(START);
    private final Caller web = Caller.anonymous("203.0.113.7");

    @BothDatabases
    void aTokenUsedManyTimesInAMinuteWritesItsLastUseOnce(Database database) {
        AccountService accounts = new AccountService(database, new AuditLog(database, clock), clock);
        User dana = accounts.register("dana", "", "a long enough secret", web);
        String token = accounts.createApiToken(dana, "script", web);
        assertThat(lastUsed(accounts, dana)).isEmpty();

        long before = database.commits();
        assertThat(accounts.userForApiToken(token)).contains(dana);
        assertThat(database.commits() - before).isEqualTo(1);
        assertThat(lastUsed(accounts, dana)).contains(START);

        before = database.commits();
        for (int second = 1; second < 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(accounts.userForApiToken(token)).contains(dana);
        }
        assertThat(database.commits() - before)
                .as("commits in the rest of the minute")
                .isZero();
        assertThat(lastUsed(accounts, dana)).contains(START);

        clock.advance(Duration.ofSeconds(1));
        assertThat(accounts.userForApiToken(token)).contains(dana);
        assertThat(database.commits() - before).isEqualTo(1);
        assertThat(lastUsed(accounts, dana)).contains(START.plus(Duration.ofMinutes(1)));
    }

    private static Optional<Instant> lastUsed(AccountService accounts, User user) {
        return accounts.apiTokens(user).get(0).lastUsedAt();
    }
}
