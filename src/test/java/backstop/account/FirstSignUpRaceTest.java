package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;

/**
 * Two first sign-ups on a fresh install: one becomes the owner, the other a person, and neither gets an error. The
 * load test found the second one failing on PostgreSQL, where both can pass the "no owner yet" check before either
 * commits; here the first claim is held open until the second is waiting on it.
 */
class FirstSignUpRaceTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void theSecondOfTwoRacingFirstSignUpsBecomesAPersonWithoutAnError(Database database) throws Exception {
        AccountService accounts =
                new AccountService(database, new AuditLog(database, Clock.systemUTC()), Clock.systemUTC());
        Caller web = Caller.anonymous("203.0.113.7");
        CompletableFuture<User> second;
        try (Handle first = database.withHandle(h -> h.getJdbi().open())) {
            first.begin();
            first.execute("INSERT INTO settings (name, value) VALUES ('owner', 'someone-else')");
            second = CompletableFuture.supplyAsync(() -> accounts.register("second", "Second", PASSWORD, web));
            waitUntilSomeoneWaitsForALock(database);
            first.commit();
        }
        User user = second.get();
        assertThat(user.role()).isEqualTo(Role.PERSON);
    }

    /** On PostgreSQL, until the sign-up waits on the uncommitted owner row; SQLite queues it at BEGIN anyway. */
    private static void waitUntilSomeoneWaitsForALock(Database database) throws InterruptedException {
        if (database.url().kind() != DatabaseUrl.Kind.POSTGRESQL) {
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            int waiting = database.withHandle(
                    h -> h.createQuery("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO settings%SELECT%'""").mapTo(Integer.class).one());
            if (waiting > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the second sign-up never waited for the first");
    }
}
