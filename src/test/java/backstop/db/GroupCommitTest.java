package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Group commit (issue 15 §3): writes that queue up while the writer is busy are committed together, one savepoint
 * each, in the order they arrived; one that fails is undone alone and gets its own error; and no caller hears back
 * before the commit holding its write has returned. Each test lines up a batch by holding the writer in a first
 * write until the others are queued, so the batch is the same on any machine.
 */
class GroupCommitTest {
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BothDatabases
    void oneBadWriteInABatchIsUndoneAloneAndTheOthersCommit(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            Holder holder = hold(writes);
            CompletableFuture<Void> first = queue(writes, () -> insert(writes, "a"));
            CompletableFuture<Void> refused = queue(
                    writes,
                    () -> writes.useTransaction(handle -> {
                        handle.execute("INSERT INTO settings (name, value) VALUES ('b', 'half')");
                        throw new BadInputException("value", "refused after writing half");
                    }));
            CompletableFuture<Void> duplicate = queue(writes, () -> insert(writes, "a"));
            CompletableFuture<Void> last = queue(writes, () -> insert(writes, "c"));
            long commitsBefore = holder.release();

            first.get(2, TimeUnit.MINUTES);
            last.get(2, TimeUnit.MINUTES);
            assertThatThrownBy(refused::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BadInputException.class);
            assertThatThrownBy(duplicate::get).isInstanceOf(ExecutionException.class);
            assertThat(names(database)).containsExactly("a", "c");
            assertThat(writes.commits() - commitsBefore)
                    .as("one commit for the batch")
                    .isEqualTo(1);
        }
    }

    @BothDatabases
    void aBatchRunsEachWriteOnceUnlessOneFailsThenTheOthersRunAgainInTheirSavepoints(Database database)
            throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            AtomicInteger runsOfA = new AtomicInteger();
            Holder holder = hold(writes);
            CompletableFuture<Void> a = queue(
                    writes,
                    () -> writes.useTransaction(handle -> {
                        runsOfA.incrementAndGet();
                        handle.execute("INSERT INTO settings (name, value) VALUES ('a', 'x')");
                    }));
            CompletableFuture<Void> b = queue(writes, () -> insert(writes, "b"));
            long commitsBefore = holder.release();
            CompletableFuture.allOf(a, b).get(2, TimeUnit.MINUTES);
            assertThat(runsOfA).as("no write failed: run once").hasValue(1);

            holder = hold(writes);
            CompletableFuture<Void> c = queue(
                    writes,
                    () -> writes.useTransaction(handle -> {
                        runsOfA.incrementAndGet();
                        handle.execute("INSERT INTO settings (name, value) VALUES ('c', 'x')");
                    }));
            CompletableFuture<Void> refused = queue(
                    writes,
                    () -> writes.useTransaction(handle -> {
                        throw new BadInputException("value", "refused");
                    }));
            holder.release();
            c.get(2, TimeUnit.MINUTES);
            assertThatThrownBy(refused::get).hasCauseInstanceOf(BadInputException.class);
            assertThat(runsOfA)
                    .as("run once in the undone transaction, once more in its savepoint")
                    .hasValue(3);
            assertThat(names(database)).containsExactly("a", "b", "c");
            assertThat(writes.commits() - commitsBefore)
                    .as("each batch one commit, the held writes' too")
                    .isEqualTo(3);
        }
    }

    @BothDatabases
    void writesInABatchRunInTheOrderTheyArrivedAndSeeTheEarlierOnes(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            insert(writes, "order");
            Holder holder = hold(writes);
            List<CompletableFuture<String>> appends = List.of(
                    queue(writes, () -> append(writes, "1")),
                    queue(writes, () -> append(writes, "2")),
                    queue(writes, () -> append(writes, "3")));
            holder.release();
            assertThat(appends.get(0).get(2, TimeUnit.MINUTES)).isEqualTo("x");
            assertThat(appends.get(1).get(2, TimeUnit.MINUTES)).isEqualTo("x1");
            assertThat(appends.get(2).get(2, TimeUnit.MINUTES)).isEqualTo("x12");
            assertThat(value(database, "order")).isEqualTo("x123");
        }
    }

    @BothDatabases
    void noWriteIsAnsweredBeforeTheCommitThatHoldsIt(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            Holder holder = hold(writes);
            CompletableFuture<Void> first = queue(writes, () -> insert(writes, "a"));
            CompletableFuture<Void> second = queue(writes, () -> insert(writes, "b"));
            CountDownLatch lastRunning = new CountDownLatch(1);
            CountDownLatch lastMayFinish = new CountDownLatch(1);
            CompletableFuture<Void> last = queue(
                    writes,
                    () -> writes.useTransaction(handle -> {
                        handle.execute("INSERT INTO settings (name, value) VALUES ('c', 'x')");
                        lastRunning.countDown();
                        await(lastMayFinish);
                    }));
            holder.release();
            assertThat(lastRunning.await(2, TimeUnit.MINUTES)).isTrue();

            // The first two have run, inside the batch's open transaction: not committed, so not answered.
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            assertThat(names(database)).isEmpty();

            lastMayFinish.countDown();
            CompletableFuture.allOf(first, second, last).get(2, TimeUnit.MINUTES);
            assertThat(names(database)).containsExactly("a", "b", "c");
        }
    }

    @BothDatabases
    void aWriteCalledFromInsideAWriteJoinsItsTransaction(Database database) {
        try (Database writes = Database.open(database.url(), true)) {
            assertThatThrownBy(() -> writes.useTransaction(outer -> {
                        writes.useTransaction(
                                inner -> inner.execute("INSERT INTO settings (name, value) VALUES ('inner', 'x')"));
                        int seen = writes.withHandle(
                                read -> read.createQuery("SELECT COUNT(*) FROM settings WHERE name = 'inner'")
                                        .mapTo(Integer.class)
                                        .one());
                        assertThat(seen)
                                .as("a read on the writer sees the unit's own write")
                                .isEqualTo(1);
                        throw new BadInputException("value", "the outer write fails");
                    }))
                    .isInstanceOf(BadInputException.class);
            assertThat(names(database)).isEmpty();
        }
    }

    /** Occupies the writer with one write until {@link #release()}, so what is queued meanwhile forms one batch. */
    private final class Holder {
        private final Database writes;
        private final CountDownLatch mayFinish;
        private final CompletableFuture<Void> holding;

        Holder(Database writes, CountDownLatch mayFinish, CompletableFuture<Void> holding) {
            this.writes = writes;
            this.mayFinish = mayFinish;
            this.holding = holding;
        }

        /**
         * Lets the held write commit and returns the commit count from just after it. The count is read while the
         * write is still held: once it is answered the writer may already have committed the next batch, so a count
         * read then could include that batch too.
         */
        long release() throws Exception {
            long beforeTheHeldCommit = writes.commits();
            mayFinish.countDown();
            holding.get(2, TimeUnit.MINUTES);
            return beforeTheHeldCommit + 1;
        }
    }

    private Holder hold(Database writes) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(
                () -> writes.useTransaction(handle -> {
                    running.countDown();
                    await(mayFinish);
                }),
                callers);
        assertThat(running.await(2, TimeUnit.MINUTES)).isTrue();
        return new Holder(writes, mayFinish, holding);
    }

    /** Starts a write on another thread and returns once it waits in the writer's queue. */
    private <T> CompletableFuture<T> queue(Database writes, Supplier<T> write) {
        int before = writes.writesQueued();
        CompletableFuture<T> future = CompletableFuture.supplyAsync(write, callers);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (writes.writesQueued() == before) {
            assertThat(System.nanoTime()).as("the write was queued in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
        return future;
    }

    private CompletableFuture<Void> queue(Database writes, Runnable write) {
        return queue(writes, () -> {
            write.run();
            return null;
        });
    }

    private static void insert(Database writes, String name) {
        writes.useTransaction(handle -> handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, 'x')")
                .bind("name", name)
                .execute());
    }

    /** Appends to the value of the setting "order" and returns the value it found. */
    private static String append(Database writes, String suffix) {
        return writes.inTransaction(handle -> {
            String found = handle.createQuery("SELECT value FROM settings WHERE name = 'order'")
                    .mapTo(String.class)
                    .one();
            handle.createUpdate("UPDATE settings SET value = :value WHERE name = 'order'")
                    .bind("value", found + suffix)
                    .execute();
            return found;
        });
    }

    private static List<String> names(Database database) {
        return database.withHandle(handle -> handle.createQuery("SELECT name FROM settings ORDER BY name")
                .mapTo(String.class)
                .list());
    }

    private static String value(Database database, String name) {
        return database.withHandle(handle -> handle.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .one());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never released the write");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
