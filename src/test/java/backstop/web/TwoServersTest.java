package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.db.RunOnce;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * More than one server (issue 13): two {@code serve} processes' worth of app on one PostgreSQL database. Migrations
 * from both at once, a session made on one used on the other, concurrent writes to the same diary day (last writer
 * wins, every revision kept), and work that must run once running once.
 */
class TwoServersTest {
    private static final String PASSWORD = "a long enough secret";
    private static final String BASE =
            System.getProperty("backstop.test.postgres", "postgresql://127.0.0.1:5432/test?user=postgres");
    private String schema;
    private String jdbc;

    @BeforeEach
    void freshSchema() throws Exception {
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc = DatabaseUrl.parse(BASE).jdbcUrl();
        try (var connection = DriverManager.getConnection(jdbc);
                var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(jdbc);
                var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private DatabaseUrl url() {
        return DatabaseUrl.parse(BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    @Test
    void twoServersShareOneDatabase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Database first = Database.open(url());
                Database second = Database.open(url())) {
            // Both migrate an empty schema at the same moment; Flyway's lock lets one do it and the other see it done.
            List<Future<?>> migrations = List.of(pool.submit(first::migrate), pool.submit(second::migrate));
            for (Future<?> migration : migrations) {
                migration.get();
            }
            int versions = first.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                    .mapTo(Integer.class)
                    .one());
            int distinct = first.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE version IS NOT NULL")
                    .mapTo(Integer.class)
                    .one());
            assertThat(versions).isEqualTo(distinct).isPositive();

            try (TestServer a = TestServer.start(first);
                    TestServer b = TestServer.start(second)) {
                a.services().accounts().register("dana", "", PASSWORD, Caller.commandLine(Optional.empty()));
                WebClient onA = a.client();
                HttpResponse<String> signIn = onA.login("dana", PASSWORD);
                String cookie = signIn.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith(Auth.SESSION_COOKIE + "="))
                        .findFirst()
                        .orElseThrow()
                        .split(";")[0];
                HttpResponse<String> onB = b.client()
                        .send(HttpRequest.newBuilder(URI.create(b.url("/api/v1/me")))
                                .header("Cookie", cookie)
                                .GET()
                                .build());
                assertThat(onB.statusCode()).isEqualTo(200);
                assertThat(onB.body()).contains("\"username\":\"dana\"");

                String token = a.services()
                        .accounts()
                        .createApiToken(
                                a.services().accounts().findByUsername("dana").orElseThrow(),
                                "two servers",
                                Caller.commandLine(Optional.empty()));
                int writesEach = 15;
                List<Callable<Integer>> writers = new ArrayList<>();
                for (TestServer server : List.of(a, b)) {
                    for (int writer = 0; writer < 3; writer++) {
                        int id = writer;
                        writers.add(() -> {
                            int ok = 0;
                            for (int i = 0; i < writesEach; i++) {
                                HttpResponse<String> put = server.client()
                                        .send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/diary/2026-03-02")))
                                                .header("Authorization", "Bearer " + token)
                                                .header("Content-Type", "application/json")
                                                .PUT(HttpRequest.BodyPublishers.ofString(
                                                        "{\"pain_am\": " + (id + i) % 11 + ", \"note\": \"w" + id + "-"
                                                                + i + "-" + server.port() + "\"}"))
                                                .build());
                                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                                ok++;
                            }
                            return ok;
                        });
                    }
                }
                int sum = 0;
                for (Future<Integer> done : pool.invokeAll(writers)) {
                    sum += done.get();
                }
                int acknowledged = sum;
                assertThat(acknowledged).isEqualTo(6 * writesEach);
                User dana = a.services().accounts().findByUsername("dana").orElseThrow();
                List<Integer> revisions = first.withHandle(handle -> handle.createQuery(
                                "SELECT revision FROM diary_revisions WHERE person_id = :p AND day = '2026-03-02'"
                                        + " ORDER BY revision")
                        .bind("p", dana.id())
                        .mapTo(Integer.class)
                        .list());
                assertThat(revisions)
                        .as("every acknowledged write is one revision, numbered without gaps")
                        .hasSize(acknowledged);
                assertThat(revisions.get(revisions.size() - 1)).isEqualTo(acknowledged);
                String last = first.withHandle(handle -> handle.createQuery(
                                "SELECT values_json FROM diary_revisions WHERE person_id = :p AND day = '2026-03-02'"
                                        + " AND revision = :r")
                        .bind("p", dana.id())
                        .bind("r", acknowledged)
                        .mapTo(String.class)
                        .one());
                Services viaB = b.services();
                String current = viaB.diary()
                        .day(dana, LocalDate.of(2026, 3, 2), Caller.commandLine(Optional.empty()))
                        .orElseThrow()
                        .checkIn()
                        .day()
                        .note();
                assertThat(last)
                        .as("the day holds the last revision: last writer wins")
                        .contains(current);
            }

            AtomicInteger ran = new AtomicInteger();
            // The server that gets the task holds it until the other one has tried and given up: the two attempts
            // certainly overlap, however slowly the machine runs them.
            CountDownLatch otherGaveUp = new CountDownLatch(1);
            List<Callable<Boolean>> both =
                    List.of(() -> attempt(first, ran, otherGaveUp), () -> attempt(second, ran, otherGaveUp));
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(both)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(ran.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean attempt(Database database, AtomicInteger ran, CountDownLatch otherGaveUp) {
        boolean here = RunOnce.run(database, "test.once", () -> {
            ran.incrementAndGet();
            try {
                otherGaveUp.await(Browser.WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (!here) {
            otherGaveUp.countDown();
        }
        return here;
    }
}
