import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteConfig;

/**
 * Issue 15 §3: API diary writes against the raw commit rate of the same database, side by side in one run.
 *
 * <p>For each client count N: first the raw baseline (N threads, each on its own connection, doing single-row
 * {@code INSERT} + {@code COMMIT} into a table of the same database file or schema, with the app's durability
 * settings: SQLite WAL + synchronous=FULL, PostgreSQL as configured), then N HTTP clients, each with its own person
 * and API token, doing {@code PUT /api/v1/diary/{day}} against {@code backstop serve} for the same time. Prints
 * throughput, p50/p99, the API/raw ratio and the CPU time of both processes beside the elapsed time.
 *
 * <p>{@code bench/write-throughput --db sqlite|postgresql [--clients 1,16,64] [--seconds 10]}; figures in
 * docs/performance.md. Only ever 127.0.0.1.
 */
public final class WriteThroughput {
    private static final String PASSWORD = "bench write secret words";

    public static void main(String[] args) throws Exception {
        String db = "sqlite";
        int[] clientCounts = {1, 16, 64};
        int seconds = 10;
        int warmup = 3;
        String postgres = "postgresql://127.0.0.1:5432/test?user=postgres";
        String jar = "target/backstop.jar";
        String client = "plain";
        int port = 0;
        Path scratch = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> serverOptions = new ArrayList<>(List.of("-Xmx512m"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> db = args[++i];
                case "--clients" -> clientCounts =
                        Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--postgres" -> postgres = args[++i];
                case "--jar" -> jar = args[++i];
                case "--http-client" -> client = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--folder" -> scratch = Path.of(args[++i]);
                case "--group-commit" -> serverOptions.add("-Dbackstop.db.groupCommit=true");
                case "--server-option" -> serverOptions.add(args[++i]);
                default -> throw new IllegalArgumentException(
                        "bench/write-throughput --db sqlite|postgresql [--clients 1,16,64] [--seconds 10]"
                                + " [--warmup 3] [--postgres URL] [--jar target/backstop.jar] [--group-commit] [--server-option -Dx=y]"
                                + " [--http-client plain|jdk] [--port N] [--folder DIR]");
            }
        }
        int maxClients = Arrays.stream(clientCounts).max().orElseThrow();
        if (maxClients > 256 || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException("bounded: at most 256 clients and 300 s");
        }
        Files.createDirectories(scratch);
        Path folder = Files.createTempDirectory(scratch, "backstop-write-bench");
        Target target = Target.create(db, folder, postgres);
        Process server = null;
        try {
            List<String> tokens = prepare(target, maxClients);
            if (port == 0) {
                port = freePort();
            }
            server = startServer(jar, serverOptions, target.appUrl(), port, folder.resolve("server.log"));
            String base = "http://127.0.0.1:" + port;
            System.out.printf(
                    Locale.ROOT,
                    "%s, server %s, %s HTTP client, %d s per phase after %d s warm-up; load: %s%n",
                    target.appUrl().replaceAll("\\?.*", ""),
                    String.join(" ", serverOptions),
                    client,
                    seconds,
                    warmup,
                    uptime());
            System.out.printf(
                    Locale.ROOT,
                    "%-7s %-4s %9s %8s %8s %8s %10s %10s %s%n",
                    "clients",
                    "what",
                    "writes/s",
                    "p50 ms",
                    "p99 ms",
                    "errors",
                    "cpu bench",
                    "cpu server",
                    "ratio / syncs");
            double bestRaw = 0;
            for (int clients : clientCounts) {
                Result raw = raw(target, clients, Duration.ofSeconds(seconds), server.pid());
                bestRaw = Math.max(bestRaw, raw.rate());
                api(base, tokens.subList(0, clients), Duration.ofSeconds(warmup), server.pid(), true, client);
                long syncsBefore = target.walSyncs();
                double backendsBefore = target.backendCpu();
                Result api =
                        api(base, tokens.subList(0, clients), Duration.ofSeconds(seconds), server.pid(), false, client);
                long syncs = syncsBefore < 0 ? -1 : target.walSyncs() - syncsBefore;
                double backends = target.backendCpu() - backendsBefore;
                raw.print(clients, "raw", "");
                api.print(
                        clients,
                        "api",
                        String.format(
                                Locale.ROOT,
                                "%.0f%% of raw (%.0f%% of the best raw rate so far)%s",
                                100 * api.rate() / raw.rate(),
                                100 * api.rate() / bestRaw,
                                syncs < 0
                                        ? ""
                                        : String.format(
                                                Locale.ROOT,
                                                ", %.2f WAL syncs/write, the app's PostgreSQL backends %.1fs CPU"
                                                        + " (%.2f ms/write)",
                                                (double) syncs / api.count(),
                                                backends,
                                                1000 * backends / Math.max(1, api.count()))));
                api.printServerThreads();
            }
            System.out.println("load after: " + uptime());
        } finally {
            if (server != null) {
                server.destroyForcibly().waitFor();
            }
            target.drop();
        }
        System.exit(0);
    }

    /** Throughput and latency of one phase, with the CPU both processes used in it. */
    record Result(
            long count,
            long errors,
            double seconds,
            long[] nanos,
            double benchCpu,
            double serverCpu,
            Map<String, Double> serverThreads) {
        double rate() {
            return count / seconds;
        }

        double percentile(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1)] / 1e6;
        }

        void print(int clients, String what, String extra) {
            System.out.printf(
                    Locale.ROOT,
                    "%-7d %-4s %9.0f %8.2f %8.2f %8d %9.1fs %9.1fs %s%n",
                    clients,
                    what,
                    rate(),
                    percentile(0.50),
                    percentile(0.99),
                    errors,
                    benchCpu,
                    serverCpu,
                    extra);
        }

        /** Where the server's CPU went in the phase, by thread kind, and per write. */
        void printServerThreads() {
            StringBuilder line = new StringBuilder("        server CPU by thread:");
            serverThreads.entrySet().stream()
                    .filter(entry -> entry.getValue() >= 0.05)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(entry -> line.append(String.format(
                            Locale.ROOT, " %s %.1fs", entry.getKey(), entry.getValue())));
            line.append(String.format(
                    Locale.ROOT, "; %.2f ms of server CPU per write", count == 0 ? 0 : 1000 * serverCpu / count));
            System.out.println(line);
        }
    }

    /** A loop body run by each client: one write, true when it succeeded. */
    interface Work {
        boolean once(int client, long n) throws Exception;
    }

    private static Result run(int clients, Duration time, long serverPid, Work work) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        long[][] latencies = new long[clients][];
        long[] counts = new long[clients];
        long[] errors = new long[clients];
        CountDownLatch done = new CountDownLatch(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int size = 0;
                try {
                    ready.countDown();
                    go.await();
                    for (long n = 0; running.get(); n++) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = work.once(client, n);
                        } catch (Exception e) {
                            ok = false;
                            if (errors[client] == 0) {
                                System.err.println("client " + client + ": " + e);
                            }
                        }
                        long took = System.nanoTime() - start;
                        if (running.get()) {
                            if (ok) {
                                if (size == mine.length) {
                                    mine = Arrays.copyOf(mine, size * 2);
                                }
                                mine[size++] = took;
                                counts[client]++;
                            } else {
                                errors[client]++;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[client] = Arrays.copyOf(mine, size);
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        ready.await();
        double benchCpuStart = benchCpu();
        double serverCpuStart = serverCpu(serverPid);
        Map<String, Double> threadsStart = serverThreadCpu(serverPid);
        long start = System.nanoTime();
        go.countDown();
        Thread.sleep(time.toMillis());
        running.set(false);
        long elapsed = System.nanoTime() - start;
        double benchCpu = benchCpu() - benchCpuStart;
        double serverCpu = serverCpu(serverPid) - serverCpuStart;
        Map<String, Double> threads = serverThreadCpu(serverPid);
        threadsStart.forEach((name, cpu) -> threads.merge(name, -cpu, Double::sum));
        done.await();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                Arrays.stream(counts).sum(),
                Arrays.stream(errors).sum(),
                elapsed / 1e9,
                all,
                benchCpu,
                serverCpu,
                threads);
    }

    /** N threads, each on its own connection: INSERT one row, COMMIT, again. */
    private static Result raw(Target target, int clients, Duration time, long serverPid) throws Exception {
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> inserts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Connection connection = target.rawConnection();
            // sqlite-jdbc opens the next transaction right after a commit when auto-commit is off, which would
            // hold SQLite's write lock between writes; so SQLite gets explicit BEGIN IMMEDIATE ... COMMIT, as Jdbi
            // does for the app, and PostgreSQL the driver's own transaction.
            connection.setAutoCommit(!target.kind().equals("postgresql"));
            connections.add(connection);
            inserts.add(connection.prepareStatement(
                    "INSERT INTO bench_raw (client, n, day, note) VALUES (?, ?, ?, ?)"));
        }
        try {
            return run(clients, time, serverPid, (client, n) -> {
                PreparedStatement insert = inserts.get(client);
                Connection connection = connections.get(client);
                boolean sqlite = connection.getAutoCommit();
                if (sqlite) {
                    try (Statement begin = connection.createStatement()) {
                        begin.execute("BEGIN IMMEDIATE");
                    }
                }
                insert.setInt(1, client);
                insert.setLong(2, n);
                insert.setString(3, LocalDate.of(2026, 1, 1).plusDays(n % 365).toString());
                insert.setString(4, "client " + client + " write " + n);
                insert.executeUpdate();
                if (sqlite) {
                    try (Statement commit = connection.createStatement()) {
                        commit.execute("COMMIT");
                    }
                } else {
                    connection.commit();
                }
                return true;
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One client's way to send a PUT and read the status: the JDK's HttpClient, or {@link PlainHttp}. */
    interface Sender extends AutoCloseable {
        int put(String path, String token, String body) throws IOException, InterruptedException;

        @Override
        default void close() throws IOException {}
    }

    /**
     * N clients, each its own person, token and keep-alive connection, PUT a diary day, wait for the answer, again.
     * {@code plain} sends through {@link PlainHttp}; {@code jdk} through java.net.http, which costs the load
     * generator several times the CPU per request, taken from the server on a 2-core machine.
     */
    private static Result api(
            String base, List<String> tokens, Duration time, long serverPid, boolean quiet, String client)
            throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        URI uri = URI.create(base);
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            senders.add(client.equals("jdk") ? jdkSender(base) : new PlainHttp(uri.getHost(), uri.getPort()));
        }
        // The note names the phase, so no request repeats one of an earlier phase: a repeat would save nothing
        // (an unchanged day is a read) and the phase would measure reads instead of writes.
        String phase = (quiet ? "warm-up " : "run ") + tokens.size() + " clients " + System.nanoTime();
        try {
            return run(tokens.size(), time, serverPid, (index, n) -> {
                LocalDate day = today.minusDays(n % 365);
                String body = String.format(
                        Locale.ROOT,
                        "{\"pain_am\": %d, \"pain_pm\": %d, \"stress\": %d, \"note\": \"client %d %s write %d\"}",
                        n % 11,
                        (n + 3) % 11,
                        (n + 5) % 11,
                        index,
                        phase,
                        n);
                int status = senders.get(index).put("/api/v1/diary/" + day, tokens.get(index), body);
                if (status != 200 && !quiet) {
                    System.err.println("status " + status);
                }
                return status == 200;
            });
        } finally {
            for (Sender sender : senders) {
                sender.close();
            }
        }
    }

    private static Sender jdkSender(String base) {
        return (path, token, body) -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        };
    }

    /**
     * HTTP/1.1 over one blocking keep-alive socket: writes the request in one go and reads the status line, the
     * headers and the body (Content-Length or chunked). Nothing more is needed to load the server, and it costs the
     * load generator a fraction of java.net.http's CPU. A broken connection is opened again on the next request.
     */
    static final class PlainHttp implements Sender {
        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        PlainHttp(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public int put(String path, String token, String body) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
                in = new BufferedInputStream(socket.getInputStream(), 8192);
                out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            }
            try {
                byte[] content = body.getBytes(StandardCharsets.UTF_8);
                out.write(("PUT " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                                + "\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).strip());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                        skip(size);
                        line();
                    }
                    line();
                } else if (length >= 0) {
                    skip(length);
                } else {
                    close = true;
                }
                if (close) {
                    close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private String line() throws IOException {
            StringBuilder text = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed mid-response");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /** People with a token each, made through the app's own services before the server starts. */
    private static List<String> prepare(Target target, int people) {
        List<String> tokens = new ArrayList<>();
        try (Database database = Database.open(DatabaseUrl.parse(target.appUrl()))) {
            database.migrate();
            database.useTransaction(handle -> handle.execute(
                    "CREATE TABLE bench_raw (client INTEGER NOT NULL, n BIGINT NOT NULL, day VARCHAR(10) NOT NULL,"
                            + " note VARCHAR(200) NOT NULL)"));
            Services services = Services.wire(database, Clock.systemUTC());
            Caller setup = Caller.commandLine(Optional.empty());
            for (int i = 0; i < people; i++) {
                User user = services.accounts().register("bench" + i, "", PASSWORD, setup);
                tokens.add(services.accounts().createApiToken(user, "write bench", setup));
            }
        }
        return tokens;
    }

    private static Process startServer(String jar, List<String> options, String url, int port, Path log)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", jar, "backstop.Main", "serve", "--db", url, "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("BACKSTOP_DB");
        Process process = builder.start();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not become ready; see " + log);
    }

    /** The database both sides use: a fresh SQLite file, or a fresh schema on the PostgreSQL server. */
    record Target(String kind, String appUrl, String adminJdbc, String schema, Path file) {
        static Target create(String kind, Path folder, String postgres) throws SQLException {
            if (kind.equals("sqlite")) {
                Path file = folder.resolve("bench.db");
                return new Target(kind, "sqlite:" + file, "", "", file);
            }
            if (!kind.startsWith("postgres")) {
                throw new IllegalArgumentException("--db sqlite|postgresql");
            }
            String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String admin = DatabaseUrl.parse(postgres).jdbcUrl();
            execute(admin, "CREATE SCHEMA " + schema);
            String separator = postgres.contains("?") ? "&" : "?";
            // The schema's name as the application name picks out the app's backends for their CPU time.
            return new Target(
                    "postgresql",
                    postgres + separator + "currentSchema=" + schema + "&ApplicationName=" + schema,
                    admin,
                    schema,
                    null);
        }

        /** A connection with the app's own durability settings (for SQLite the same pragmas Database sets). */
        Connection rawConnection() throws SQLException {
            if (kind.equals("sqlite")) {
                SQLiteConfig sqlite = new SQLiteConfig();
                sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
                sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                sqlite.setBusyTimeout(10_000);
                sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
                Properties properties = sqlite.toProperties();
                Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
                try (Statement statement = connection.createStatement();
                        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                    mode.next();
                    if (!mode.getString(1).equalsIgnoreCase("wal")) {
                        throw new IllegalStateException("raw baseline not in WAL mode");
                    }
                }
                return connection;
            }
            return DriverManager.getConnection(DatabaseUrl.parse(appUrl).jdbcUrl());
        }

        /** PostgreSQL's count of WAL syncs so far (pg_stat_wal), -1 on SQLite. */
        long walSyncs() throws SQLException {
            if (kind.equals("sqlite")) {
                return -1;
            }
            try (Connection connection = DriverManager.getConnection(adminJdbc);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT wal_sync FROM pg_stat_wal")) {
                rows.next();
                return rows.getLong(1);
            }
        }

        /** CPU seconds used so far by the PostgreSQL backends serving this schema's connections; 0 on SQLite. */
        double backendCpu() throws SQLException {
            if (kind.equals("sqlite")) {
                return 0;
            }
            double total = 0;
            try (Connection connection = DriverManager.getConnection(adminJdbc);
                    PreparedStatement statement =
                            connection.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        total += serverCpu(rows.getLong(1));
                    }
                }
            }
            return total;
        }

        void drop() throws SQLException {
            if (kind.equals("postgresql")) {
                execute(adminJdbc, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void execute(String jdbc, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double benchCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** utime + stime of the server process from /proc, in seconds (0 where /proc is missing). */
    private static double serverCpu(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds of the server's threads from /proc, summed by kind (the name without its number: every Jetty
     * request thread is one kind, the JIT compilers another), so a phase shows where the server's time went.
     */
    private static Map<String, Double> serverThreadCpu(long pid) {
        Map<String, Double> byKind = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    byKind.merge(name.replaceAll("[0-9]+", "#"), cpu, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here: the breakdown stays empty
        }
        return byKind;
    }

    private static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
