package backstop.harness;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash test: the real server in a child JVM ({@code backstop.Main serve}), several API clients writing diary
 * days, exercise sessions and assessments, and {@code kill -9} (SIGKILL, {@link Process#destroyForcibly}) of the
 * server at random moments, then a restart. A write counts only once its 2xx answer has arrived. At the end every
 * acknowledged write must be in the database with exactly the values sent, every write whose answer never came
 * must be there whole or not at all, every write refused before it was sent must be absent, every change must have
 * its audit line, and the database must pass {@code PRAGMA integrity_check} (SQLite) or {@code amcheck} and
 * reference checks (PostgreSQL).
 *
 * <p>Long run: {@code tools/crash-test --db sqlite --kills 100}; {@link CrashSurvivalTest} runs a short form in
 * {@code mvn verify}.
 */
public final class CrashTest {
    static final String PASSWORD = "crash test secret words";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong ACKNOWLEDGED = new AtomicLong();

    /** What to run. */
    public record Settings(
            DatabaseUrl.Kind kind,
            int kills,
            int writers,
            Duration minUp,
            Duration maxUp,
            long seed,
            Path folder,
            String postgresBase) {}

    /** What a run did and found. */
    public record Report(
            DatabaseUrl.Kind kind,
            int kills,
            long acknowledged,
            long uncertain,
            long refusedBeforeSending,
            Map<String, Long> acknowledgedByKind,
            long uncertainFoundWhole,
            List<String> problems,
            String consistency,
            Duration elapsed) {
        public boolean passed() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s: %d kills in %.0f s; %d writes acknowledged %s, all present with their values: %s;"
                            + " %d unanswered (in flight at a kill: %d found whole, the rest absent), %d refused"
                            + " before sending (absent); consistency: %s; problems: %s",
                    kind.name().toLowerCase(Locale.ROOT),
                    kills,
                    elapsed.toMillis() / 1000.0,
                    acknowledged,
                    acknowledgedByKind,
                    problems.isEmpty() ? "yes" : "NO",
                    uncertain,
                    uncertainFoundWhole,
                    refusedBeforeSending,
                    consistency,
                    problems.isEmpty()
                            ? "none"
                            : problems.size() + " " + problems.subList(0, Math.min(20, problems.size())));
        }
    }

    private CrashTest() {}

    public static void main(String[] args) throws Exception {
        int kills = 100;
        int writers = 4;
        long seed = System.nanoTime();
        List<DatabaseUrl.Kind> kinds = new ArrayList<>(List.of(DatabaseUrl.Kind.SQLITE, DatabaseUrl.Kind.POSTGRESQL));
        String postgres = System.getProperty(
                "backstop.test.postgres", Objects.requireNonNullElse(System.getenv("BACKSTOP_TEST_POSTGRES"), ""));
        if (postgres.isBlank()) {
            postgres = "postgresql://127.0.0.1:5432/test?user=postgres";
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--postgres" -> postgres = args[++i];
                case "--db" -> {
                    String which = args[++i];
                    kinds = switch (which) {
                        case "sqlite" -> List.of(DatabaseUrl.Kind.SQLITE);
                        case "postgresql", "postgres" -> List.of(DatabaseUrl.Kind.POSTGRESQL);
                        case "both" -> List.of(DatabaseUrl.Kind.SQLITE, DatabaseUrl.Kind.POSTGRESQL);
                        default -> throw new IllegalArgumentException("--db sqlite|postgresql|both, not " + which);
                    };
                }
                case "--help", "-h" -> {
                    System.out.println("tools/crash-test [--db sqlite|postgresql|both] [--kills N (100)]"
                            + " [--writers N (4)] [--seed N] [--postgres URL]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        boolean allPassed = true;
        for (DatabaseUrl.Kind kind : kinds) {
            Path folder = Files.createTempDirectory("backstop-crash");
            System.out.println(
                    "crash test on " + kind + ", seed " + seed + ", " + kills + " kills, files in " + folder);
            Report report = run(new Settings(
                    kind, kills, writers, Duration.ofMillis(300), Duration.ofMillis(2500), seed, folder, postgres));
            System.out.println(report);
            if (!report.passed()) {
                Path problems = folder.resolve("problems.txt");
                Files.write(problems, report.problems());
                System.out.println("every problem: " + problems);
            }
            allPassed &= report.passed();
        }
        System.exit(allPassed ? 0 : 1);
    }

    /** Runs the whole test on one database and reports; it throws only when the harness itself cannot run. */
    public static Report run(Settings settings) throws Exception {
        long started = System.nanoTime();
        Target target = Target.create(settings);
        try {
            List<Writer> writers = prepare(target, settings);
            Random random = new Random(settings.seed());
            int port = freePort();
            Path log = settings.folder().resolve("server.log");
            AtomicBoolean running = new AtomicBoolean(true);
            ServerHandle server = new ServerHandle(target.url, port, log);
            server.start();
            List<Thread> threads = new ArrayList<>();
            for (Writer writer : writers) {
                writer.base = "http://127.0.0.1:" + server.port();
                Thread thread = new Thread(() -> writer.loop(running), "crash-writer-" + writer.index);
                thread.start();
                threads.add(thread);
            }
            for (int kill = 1; kill <= settings.kills(); kill++) {
                // On a busy machine a fresh server may answer nothing for a while: let one write through first,
                // so every life of the server does some work before its random end.
                long before = ACKNOWLEDGED.get();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (ACKNOWLEDGED.get() == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long up = settings.minUp().toMillis()
                        + (long) (random.nextDouble()
                                * (settings.maxUp().toMillis()
                                        - settings.minUp().toMillis()));
                Thread.sleep(up);
                server.kill();
                server.start();
                // A restart may have had to move to another port (see ServerHandle.start).
                for (Writer writer : writers) {
                    writer.base = "http://127.0.0.1:" + server.port();
                }
            }
            // A last stretch of writes on the final server, so the end is acknowledged writes, not a kill.
            Thread.sleep(settings.minUp().toMillis());
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
            server.kill();
            return verify(target, settings, writers, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            target.drop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ----- the database under test -----------------------------------------------------------------------------

    /** The database the child server uses: a fresh SQLite file, or a fresh schema on the PostgreSQL server. */
    record Target(DatabaseUrl.Kind kind, String url, String adminJdbc, String schema) {
        static Target create(Settings settings) throws SQLException {
            return create(settings.kind(), settings.folder(), settings.postgresBase(), "crash");
        }

        static Target create(DatabaseUrl.Kind kind, Path folder, String postgresBase, String name) throws SQLException {
            if (kind == DatabaseUrl.Kind.SQLITE) {
                return new Target(kind, "sqlite:" + folder.resolve(name + ".db"), "", "");
            }
            String schema =
                    name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            String jdbc = DatabaseUrl.parse(postgresBase).jdbcUrl();
            execute(jdbc, "CREATE SCHEMA " + schema);
            String separator = postgresBase.contains("?") ? "&" : "?";
            return new Target(kind, postgresBase + separator + "currentSchema=" + schema, jdbc, schema);
        }

        Database open() {
            return Database.open(DatabaseUrl.parse(url));
        }

        void drop() throws SQLException {
            if (kind == DatabaseUrl.Kind.POSTGRESQL && !Boolean.getBoolean("crash.keep")) {
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

    /** Accounts, tokens and plans made in this JVM before the server starts; one account per writer. */
    private static List<Writer> prepare(Target target, Settings settings) {
        List<Writer> writers = new ArrayList<>();
        try (Database database = target.open()) {
            database.migrate();
            Services services = Services.wire(database, Clock.systemUTC());
            Caller setup = Caller.commandLine(Optional.empty());
            LocalDate sessionDay = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i < settings.writers(); i++) {
                User user = services.accounts().register("crash" + i, "", PASSWORD, setup);
                String token = services.accounts().createApiToken(user, "crash test", setup);
                services.assessments().submit(user, Intakes.deskWorker(), setup);
                services.plans().create(user, PlanPreferences.defaults(), setup);
                List<SessionLog.Planned> planned =
                        services.plans().today(user, sessionDay, setup).toLog();
                writers.add(new Writer(i, user.id(), token, sessionDay, planned, settings.seed() + i));
            }
        }
        return writers;
    }

    // ----- the server in a child JVM -------------------------------------------------------------------------------

    /** {@code java backstop.Main serve} on the test class path; started, waited for, killed with SIGKILL. */
    static final class ServerHandle {
        private final String url;
        private volatile int port;
        private final Path log;
        private final HttpClient probe =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private Process process;

        private final List<String> jvmOptions;

        ServerHandle(String url, int port, Path log) {
            this(url, port, log, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }

        ServerHandle(String url, int port, Path log, List<String> jvmOptions) {
            this.url = url;
            this.port = port;
            this.log = log;
            this.jvmOptions = jvmOptions;
        }

        int port() {
            return port;
        }

        /**
         * Starts the server and waits until it is ready. The port was free when it was chosen, but another process
         * (the other test JVM, a browser driver) may have taken it before the server binds it, seconds later: then
         * the server stops saying so, and it is started again on a port free now.
         */
        void start() throws IOException, InterruptedException {
            for (int attempt = 1; ; attempt++) {
                long logBefore = Files.exists(log) ? Files.size(log) : 0;
                try {
                    startOnce();
                    return;
                } catch (IllegalStateException stopped) {
                    String said = Files.exists(log) ? Files.readString(log).substring((int) logBefore) : "";
                    if (attempt == 3 || !said.contains("Port already in use")) {
                        throw stopped;
                    }
                    port = freePort();
                }
            }
        }

        private void startOnce() throws IOException, InterruptedException {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(
                    List.of("-cp", classPath, "backstop.Main", "serve", "--db", url, "--port", String.valueOf(port)));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("BACKSTOP_DB");
            process = builder.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "the server stopped by itself with exit code " + process.exitValue() + "; see " + log);
                }
                try {
                    if (probe.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(25);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not become ready in 90 s; see " + log);
        }

        /** SIGKILL: no shutdown hook, no connection closed politely, no buffer flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    // ----- the clients -----------------------------------------------------------------------------------------

    /** What became of one write: answered 2xx, never answered (the kill came first), or refused before sending. */
    enum Outcome {
        ACKNOWLEDGED,
        UNCERTAIN,
        NOT_SENT
    }

    /** One write as sent; {@code expected} holds the values to find (for sessions: reps and hold seconds). */
    record Write(String kind, String key, String body, Outcome outcome, long id) {}

    /** One client thread: its own account, its own ledger; it writes until told to stop and survives every kill. */
    private static final class Writer {
        final int index;
        final long userId;
        final String token;
        final LocalDate sessionDay;
        final List<SessionLog.Planned> planned;
        final Random random;
        final List<Write> ledger = new ArrayList<>();
        final HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        final List<LocalDate> writtenDays = new ArrayList<>();
        final List<String> serverErrors = new ArrayList<>();
        volatile String base;
        int sequence;
        int sessions;

        Writer(
                int index,
                long userId,
                String token,
                LocalDate sessionDay,
                List<SessionLog.Planned> planned,
                long seed) {
            this.index = index;
            this.userId = userId;
            this.token = token;
            this.sessionDay = sessionDay;
            this.planned = planned;
            this.random = new Random(seed);
        }

        void loop(AtomicBoolean running) {
            while (running.get()) {
                int n = ++sequence;
                double pick = random.nextDouble();
                Write write;
                if (pick < 0.45) {
                    write = diaryDay(n, newDay());
                } else if (pick < 0.65 && !writtenDays.isEmpty()) {
                    write = diaryDay(n, writtenDays.get(random.nextInt(writtenDays.size())));
                } else if (pick < 0.85) {
                    write = session(n);
                } else {
                    write = assessment(n);
                }
                synchronized (ledger) {
                    ledger.add(write);
                }
                if (write.outcome() != Outcome.ACKNOWLEDGED) {
                    sleepQuietly(50);
                }
            }
        }

        private LocalDate newDay() {
            LocalDate day = LocalDate.of(2020, 1, 1).minusDays(writtenDays.size());
            writtenDays.add(day);
            return day;
        }

        private Write diaryDay(int n, LocalDate day) {
            String note = "writer " + index + " write " + n;
            String body = String.format(
                    Locale.ROOT,
                    "{\"pain_am\": %d, \"pain_pm\": %d, \"desk_hours\": %.1f, \"stress\": %d, \"note\": \"%s\"}",
                    random.nextInt(11),
                    random.nextInt(11),
                    random.nextInt(121) / 10.0,
                    random.nextInt(11),
                    note);
            return send("diary", day.toString(), "PUT", "/api/v1/diary/" + day, body);
        }

        private Write session(int n) {
            // Reps, hold seconds and the two pains carry the session's number (unique up to 2.2 million sessions),
            // so each logged row names the write it came from.
            int s = sessions++;
            int reps = s % 61;
            int hold = (s / 61) % 301;
            int painBefore = (s / (61 * 301)) % 11;
            int painDuring = (s / (61 * 301 * 11)) % 11;
            StringBuilder exercises = new StringBuilder();
            for (SessionLog.Planned exercise : planned.subList(0, Math.min(2, planned.size()))) {
                if (exercises.length() > 0) {
                    exercises.append(", ");
                }
                exercises.append(String.format(
                        Locale.ROOT,
                        "{\"exercise_id\": \"%s\", \"sets\": %d, \"reps\": %d, \"hold_seconds\": %d}",
                        exercise.exerciseId(),
                        1 + random.nextInt(Math.max(1, exercise.targetSets())),
                        reps,
                        hold));
            }
            String body = String.format(
                    Locale.ROOT,
                    "{\"date\": \"%s\", \"pain_before\": %d, \"pain_during\": %d, \"exercises\": [%s]}",
                    sessionDay,
                    painBefore,
                    painDuring,
                    exercises);
            return send(
                    "session",
                    reps + "/" + hold + "/" + painBefore + "/" + painDuring,
                    "POST",
                    "/api/v1/plans/current/sessions",
                    body);
        }

        private Write assessment(int n) {
            String intake = Intakes.deskWorker().replace("\"now\": 4", "\"now\": " + random.nextInt(11));
            return send("assessment", "", "POST", "/api/v1/assessments", intake);
        }

        private Write send(String kind, String key, String method, String path, String body) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    ACKNOWLEDGED.incrementAndGet();
                    long id = kind.equals("assessment")
                            ? JSON.readTree(response.body()).path("id").asLong(-1)
                            : -1;
                    return new Write(kind, key, body, Outcome.ACKNOWLEDGED, id);
                }
                // "Busy, come back in a moment" (503 with Retry-After, when no connection came free in the pool's
                // wait on a loaded machine) is a correct answer, not a failure; the write counts as unanswered.
                boolean busy = status == 503
                        && response.headers().firstValue("Retry-After").isPresent();
                if (status >= 500 && !busy) {
                    synchronized (serverErrors) {
                        serverErrors.add(status + " to " + method + " " + path + ": " + response.body());
                    }
                }
                // A 4xx (e.g. a request cut short by the kill and read as bad input) wrote nothing, but to be
                // strict it is kept as unanswered: present whole or absent.
                return new Write(kind, key, body, Outcome.UNCERTAIN, -1);
            } catch (IOException failed) {
                // Refused at connect: nothing reached the server. Anything else may have been read and committed.
                for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                    if (cause instanceof ConnectException) {
                        return new Write(kind, key, body, Outcome.NOT_SENT, -1);
                    }
                }
                if (Boolean.getBoolean("crash.debug")) {
                    System.err.println("unanswered: " + failed);
                }
                return new Write(kind, key, body, Outcome.UNCERTAIN, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Write(kind, key, body, Outcome.UNCERTAIN, -1);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----- the checks ------------------------------------------------------------------------------------------

    private static Report verify(Target target, Settings settings, List<Writer> writers, Duration elapsed) {
        List<String> problems = new ArrayList<>();
        long acknowledged = 0;
        long uncertain = 0;
        long notSent = 0;
        long foundWhole = 0;
        Map<String, Long> byKind = new java.util.TreeMap<>();
        String consistency;
        try (Database database = target.open()) {
            for (Writer writer : writers) {
                List<Write> ledger;
                synchronized (writer.ledger) {
                    ledger = List.copyOf(writer.ledger);
                }
                for (Write write : ledger) {
                    switch (write.outcome()) {
                        case ACKNOWLEDGED -> {
                            acknowledged++;
                            byKind.merge(write.kind(), 1L, Long::sum);
                        }
                        case UNCERTAIN -> uncertain++;
                        case NOT_SENT -> notSent++;
                    }
                }
                synchronized (writer.serverErrors) {
                    writer.serverErrors.forEach(error -> problems.add("writer " + writer.index + " got " + error));
                }
                foundWhole += checkDiary(database, writer, ledger, problems);
                foundWhole += checkSessions(database, writer, ledger, problems);
                foundWhole += checkAssessments(database, writer, ledger, problems);
            }
            consistency = consistency(database, target, problems);
        }
        return new Report(
                settings.kind(),
                settings.kills(),
                acknowledged,
                uncertain,
                notSent,
                byKind,
                foundWhole,
                problems,
                consistency,
                elapsed);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values a diary body sets, as the database holds them. */
    private record DiaryValues(int painAm, int painPm, double deskHours, int stress, String note) {
        static DiaryValues ofBody(String body) {
            JsonNode node = tree(body);
            return new DiaryValues(
                    node.get("pain_am").asInt(),
                    node.get("pain_pm").asInt(),
                    node.get("desk_hours").asDouble(),
                    node.get("stress").asInt(),
                    node.get("note").asText());
        }
    }

    private static int checkDiary(Database database, Writer writer, List<Write> ledger, List<String> problems) {
        Map<String, List<Write>> byDay = new HashMap<>();
        ledger.stream()
                .filter(w -> w.kind().equals("diary"))
                .forEach(w ->
                        byDay.computeIfAbsent(w.key(), k -> new ArrayList<>()).add(w));
        List<Map<String, Object>> rows = database.withHandle(handle -> handle.createQuery(
                        "SELECT day, pain_am, pain_pm, desk_hours, stress, note, revision FROM diary_days"
                                + " WHERE person_id = :person")
                .bind("person", writer.userId)
                .mapToMap()
                .list());
        List<Map<String, Object>> revisions = database.withHandle(handle -> handle.createQuery(
                        "SELECT day, revision, values_json FROM diary_revisions WHERE person_id = :person"
                                + " ORDER BY day, revision")
                .bind("person", writer.userId)
                .mapToMap()
                .list());
        Set<String> audited = new HashSet<>(database.withHandle(handle -> handle.createQuery(
                        "SELECT detail FROM audit_log WHERE action = 'diary.save' AND subject_id = :person")
                .bind("person", writer.userId)
                .mapTo(String.class)
                .list()));
        Map<String, List<DiaryValues>> revisionsByDay = new HashMap<>();
        for (Map<String, Object> revision : revisions) {
            String day = (String) revision.get("day");
            int number = ((Number) revision.get("revision")).intValue();
            List<DiaryValues> list = revisionsByDay.computeIfAbsent(day, k -> new ArrayList<>());
            if (number != list.size() + 1) {
                problems.add("diary " + writer.index + " " + day + ": revision " + number + " after " + list.size());
            }
            list.add(DiaryValues.ofBody(fromRevision((String) revision.get("values_json"))));
            if (!audited.contains(day + " revision " + number)) {
                problems.add("diary " + writer.index + " " + day + " revision " + number + " has no audit line");
            }
        }
        int whole = 0;
        Set<String> seenDays = new HashSet<>();
        for (Map<String, Object> row : rows) {
            String day = (String) row.get("day");
            seenDays.add(day);
            DiaryValues stored = new DiaryValues(
                    ((Number) row.get("pain_am")).intValue(),
                    ((Number) row.get("pain_pm")).intValue(),
                    ((Number) row.get("desk_hours")).doubleValue(),
                    ((Number) row.get("stress")).intValue(),
                    (String) row.get("note"));
            List<Write> writes = byDay.getOrDefault(day, List.of());
            List<DiaryValues> history = revisionsByDay.getOrDefault(day, List.of());
            int revision = ((Number) row.get("revision")).intValue();
            if (history.size() != revision || !history.get(history.size() - 1).equals(stored)) {
                problems.add("diary " + writer.index + " " + day + ": the day (revision " + revision
                        + ") is not its last revision (" + history.size() + " revisions)");
            }
            // Every acknowledged write is a revision with its exact values, in the order they were answered.
            int at = 0;
            for (Write write : writes) {
                DiaryValues sent = DiaryValues.ofBody(write.body());
                int found = history.subList(at, history.size()).indexOf(sent);
                if (write.outcome() == Outcome.ACKNOWLEDGED) {
                    if (found < 0) {
                        problems.add("diary " + writer.index + " " + day + ": acknowledged write '" + sent.note()
                                + "' is missing or changed");
                    } else {
                        at += found + 1;
                    }
                } else if (found >= 0) {
                    if (write.outcome() == Outcome.NOT_SENT) {
                        problems.add("diary " + writer.index + " " + day + ": write '" + sent.note()
                                + "' was refused before sending, yet is stored");
                    } else {
                        whole++;
                        at += found + 1;
                    }
                }
            }
            // Nothing but what was sent: every revision is one of the writes to this day.
            Set<DiaryValues> sentValues = new HashSet<>();
            writes.forEach(w -> sentValues.add(DiaryValues.ofBody(w.body())));
            for (DiaryValues value : history) {
                if (!sentValues.contains(value)) {
                    problems.add("diary " + writer.index + " " + day + ": a revision nobody sent: " + value);
                }
            }
            // The day shows the last acknowledged value unless an unanswered write came later.
            Write lastAcknowledged = null;
            int lastIndex = -1;
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).outcome() == Outcome.ACKNOWLEDGED) {
                    lastAcknowledged = writes.get(i);
                    lastIndex = i;
                }
            }
            Set<DiaryValues> allowed = new HashSet<>();
            if (lastAcknowledged != null) {
                allowed.add(DiaryValues.ofBody(lastAcknowledged.body()));
            }
            for (int i = lastIndex + 1; i < writes.size(); i++) {
                if (writes.get(i).outcome() == Outcome.UNCERTAIN) {
                    allowed.add(DiaryValues.ofBody(writes.get(i).body()));
                }
            }
            if (!allowed.contains(stored)) {
                problems.add(
                        "diary " + writer.index + " " + day + ": holds " + stored + ", expected one of " + allowed);
            }
        }
        for (Map.Entry<String, List<Write>> entry : byDay.entrySet()) {
            boolean acknowledged = entry.getValue().stream().anyMatch(w -> w.outcome() == Outcome.ACKNOWLEDGED);
            if (acknowledged && !seenDays.contains(entry.getKey())) {
                problems.add("diary " + writer.index + " " + entry.getKey() + ": acknowledged day is missing");
            }
        }
        for (String day : revisionsByDay.keySet()) {
            if (!seenDays.contains(day)) {
                problems.add("diary " + writer.index + " " + day + ": revisions without the day (half a write)");
            }
        }
        return whole;
    }

    /** A revision's {@code values_json} in the shape of a request body (the four numbers and the note). */
    private static String fromRevision(String valuesJson) {
        JsonNode node = tree(valuesJson);
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
        for (String field : List.of("pain_am", "pain_pm", "desk_hours", "stress", "note")) {
            JsonNode value = node.path(field);
            if (value.isMissingNode()) {
                value = node.path(camel(field));
            }
            body.set(field, value);
        }
        return body.toString();
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static int checkSessions(Database database, Writer writer, List<Write> ledger, List<String> problems) {
        List<Map<String, Object>> rows = database.withHandle(handle -> handle.createQuery(
                        "SELECT exercise_id, done_sets, done_reps, done_hold_seconds, pain_before, pain_during, day"
                                + " FROM session_logs WHERE person_id = :person")
                .bind("person", writer.userId)
                .mapToMap()
                .list());
        long audited = database.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'plan.session' AND subject_id = :person")
                .bind("person", writer.userId)
                .mapTo(Long.class)
                .one());
        // The writes this writer made in the run: the set-up wrote no session.
        Map<String, List<Map<String, Object>>> rowsByWrite = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String key = ((Number) row.get("done_reps")).intValue() + "/"
                    + ((Number) row.get("done_hold_seconds")).intValue() + "/"
                    + ((Number) row.get("pain_before")).intValue() + "/"
                    + ((Number) row.get("pain_during")).intValue();
            rowsByWrite.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        int whole = 0;
        long stored = 0;
        Set<String> keys = new HashSet<>();
        for (Write write : ledger) {
            if (!write.kind().equals("session")) {
                continue;
            }
            keys.add(write.key());
            JsonNode body = tree(write.body());
            List<Map<String, Object>> found = rowsByWrite.getOrDefault(write.key(), List.of());
            List<String> expected = new ArrayList<>();
            for (JsonNode exercise : body.get("exercises")) {
                expected.add(exercise.get("exercise_id").asText() + " "
                        + exercise.get("sets").asInt() + " "
                        + body.get("pain_before").asInt() + " "
                        + body.get("pain_during").asInt() + " "
                        + body.get("date").asText());
            }
            List<String> actual = new ArrayList<>();
            for (Map<String, Object> row : found) {
                actual.add(row.get("exercise_id") + " " + ((Number) row.get("done_sets")).intValue() + " "
                        + ((Number) row.get("pain_before")).intValue() + " "
                        + ((Number) row.get("pain_during")).intValue() + " " + row.get("day"));
            }
            java.util.Collections.sort(expected);
            java.util.Collections.sort(actual);
            boolean present = !found.isEmpty();
            if (present && !actual.equals(expected)) {
                problems.add(
                        "session " + writer.index + " " + write.key() + ": stored " + actual + ", sent " + expected);
            }
            if (present) {
                stored++;
            }
            switch (write.outcome()) {
                case ACKNOWLEDGED -> {
                    if (!present) {
                        problems.add("session " + writer.index + " " + write.key() + ": acknowledged, missing");
                    }
                }
                case UNCERTAIN -> whole += present ? 1 : 0;
                case NOT_SENT -> {
                    if (present) {
                        problems.add("session " + writer.index + " " + write.key() + ": never sent, stored");
                    }
                }
            }
        }
        for (String key : rowsByWrite.keySet()) {
            if (!keys.contains(key)) {
                problems.add("session " + writer.index + " " + key + ": rows nobody wrote");
            }
        }
        if (audited != stored) {
            problems.add("session " + writer.index + ": " + stored + " sessions stored, " + audited + " audit lines");
        }
        return whole;
    }

    private static int checkAssessments(Database database, Writer writer, List<Write> ledger, List<String> problems) {
        List<Map<String, Object>> rows = database.withHandle(handle -> handle.createQuery(
                        "SELECT id, intake_json FROM assessments WHERE person_id = :person ORDER BY id")
                .bind("person", writer.userId)
                .mapToMap()
                .list());
        Set<String> audited = new HashSet<>(database.withHandle(handle -> handle.createQuery(
                        "SELECT detail FROM audit_log WHERE action = 'assessment.create' AND subject_id = :person")
                .bind("person", writer.userId)
                .mapTo(String.class)
                .list()));
        Map<Long, String> stored = new HashMap<>();
        rows.forEach(row -> stored.put(((Number) row.get("id")).longValue(), (String) row.get("intake_json")));
        long first = rows.isEmpty() ? -1 : ((Number) rows.get(0).get("id")).longValue();
        stored.remove(first); // the set-up's assessment, made before the server started
        for (Long id : stored.keySet()) {
            if (audited.stream().noneMatch(detail -> detail.startsWith("assessment " + id + ","))) {
                problems.add("assessment " + writer.index + " #" + id + " has no audit line");
            }
        }
        Map<String, Integer> uncertainTexts = new HashMap<>();
        for (Write write : ledger) {
            if (!write.kind().equals("assessment")) {
                continue;
            }
            if (write.outcome() == Outcome.ACKNOWLEDGED) {
                String text = stored.remove(write.id());
                if (text == null) {
                    problems.add("assessment " + writer.index + " #" + write.id() + ": acknowledged, missing");
                } else if (!text.equals(write.body())) {
                    problems.add("assessment " + writer.index + " #" + write.id() + ": intake changed");
                }
            } else if (write.outcome() == Outcome.UNCERTAIN) {
                uncertainTexts.merge(write.body(), 1, Integer::sum);
            }
        }
        int whole = 0;
        for (Map.Entry<Long, String> rest : stored.entrySet()) {
            Integer left = uncertainTexts.get(rest.getValue());
            if (left == null || left == 0) {
                problems.add("assessment " + writer.index + " #" + rest.getKey() + ": stored, but no unanswered"
                        + " write sent it");
            } else {
                uncertainTexts.put(rest.getValue(), left - 1);
                whole++;
            }
        }
        return whole;
    }

    /** SQLite's own check, or PostgreSQL's amcheck on every index of the schema plus reference checks. */
    private static String consistency(Database database, Target target, List<String> problems) {
        if (target.kind() == DatabaseUrl.Kind.SQLITE) {
            String integrity = database.withHandle(handle -> String.join(
                    "; ",
                    handle.createQuery("PRAGMA integrity_check")
                            .mapTo(String.class)
                            .list()));
            List<String> foreign = database.withHandle(handle -> handle.createQuery("PRAGMA foreign_key_check")
                    .mapToMap()
                    .map(Object::toString)
                    .list());
            if (!integrity.equals("ok")) {
                problems.add("PRAGMA integrity_check: " + integrity);
            }
            if (!foreign.isEmpty()) {
                problems.add("PRAGMA foreign_key_check: " + foreign);
            }
            return "PRAGMA integrity_check " + integrity + ", foreign_key_check " + foreign.size() + " rows";
        }
        try {
            execute(target.adminJdbc(), "CREATE EXTENSION IF NOT EXISTS amcheck");
        } catch (SQLException e) {
            problems.add("amcheck is not available: " + e.getMessage());
            return "amcheck unavailable";
        }
        List<String> indexes = database.withHandle(
                handle -> handle.createQuery("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam"
                                + " WHERE n.nspname = :schema AND a.amname = 'btree'")
                        .bind("schema", target.schema())
                        .mapTo(String.class)
                        .list());
        for (String index : indexes) {
            try {
                database.useTransaction(handle -> handle.createQuery(
                                "SELECT public.bt_index_check(CAST(:index AS" + " regclass), true)")
                        .bind("index", target.schema() + "." + index)
                        .mapToMap()
                        .list());
            } catch (RuntimeException e) {
                problems.add("amcheck " + index + ": " + e.getMessage());
            }
        }
        long orphans = database.withHandle(handle -> handle.createQuery(
                        "SELECT (SELECT COUNT(*) FROM diary_revisions r WHERE NOT EXISTS (SELECT 1 FROM diary_days d"
                                + " WHERE d.person_id = r.person_id AND d.day = r.day))"
                                + " + (SELECT COUNT(*) FROM session_logs s WHERE NOT EXISTS (SELECT 1 FROM plans p"
                                + " WHERE p.id = s.plan_id))")
                .mapTo(Long.class)
                .one());
        if (orphans != 0) {
            problems.add(orphans + " rows whose parent is missing");
        }
        return "amcheck bt_index_check (heapallindexed) on " + indexes.size() + " indexes, " + orphans + " orphan rows";
    }
}
