package backstop.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API tokens this server read in the last {@link #RECHECK}, by hash, so a script's requests do not each read the
 * token and its owner (a fifth of a request thread's CPU on SQLite, where every commit makes the readers read those
 * pages again). A token is read from the database again once its entry is {@link #RECHECK} old. What this server
 * changes (a revoked token, a role, a name, a deleted account) empties it at once; the same change made by another
 * server on the same PostgreSQL database, or by the command line on the same SQLite file, is seen here within
 * {@link #RECHECK}. Expiry is checked on every use against the entry's own expiry, so it is never late.
 */
final class RecentTokens {
    /** How long a token read from the database is trusted without reading it again. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** More live tokens than this and the whole set is dropped and read again: memory stays bounded. */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, ApiTokens.Known> byHash = new ConcurrentHashMap<>();
    /** Moved by every {@link #forgetAll}; a read that began before it is not kept (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();

    /** The token under {@code hash} if it was read less than {@link #RECHECK} before {@code now}. */
    Optional<ApiTokens.Known> get(String hash, Instant now) {
        ApiTokens.Known known = byHash.get(hash);
        if (known == null) {
            return Optional.empty();
        }
        Duration age = Duration.between(known.readAt(), now);
        // A clock set back makes the age negative: read again rather than trust the entry for longer.
        if (age.isNegative() || age.compareTo(RECHECK) >= 0) {
            byHash.remove(hash, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    /** Taken before reading a token from the database, and handed to {@link #keep} with what was read. */
    long generation() {
        return generation.get();
    }

    /** Keeps a token just read, unless {@link #forgetAll} ran since {@code generationBeforeRead}. */
    void keep(ApiTokens.Known known, long generationBeforeRead) {
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(known.hash(), known);
        // forgetAll moves the generation before it clears: either this sees the move, or the clear comes after put.
        if (generation.get() != generationBeforeRead) {
            byHash.remove(known.hash(), known);
        }
    }

    /**
     * Notes that this use writes the token's last use at {@code now}; false when another request already took that
     * turn, so concurrent requests write it once.
     */
    boolean claimTouch(ApiTokens.Known known, Instant now) {
        ApiTokens.Known touched = known.usedAt(now);
        return byHash.replace(known.hash(), known, touched) || !byHash.containsKey(known.hash());
    }

    /** Called after this server committed a change to a token or to an account: nothing read before it is used. */
    void forgetAll() {
        generation.incrementAndGet();
        byHash.clear();
    }
}
