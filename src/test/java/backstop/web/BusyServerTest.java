package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When every database connection stays busy for the pool's whole wait, a request is told the server is busy and
 * when to come back (503 with Retry-After), not that something broke (the load test saw 500s).
 */
class BusyServerTest {

    @BothDatabases
    void aRequestThatFindsNoFreeConnectionGets503WithRetryAfter(Database database) throws Exception {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = server.client();
            dana.register("dana", "a long enough secret");
            CountDownLatch held = new CountDownLatch(database.maxConnections());
            CountDownLatch release = new CountDownLatch(1);
            List<CompletableFuture<Void>> holders = new ArrayList<>();
            // A thread for each holder: the common pool has fewer threads than connections on 3 to 5 cores, and
            // the holders would wait for each other (found in a review of the suite).
            java.util.concurrent.ExecutorService threads =
                    java.util.concurrent.Executors.newFixedThreadPool(database.maxConnections());
            for (int i = 0; i < database.maxConnections(); i++) {
                holders.add(CompletableFuture.runAsync(
                        () -> database.withHandle(handle -> {
                            held.countDown();
                            try {
                                return release.await(5, TimeUnit.MINUTES);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        }),
                        threads));
            }
            try {
                assertThat(held.await(5, TimeUnit.MINUTES)).isTrue();
                HttpResponse<String> busy = dana.get("/api/v1/diary");
                assertThat(busy.statusCode()).isEqualTo(503);
                assertThat(busy.headers().firstValue("Retry-After")).hasValue("2");
                assertThat(busy.body()).contains("busy").doesNotContain("error id");
            } finally {
                release.countDown();
                CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new))
                        .get(5, TimeUnit.MINUTES);
                threads.shutdown();
            }
            assertThat(dana.get("/api/v1/diary").statusCode()).isEqualTo(200);
        }
    }
}
