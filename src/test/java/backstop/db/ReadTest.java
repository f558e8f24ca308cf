package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * {@link Database#read}: a read of health data runs beside the writer, not behind it (issue 15 §3: "reads that do
 * not queue behind writes"), and every statement in it sees the same committed state. Each database is opened with
 * group commit, so on both a write held in the writer shows whether a read waits for it.
 */
class ReadTest {
    private final ExecutorService others = Executors.newCachedThreadPool();

    @BothDatabases
    void aReadAnswersWhileTheWriterIsBusyWithAWrite(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            insert(writes, "before");
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch mayFinish = new CountDownLatch(1);
            CompletableFuture<Void> held = CompletableFuture.runAsync(
                    () -> writes.useTransaction(handle -> {
                        handle.execute("INSERT INTO settings (name, value) VALUES ('held', 'x')");
                        running.countDown();
                        await(mayFinish);
                    }),
                    others);
            assertThat(running.await(2, TimeUnit.MINUTES)).isTrue();

            // Were the read queued behind the held write, it would be refused as busy after the writer's 10 s wait.
            assertThat(names(writes))
                    .as("the committed state, not the held write")
                    .isEqualTo(1);
            assertThat(held).as("the write is still held").isNotDone();

            mayFinish.countDown();
            held.get(2, TimeUnit.MINUTES);
            assertThat(names(writes)).isEqualTo(2);
        }
    }

    @BothDatabases
    void everyStatementOfAReadSeesTheStateItsFirstStatementSaw(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            insert(writes, "a");
            int[] seen = writes.read(handle -> {
                int first = count(handle);
                // Committed (and acknowledged) by another thread between the read's two statements.
                CompletableFuture.runAsync(() -> insert(writes, "b"), others).join();
                return new int[] {first, count(handle)};
            });
            assertThat(seen).containsExactly(1, 1);
            assertThat(names(writes)).as("the next read sees the write").isEqualTo(2);
        }
    }

    @BothDatabases
    void readsAndPlainQueriesInsideAReadJoinItsTransaction(Database database) {
        Handle[] inner = new Handle[2];
        Handle outer = database.read(handle -> {
            inner[0] = database.read(nested -> nested);
            inner[1] = database.withHandle(nested -> nested);
            return handle;
        });
        assertThat(inner).containsOnly(outer);
    }

    @BothDatabases
    void aReadInsideAWriteJoinsTheWriteAndSeesItsRows(Database database) {
        try (Database writes = Database.open(database.url(), true)) {
            int seen = writes.inTransaction(handle -> {
                handle.execute("INSERT INTO settings (name, value) VALUES ('mine', 'x')");
                return writes.read(ReadTest::count);
            });
            assertThat(seen).isEqualTo(1);
        }
    }

    @BothDatabases
    void onlyASqliteReadIsASnapshotThatMustNotWrite(Database database) {
        boolean snapshot = database.read(database::isReadSnapshot);
        assertThat(snapshot).isEqualTo(database.url().kind() == DatabaseUrl.Kind.SQLITE);
        assertThat(database.withHandle(database::isReadSnapshot))
                .as("outside a read")
                .isFalse();
    }

    private static void insert(Database database, String name) {
        database.useTransaction(handle -> handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, 'x')")
                .bind("name", name)
                .execute());
    }

    private static int names(Database database) {
        return database.read(ReadTest::count);
    }

    private static int count(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM settings")
                .mapTo(Integer.class)
                .one();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(2, TimeUnit.MINUTES)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
