package backstop.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Slows down password guessing without ever locking anyone out for good (OWASP ASVS 5.0 §6.3, the Authentication
 * Cheat Sheet). Every failed attempt is kept with its account and address, and three counts decide the wait before
 * the next attempt, measured from the newest failure each counts:
 *
 * <ul>
 *   <li>the same account from the same address: free for {@link #PAIR_FREE} failures, then 30 s doubling up to 15
 *       minutes;
 *   <li>the account from anywhere (many addresses guessing one account): free for {@link #ACCOUNT_FREE}, then 5 s
 *       doubling up to 5 minutes, so the owner from a new address gets in after at most that;
 *   <li>the address against any account (one address trying many accounts): free for {@link #ADDRESS_FREE}, then 30 s
 *       doubling up to 15 minutes.
 * </ul>
 *
 * A refused attempt is not checked and not counted, so waiting always ends the wait. Kept in the database so a
 * restart does not reset it and several servers share it; {@code backstop user unlock NAME} clears an account.
 */
final class LoginThrottle {
    static final Duration MEMORY = Duration.ofHours(1);
    static final int PAIR_FREE = 4;
    static final int ACCOUNT_FREE = 10;
    static final int ADDRESS_FREE = 20;
    static final Duration PAIR_CAP = Duration.ofMinutes(15);
    static final Duration ACCOUNT_CAP = Duration.ofMinutes(5);
    static final Duration ADDRESS_CAP = Duration.ofMinutes(15);

    /** Failures within {@link #MEMORY} and the newest of each kind. */
    record Counts(
            int pair,
            Optional<Instant> lastPair,
            int account,
            Optional<Instant> lastAccount,
            int address,
            Optional<Instant> lastAddress) {}

    /** How long to wait before the next attempt may be checked; zero when it may be checked now. */
    static Duration waitFor(Counts counts, Instant now) {
        Duration wait = Duration.ZERO;
        wait = longer(wait, remaining(counts.lastPair(), delay(counts.pair(), PAIR_FREE, 30, PAIR_CAP), now));
        wait = longer(
                wait, remaining(counts.lastAccount(), delay(counts.account(), ACCOUNT_FREE, 5, ACCOUNT_CAP), now));
        wait = longer(
                wait, remaining(counts.lastAddress(), delay(counts.address(), ADDRESS_FREE, 30, ADDRESS_CAP), now));
        return wait;
    }

    /** The delay after {@code failures}: nothing while free, then {@code firstSeconds} doubling, never above the cap. */
    static Duration delay(int failures, int free, long firstSeconds, Duration cap) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration delay = Duration.ofSeconds(firstSeconds << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    Duration waitFor(Handle handle, String account, String address, Instant now) {
        Instant since = now.minus(MEMORY);
        record Row(int count, Instant last) {}
        String select = "SELECT COUNT(*) AS n, MAX(failed_at) AS last FROM login_failures WHERE failed_at >= :since";
        java.util.function.Function<org.jdbi.v3.core.statement.Query, Row> run = query -> query.bind("since", since)
                .map((rs, ctx) -> new Row(
                        rs.getInt("n"),
                        rs.getTimestamp("last") == null
                                ? Instant.EPOCH
                                : rs.getTimestamp("last").toInstant()))
                .one();
        Row pair = run.apply(handle.createQuery(select + " AND account = :account AND address = :address")
                .bind("account", key(account, 32))
                .bind("address", key(address, 64)));
        Row byAccount =
                run.apply(handle.createQuery(select + " AND account = :account").bind("account", key(account, 32)));
        Row byAddress =
                run.apply(handle.createQuery(select + " AND address = :address").bind("address", key(address, 64)));
        return waitFor(
                new Counts(
                        pair.count(),
                        Optional.of(pair.last()),
                        byAccount.count(),
                        Optional.of(byAccount.last()),
                        byAddress.count(),
                        Optional.of(byAddress.last())),
                now);
    }

    void recordFailure(Handle handle, String account, String address, Instant now) {
        handle.createUpdate(
                        "INSERT INTO login_failures (account, address, failed_at) VALUES (:account, :address, :now)")
                .bind("account", key(account, 32))
                .bind("address", key(address, 64))
                .bind("now", now)
                .execute();
        // Old rows are worthless; trimming here keeps the table small without a scheduler.
        handle.createUpdate("DELETE FROM login_failures WHERE failed_at < :before")
                .bind("before", now.minus(MEMORY))
                .execute();
    }

    /** After a success: this address is forgiven for this account; other addresses' failures still count. */
    void clearPair(Handle handle, String account, String address) {
        handle.createUpdate("DELETE FROM login_failures WHERE account = :account AND address = :address")
                .bind("account", key(account, 32))
                .bind("address", key(address, 64))
                .execute();
    }

    /** The admin's unlock: forgets every failure for the account. Returns how many there were. */
    int clearAccount(Handle handle, String account) {
        return handle.createUpdate("DELETE FROM login_failures WHERE account = :account")
                .bind("account", key(account, 32))
                .execute();
    }

    private static Duration remaining(Optional<Instant> last, Duration delay, Instant now) {
        if (last.isEmpty() || delay.isZero()) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, last.get().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String key(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
