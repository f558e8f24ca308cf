package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.LoginFailedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 3: guessing slows down by account and by address, the wait grows and is always bounded, the owner
 * from a new address gets in after a wait, and an admin can clear an account at once.
 */
class LoginThrottleTest {
    private static final String PASSWORD = "a long enough secret";
    private final TestClock clock = TestClock.startingAt("2026-03-02T09:00:00Z");

    private AccountService accounts(Database database) {
        return new AccountService(database, new AuditLog(database, clock), clock);
    }

    @Test
    void theDelayGrowsButNeverPassesItsCap() {
        Duration previous = Duration.ZERO;
        for (int failures = 0; failures < 200; failures++) {
            Duration delay = LoginThrottle.delay(failures, LoginThrottle.ACCOUNT_FREE, 5, LoginThrottle.ACCOUNT_CAP);
            assertThat(delay).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(LoginThrottle.ACCOUNT_CAP);
            previous = delay;
        }
        assertThat(previous).isEqualTo(LoginThrottle.ACCOUNT_CAP);
        assertThat(LoginThrottle.delay(LoginThrottle.PAIR_FREE, LoginThrottle.PAIR_FREE, 30, LoginThrottle.PAIR_CAP))
                .isZero();
        assertThat(LoginThrottle.delay(
                        LoginThrottle.PAIR_FREE + 2, LoginThrottle.PAIR_FREE, 30, LoginThrottle.PAIR_CAP))
                .hasSeconds(60);
    }

    @BothDatabases
    void manyAddressesGuessingOneAccountDelayTheOwnerOnlyForAWhile(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("owner", "", PASSWORD, Caller.anonymous("127.0.0.1"));
        for (int i = 0; i < 40; i++) {
            Caller bot = Caller.anonymous("203.0.113." + i);
            try {
                accounts.login("owner", "guess " + i, bot);
            } catch (LoginFailedException expected) {
                // wrong or throttled: both are what a guesser gets
            }
        }
        Caller owner = Caller.anonymous("192.0.2.10");
        LoginFailedException refused = org.junit.jupiter.api.Assertions.assertThrows(
                LoginFailedException.class, () -> accounts.login("owner", PASSWORD, owner));
        assertThat(refused.throttled()).isTrue();
        assertThat(refused.retryAfter()).isLessThanOrEqualTo(LoginThrottle.ACCOUNT_CAP);
        clock.advance(refused.retryAfter());
        assertThat(accounts.login("owner", PASSWORD, owner).session().user().username())
                .isEqualTo("owner");
    }

    @BothDatabases
    void oneAddressKeepsBeingSlowedDownButIsNeverLockedForGood(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, Caller.anonymous("127.0.0.1"));
        Caller guesser = Caller.anonymous("198.51.100.9");
        Duration longest = Duration.ZERO;
        for (int round = 0; round < 12; round++) {
            try {
                accounts.login("dana", "wrong " + round, guesser);
            } catch (LoginFailedException e) {
                if (e.throttled()) {
                    longest = e.retryAfter().compareTo(longest) > 0 ? e.retryAfter() : longest;
                    clock.advance(e.retryAfter());
                }
            }
        }
        assertThat(longest).isPositive().isLessThanOrEqualTo(LoginThrottle.PAIR_CAP);
        clock.advance(LoginThrottle.PAIR_CAP);
        assertThat(accounts.login("dana", PASSWORD, guesser)).isNotNull();
    }

    @BothDatabases
    void anAdminsUnlockLetsTheOwnerInAtOnceAndIsAudited(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("owner", "", PASSWORD, Caller.anonymous("127.0.0.1"));
        Caller place = Caller.anonymous("192.0.2.44");
        for (int i = 0; i < 8; i++) {
            try {
                accounts.login("owner", "wrong", place);
            } catch (LoginFailedException expected) {
                // counted
            }
        }
        assertThatThrownBy(() -> accounts.login("owner", PASSWORD, place))
                .isInstanceOfSatisfying(
                        LoginFailedException.class,
                        e -> assertThat(e.throttled()).isTrue());
        assertThat(accounts.unlock("owner", Caller.commandLine(java.util.Optional.empty())))
                .isPositive();
        assertThat(accounts.login("owner", PASSWORD, place)).isNotNull();
        assertThat(new AuditLog(database, clock).search(AuditQuery.latest(5)))
                .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("account.unlock"));
    }
}
