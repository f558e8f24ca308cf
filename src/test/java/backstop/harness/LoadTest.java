package backstop.harness;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.diary.DiarySimulator;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.plan.PlanPreferences;
import backstop.web.Auth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load test: {@code backstop serve} in a child JVM on loopback, N users each with their own account (a year of
 * diary, an assessment and a plan), each sending its next request as soon as the last one is answered, for a fixed
 * time: check-ins through the API, page views with a session cookie, insights, diary ranges and exports. Prints
 * throughput, errors and latency percentiles, overall and per kind of request.
 *
 * <p>{@code tools/load-test --db sqlite --users 64 --seconds 60}; figures in docs/performance.md. Bounded: at most
 * 1,000 users and 600 s, and only ever 127.0.0.1.
 */
public final class LoadTest {
    private static final String PASSWORD = "load test secret words";

    /** One kind of request in the mix, with its weight. */
    private record Step(String name, int weight) {}

    private static final List<Step> MIX = List.of(
            new Step("check-in PUT /api/v1/diary/{day}", 30),
            new Step("page GET /", 6),
            new Step("page GET /diary", 8),
            new Step("page GET /plan/today", 8),
            new Step("page GET /insights", 6),
            new Step("page GET /diary/chart", 4),
            new Step("api GET /api/v1/insights", 12),
            new Step("api GET /api/v1/diary?month", 12),
            new Step("export GET /api/v1/diary/export", 8),
            new Step("export GET /api/v1/me/export", 6));

    private LoadTest() {}

    public static void main(String[] args) throws Exception {
        DatabaseUrl.Kind kind = DatabaseUrl.Kind.SQLITE;
        int users = 64;
        int seconds = 60;
        int warmup = 10;
        String postgres =
                System.getProperty("backstop.test.postgres", "postgresql://127.0.0.1:5432/test?user=postgres");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" ->
                    kind = switch (args[++i]) {
                        case "sqlite" -> DatabaseUrl.Kind.SQLITE;
                        case "postgresql", "postgres" -> DatabaseUrl.Kind.POSTGRESQL;
                        default -> throw new IllegalArgumentException("--db sqlite|postgresql");
                    };
                case "--users" -> users = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--postgres" -> postgres = args[++i];
                case "--help", "-h" -> {
                    System.out.println("tools/load-test [--db sqlite|postgresql] [--users 64] [--seconds 60]"
                            + " [--warmup 10] [--postgres URL]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (users < 1 || users > 1000 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 120) {
            throw new IllegalArgumentException("bounded: 1-1000 users, 1-600 s, warm-up 0-120 s");
        }
        Path folder = Files.createTempDirectory("backstop-load");
        CrashTest.Target target = CrashTest.Target.create(kind, folder, postgres, "load");
        try {
            run(target, users, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), folder);
        } finally {
            target.drop();
        }
        System.exit(0);
    }

    /** A signed-in user: an API token for the API, a session cookie for the pages. */
    private record Account(String token, String cookie, LocalDate lastDay) {}

    private static void run(CrashTest.Target target, int users, Duration warmup, Duration measured, Path folder)
            throws Exception {
        long setupStart = System.nanoTime();
        List<Account> accounts = prepare(target, users);
        System.out.printf(
                Locale.ROOT,
                "%d accounts with a year of diary, an assessment and a plan each, in %.0f s%n",
                users,
                (System.nanoTime() - setupStart) / 1e9);
        int port = CrashTest.freePort();
        CrashTest.ServerHandle server = new CrashTest.ServerHandle(
                target.url(), port, folder.resolve("server.log"), List.of("-Xmx1g", "-XX:+UseParallelGC"));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .executor(Executors.newFixedThreadPool(4))
                    .build();
            AtomicBoolean recording = new AtomicBoolean(false);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                clients.add(new Client(accounts.get(i), base, http, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(users);
            List<Future<?>> futures = new ArrayList<>();
            for (Client client : clients) {
                futures.add(pool.submit(() -> client.loop(running, recording)));
            }
            Thread.sleep(warmup.toMillis());
            recording.set(true);
            long start = System.nanoTime();
            Thread.sleep(measured.toMillis());
            recording.set(false);
            long elapsed = System.nanoTime() - start;
            running.set(false);
            for (Future<?> future : futures) {
                future.get();
            }
            pool.shutdown();
            report(target.kind(), users, elapsed, clients);
        } finally {
            server.kill();
        }
    }

    private static List<Account> prepare(CrashTest.Target target, int users) throws Exception {
        try (Database database = target.open()) {
            database.migrate();
            Services services = Services.wire(database, Clock.systemUTC());
            Caller setup = Caller.commandLine(Optional.empty());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Account>> made = new ArrayList<>();
            // The first sign-up claims the server's ownership; two at once on PostgreSQL collide on that claim (a
            // 500 for one of them, reported), so the first account is made alone.
            services.accounts().register("load0", "", PASSWORD, setup);
            for (int i = 0; i < users; i++) {
                int index = i;
                made.add(pool.submit(() -> {
                    User user = index == 0
                            ? services.accounts().findByUsername("load0").orElseThrow()
                            : services.accounts().register("load" + index, "", PASSWORD, setup);
                    String token = services.accounts().createApiToken(user, "load test", setup);
                    LocalDate start = today.minusDays(365);
                    String csv = DiarySimulator.simulateToCsv(
                            SimulatorSettings.defaults(365, index).withStart(start));
                    services.diary().importCsv(user, csv, ImportMode.STRICT, setup);
                    services.assessments().submit(user, Intakes.deskWorker(), setup);
                    services.plans().create(user, PlanPreferences.defaults(), setup);
                    String cookie = services.accounts()
                            .login("load" + index, PASSWORD, setup)
                            .cookieValue();
                    return new Account(token, cookie, today);
                }));
            }
            try {
                List<Account> accounts = new ArrayList<>();
                for (Future<Account> future : made) {
                    accounts.add(future.get());
                }
                return accounts;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** One user: picks the next step by weight, sends it, records the time if the window is open. */
    private static final class Client {
        final Account account;
        final String base;
        final HttpClient http;
        final Random random;
        final Map<String, long[]> samples = new TreeMap<>();
        final Map<String, Integer> counts = new TreeMap<>();
        final Map<String, Integer> errors = new TreeMap<>();
        final List<String> errorExamples = new ArrayList<>();
        final int total = MIX.stream().mapToInt(Step::weight).sum();

        Client(Account account, String base, HttpClient http, long seed) {
            this.account = account;
            this.base = base;
            this.http = http;
            this.random = new Random(seed);
        }

        void loop(AtomicBoolean running, AtomicBoolean recording) {
            while (running.get()) {
                Step step = pick();
                HttpRequest request = request(step);
                long started = System.nanoTime();
                String error = null;
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                        error = step.name() + " answered " + response.statusCode() + ": "
                                + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)
                                        .substring(0, Math.min(200, response.body().length));
                    }
                } catch (IOException e) {
                    error = step.name() + " failed: " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long nanos = System.nanoTime() - started;
                if (recording.get()) {
                    record(step.name(), nanos, error);
                }
            }
        }

        private void record(String name, long nanos, String error) {
            int n = counts.merge(name, 1, Integer::sum);
            long[] array = samples.computeIfAbsent(name, k -> new long[1024]);
            if (n > array.length) {
                array = Arrays.copyOf(array, array.length * 2);
                samples.put(name, array);
            }
            array[n - 1] = nanos;
            if (error != null) {
                errors.merge(name, 1, Integer::sum);
                if (errorExamples.size() < 3) {
                    errorExamples.add(error);
                }
            }
        }

        private Step pick() {
            int roll = random.nextInt(total);
            for (Step step : MIX) {
                roll -= step.weight();
                if (roll < 0) {
                    return step;
                }
            }
            return MIX.get(0);
        }

        private HttpRequest request(Step step) {
            String name = step.name();
            String path = name.substring(name.indexOf('/'));
            HttpRequest.Builder builder = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60));
            if (name.startsWith("check-in")) {
                LocalDate day = account.lastDay().minusDays(random.nextInt(14));
                String body = String.format(
                        Locale.ROOT,
                        "{\"pain_am\": %d, \"pain_pm\": %d, \"desk_hours\": %.1f, \"breaks\": %d, \"stress\": %d,"
                                + " \"note\": \"load %d\"}",
                        random.nextInt(11),
                        random.nextInt(11),
                        random.nextInt(100) / 10.0,
                        random.nextInt(12),
                        random.nextInt(11),
                        random.nextInt(1_000_000));
                return builder.uri(URI.create(base + "/api/v1/diary/" + day))
                        .header("Authorization", "Bearer " + account.token())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build();
            }
            if (name.startsWith("page")) {
                return builder.uri(URI.create(base + path))
                        .header("Cookie", Auth.SESSION_COOKIE + "=" + account.cookie())
                        .GET()
                        .build();
            }
            if (path.equals("/api/v1/diary?month")) {
                LocalDate to = account.lastDay().minusDays(random.nextInt(300));
                path = "/api/v1/diary?from=" + to.minusDays(30) + "&to=" + to;
            }
            return builder.uri(URI.create(base + path))
                    .header("Authorization", "Bearer " + account.token())
                    .GET()
                    .build();
        }
    }

    private static void report(DatabaseUrl.Kind kind, int users, long elapsedNanos, List<Client> clients) {
        Map<String, List<Long>> byStep = new TreeMap<>();
        Map<String, Integer> errorsByStep = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Client client : clients) {
            client.counts.forEach((name, n) -> {
                List<Long> list = byStep.computeIfAbsent(name, k -> new ArrayList<>());
                long[] array = client.samples.get(name);
                for (int i = 0; i < n; i++) {
                    list.add(array[i]);
                }
            });
            client.errors.forEach((name, n) -> errorsByStep.merge(name, n, Integer::sum));
            if (examples.size() < 5) {
                examples.addAll(client.errorExamples);
            }
        }
        List<Long> all = new ArrayList<>();
        byStep.values().forEach(all::addAll);
        double seconds = elapsedNanos / 1e9;
        int errors = errorsByStep.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%s, %d users, %.0f s: %d requests, %.0f per second, %d errors; latency p50 %s, p95 %s, p99 %s,"
                        + " max %s%n",
                kind.name().toLowerCase(Locale.ROOT),
                users,
                seconds,
                all.size(),
                all.size() / seconds,
                errors,
                ms(all, 0.50),
                ms(all, 0.95),
                ms(all, 0.99),
                ms(all, 1.0));
        System.out.println("| request | share | count | errors | p50 | p95 | p99 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Long>> entry : byStep.entrySet()) {
            List<Long> list = entry.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f%% | %d | %d | %s | %s | %s |%n",
                    entry.getKey().substring(entry.getKey().indexOf(' ') + 1),
                    100.0 * list.size() / all.size(),
                    list.size(),
                    errorsByStep.getOrDefault(entry.getKey(), 0),
                    ms(list, 0.50),
                    ms(list, 0.95),
                    ms(list, 0.99));
        }
        examples.stream().limit(5).forEach(example -> System.out.println("error: " + example));
    }

    /** The nearest-rank percentile in milliseconds. */
    private static String ms(List<Long> values, double quantile) {
        if (values.isEmpty()) {
            return "-";
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(quantile * sorted.length);
        double millis = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        return millis < 10
                ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.0f ms", millis);
    }
}
