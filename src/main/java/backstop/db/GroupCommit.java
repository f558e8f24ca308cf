package backstop.db;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit: one writer thread takes the write units that queued up while the last commit was reaching the disk
 * and runs them all in one transaction, then commits once. A unit that fails undoes the whole transaction, which then
 * runs again with each unit inside its own savepoint: the failing one is rolled back to its savepoint and gets its own
 * error; the others still commit. (Writes rarely fail there, and a savepoint costs SQLite two statements compiled
 * each time, so a batch takes none until one is needed.) Every caller is answered only after the
 * commit that holds its unit has returned, so an acknowledged write is as durable as with a transaction of its own;
 * many writes share one fsync instead of each paying for one (SQLite has one writer anyway).
 */
final class GroupCommit implements AutoCloseable {
    /** At most this many units share one commit, so one batch never holds the write lock for long. */
    static final int MAX_BATCH = 64;

    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int ABANDONED = 2;

    /** The writer's handle while a unit runs, so nested calls on that thread join the unit. */
    private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

    private final Jdbi writer;
    private final BlockingQueue<Unit<?>> queue;
    private final Duration waitForStart;
    private final Predicate<Throwable> isConflict;
    private final Thread thread;
    private final AtomicLong commits;
    private volatile boolean open = true;

    /** One caller's transaction: its work, the state the writer and the caller agree on, and the answer. */
    private static final class Unit<R> {
        final HandleCallback<R, RuntimeException> work;
        final boolean retryConflicts;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<R> answer = new CompletableFuture<>();
        R result;

        Unit(HandleCallback<R, RuntimeException> work, boolean retryConflicts) {
            this.work = work;
            this.retryConflicts = retryConflicts;
        }
    }

    GroupCommit(
            Jdbi writer, int queueLength, Duration waitForStart, Predicate<Throwable> isConflict, AtomicLong commits) {
        this.writer = writer;
        this.commits = commits;
        this.queue = new ArrayBlockingQueue<>(queueLength);
        this.waitForStart = waitForStart;
        this.isConflict = isConflict;
        this.thread = new Thread(this::loop, "backstop-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The handle of the unit running on this thread, when this is the writer inside a unit. */
    static Optional<Handle> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** How many units wait for the writer (for tests that line up a batch). */
    int queued() {
        return queue.size();
    }

    /**
     * Runs {@code work} in the next batch and returns its result once that batch is committed. When the writer does
     * not start it within the wait (the queue is full or the writer is stuck), it is dropped unrun and the caller gets
     * an {@link SQLTransientConnectionException}, which the web layer answers as 503 busy.
     */
    <R> R run(HandleCallback<R, RuntimeException> work, boolean retryConflicts) {
        Unit<R> unit = new Unit<>(work, retryConflicts);
        long waitNanos = waitForStart.toNanos();
        boolean interrupted = false;
        try {
            long start = System.nanoTime();
            if (!open || !queue.offer(unit, waitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
            try {
                return unit.answer.get(Math.max(0, waitNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException notStartedInTime) {
                if (unit.state.compareAndSet(QUEUED, ABANDONED)) {
                    throw busy();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                if (unit.state.compareAndSet(QUEUED, ABANDONED)) {
                    throw new IllegalStateException("interrupted while waiting to write; nothing was written", e);
                }
            }
            // Started: it is answered once its commit returns, however long the disk takes.
            return unit.answer.join();
        } catch (InterruptedException e) {
            interrupted = true;
            throw new IllegalStateException("interrupted while waiting to write; nothing was written", e);
        } catch (ExecutionException | java.util.concurrent.CompletionException failed) {
            throw asRuntime(failed.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            // rethrown on the caller's thread, with the caller's stack as the cause's suppressed trace
            runtime.addSuppressed(new Exception("waited for the group commit here"));
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static IllegalStateException busy() {
        return new IllegalStateException(
                "the database writer is busy",
                new SQLTransientConnectionException("no write slot within the wait: the server is busy"));
    }

    private void loop() {
        List<Unit<?>> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Unit<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(unit -> !unit.state.compareAndSet(QUEUED, RUNNING));
                if (!batch.isEmpty()) {
                    commitTogether(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * One transaction for the batch. If the transaction itself fails (BEGIN or COMMIT: a lost connection, a full
     * disk), nothing of it was written, so each unit is tried once more alone and answered by that try.
     */
    private void commitTogether(List<Unit<?>> batch) {
        if (!commitWithoutSavepoints(batch)) {
            commitInSavepoints(batch);
        }
    }

    /**
     * The batch in one transaction with no savepoints: true when every unit ran and the commit returned. When a unit
     * throws, everything is rolled back (its callbacks restore what the units took, as for any rollback) and false
     * says the batch must run again in savepoints; a failed BEGIN, COMMIT or rollback goes there too.
     */
    private boolean commitWithoutSavepoints(List<Unit<?>> batch) {
        try (Handle handle = writer.open()) {
            handle.begin();
            for (Unit<?> unit : batch) {
                CURRENT.set(handle);
                try {
                    unit.result = castResult(unit.work.withHandle(handle));
                } catch (RuntimeException | Error e) {
                    handle.rollback();
                    return false;
                } finally {
                    CURRENT.remove();
                }
            }
            handle.commit();
            commits.incrementAndGet();
        } catch (RuntimeException batchFailed) {
            return false;
        }
        for (Unit<?> unit : batch) {
            complete(unit);
        }
        return true;
    }

    private void commitInSavepoints(List<Unit<?>> batch) {
        List<Unit<?>> done = new ArrayList<>(batch.size());
        try (Handle handle = writer.open()) {
            handle.begin();
            for (Unit<?> unit : batch) {
                runInSavepoint(handle, unit, done);
            }
            handle.commit();
            commits.incrementAndGet();
        } catch (RuntimeException batchFailed) {
            for (Unit<?> unit : batch) {
                if (unit.answer.isDone()) {
                    continue; // failed on its own; nothing of it was kept
                }
                if (batch.size() == 1) {
                    fail(unit, batchFailed);
                } else {
                    commitInSavepoints(List.of(unit));
                }
            }
            return;
        }
        for (Unit<?> unit : done) {
            complete(unit);
        }
    }

    private void runInSavepoint(Handle handle, Unit<?> unit, List<Unit<?>> done) {
        for (int attempt = 1; ; attempt++) {
            handle.savepoint("unit");
            CURRENT.set(handle);
            try {
                unit.result = castResult(unit.work.withHandle(handle));
                handle.releaseSavepoint("unit");
                done.add(unit);
                return;
            } catch (RuntimeException | Error e) {
                // Undoes the unit; the savepoint itself ends with the batch's commit.
                handle.rollbackToSavepoint("unit");
                if (!(unit.retryConflicts && e instanceof RuntimeException && isConflict.test(e) && attempt < 10)) {
                    fail(unit, e);
                    return;
                }
            } finally {
                CURRENT.remove();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <R> R castResult(Object value) {
        return (R) value;
    }

    private static <R> void complete(Unit<R> unit) {
        unit.answer.complete(unit.result);
    }

    private static void fail(Unit<?> unit, Throwable e) {
        unit.answer.completeExceptionally(e);
    }

    /** Stops taking units, commits what is queued, then stops the writer. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
