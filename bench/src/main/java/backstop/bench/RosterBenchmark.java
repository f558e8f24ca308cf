package backstop.bench;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.app.WebApp;
import backstop.clinic.RosterRow;
import backstop.db.DatabaseUrl;
import backstop.plan.Plan;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPreferences;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The clinic roster (issue 10) for one clinician with 1,000 linked patients, each with a year of daily diary, an
 * assessment, a plan begun 2 to 40 weeks ago and its logged sessions. {@code rosterService} is the roster computed
 * (every query, the rules, the per-patient audit lines); {@code rosterPage} is {@code GET /clinic} over HTTP with a
 * session, rendered as the browser gets it. Sample time, so JMH reports the p95 the goal is about. Both see the lines
 * kept from the previous view (nothing changed in between); {@link RosterCpuTime} also times the first view of a day,
 * which computes every line, and the CPU time per call.
 *
 * <p>The data is written with plain SQL batches (the services would take minutes for 365,000 days); the patients'
 * assessments and plans are made by the services from the demo intake, so they are real documents.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RosterBenchmark {
    private static final String PASSWORD = "a long enough secret";

    @Param({"1000"})
    int patients;

    /** {@code sqlite}, or a PostgreSQL URL as {@code --db} takes it (the data goes into a fresh schema, dropped after). */
    @Param({"sqlite"})
    String database;

    private Path folder;
    private String schema = "";
    private Services services;
    private User clinician;
    private Javalin app;
    private HttpClient http;
    private String cookie;

    @Setup
    public void setUp() throws Exception {
        folder = Files.createTempDirectory("backstop-roster");
        DatabaseUrl url;
        if (database.equals("sqlite")) {
            url = DatabaseUrl.sqlite(folder.resolve("roster.db"));
        } else {
            schema = "roster_bench_" + Long.toHexString(System.nanoTime());
            execute(DatabaseUrl.parse(database), "CREATE SCHEMA " + schema);
            url = DatabaseUrl.parse(database + (database.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        }
        services = Services.open(url, Clock.systemUTC());
        Caller cli = Caller.commandLine(Optional.empty());
        clinician = services.accounts().addUser("bench-clinician", "Bench Clinician", PASSWORD, Role.CLINICIAN, cli);
        seed(services, clinician, patients);
        app = WebApp.create(services, "bench").start("127.0.0.1", 0);
        http = HttpClient.newHttpClient();
        cookie = services.accounts().login("bench-clinician", PASSWORD, Caller.anonymous("bench")).cookieValue();
        // Warm the parsed-document cache once, as any first roster view does.
        services.roster().roster(clinician, Caller.of(clinician, "bench"));
    }

    @TearDown
    public void tearDown() throws IOException, java.sql.SQLException {
        app.stop();
        services.close();
        if (!schema.isEmpty()) {
            execute(DatabaseUrl.parse(database), "DROP SCHEMA " + schema + " CASCADE");
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static void execute(DatabaseUrl url, String sql) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(url.jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A roster with nothing kept yet, on the same data: its first view computes every line, as each day's first. */
    backstop.clinic.Roster freshRoster() {
        return Services.wire(services.database(), Clock.systemUTC()).roster();
    }

    List<RosterRow> rosterWith(backstop.clinic.Roster roster) {
        return roster.roster(clinician, Caller.of(clinician, "bench"));
    }

    @Benchmark
    public List<RosterRow> rosterService() {
        return services.roster().roster(clinician, Caller.of(clinician, "bench"));
    }

    @Benchmark
    public int rosterPage() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/clinic"))
                        .header("Cookie", "backstop_session=" + cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("id=\"roster\"")) {
            throw new IllegalStateException("roster page answered " + response.statusCode());
        }
        return response.body().length();
    }

    /** {@code count} linked patients with a year of diary, an assessment, a plan and its sessions. */
    static void seed(Services services, User clinician, int count) throws IOException {
        String intake;
        try (InputStream in = Services.class.getResourceAsStream("/demo/intake.json")) {
            intake = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        LocalDate today = LocalDate.now(Clock.systemUTC());
        Instant now = Instant.now();
        Random random = new Random(10);
        for (int p = 0; p < count; p++) {
            int n = p;
            long id = services.database().inTransaction(handle -> handle.createUpdate("""
                            INSERT INTO users (username, display_name, role, password_hash, created_at)
                            VALUES (:u, :d, 'person', 'not-a-hash', :now)""")
                    .bind("u", "patient" + n)
                    .bind("d", "Patient " + n)
                    .bind("now", Timestamp.from(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
            User person = services.accounts().get(id);
            Caller as = Caller.commandLine(Optional.of(person));
            services.database().useTransaction(handle -> handle.createUpdate("""
                            INSERT INTO care_links (clinician_id, person_id, created_at, accepted_at)
                            VALUES (:c, :p, :now, :now)""")
                    .bind("c", clinician.id())
                    .bind("p", id)
                    .bind("now", Timestamp.from(now))
                    .execute());
            // A year of diary: a personal level, weekly waves, and in some people a flare in the last days.
            int level = 1 + random.nextInt(5);
            boolean flaring = random.nextInt(6) == 0;
            int silentDays = random.nextInt(8) == 0 ? 10 : 0;
            services.database().useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("""
                        INSERT INTO diary_days (person_id, day, pain_am, pain_pm, desk_hours, stress, sleep_quality,
                                                note, locations, pain_kinds, revision, updated_at)
                        VALUES (:p, :day, :am, :pm, :desk, :stress, :sleep, '', '', '', 1, :now)""");
                for (int ago = 364; ago >= silentDays; ago--) {
                    if (random.nextInt(10) == 0) {
                        continue;
                    }
                    int pm = Math.max(0, Math.min(10, level + random.nextInt(3) - 1 + (flaring && ago < 5 ? 4 : 0)));
                    batch.bind("p", id)
                            .bind("day", today.minusDays(ago).toString())
                            .bind("am", Math.max(0, pm - 1))
                            .bind("pm", pm)
                            .bind("desk", 4 + random.nextInt(6))
                            .bind("stress", random.nextInt(11))
                            .bind("sleep", random.nextInt(11))
                            .bind("now", Timestamp.from(now))
                            .add();
                }
                batch.execute();
            });
            services.assessments().submit(person, intake, as);
            LocalDate start = today.minusWeeks(2 + random.nextInt(39));
            services.plans().create(person, PlanPreferences.defaults(), start, as);
            long planId = services.database().withHandle(handle -> handle.createQuery(
                            "SELECT MAX(id) FROM plans WHERE person_id = :p")
                    .bind("p", id)
                    .mapTo(Long.class)
                    .one());
            Plan plan = services.plans().current(person, as).orElseThrow().plan();
            double adherence = random.nextDouble();
            services.database().useTransaction(handle -> {
                PreparedBatch batch = handle.prepareBatch("""
                        INSERT INTO session_logs (person_id, plan_id, day, exercise_id, target_sets, target_reps,
                            target_hold_seconds, done_sets, done_reps, done_hold_seconds, pain_before, pain_during,
                            estimated_seconds, logged_at)
                        VALUES (:p, :plan, :day, :ex, :s, :r, :h, :s, :r, :h, 2, 2, :secs, :now)""");
                int rows = 0;
                for (LocalDate day = start; day.isBefore(today); day = day.plusDays(1)) {
                    if (random.nextDouble() > adherence) {
                        continue;
                    }
                    for (var session : plan.today(day).sessions()) {
                        for (PlanExercise exercise : session.exercises()) {
                            batch.bind("p", id)
                                    .bind("plan", planId)
                                    .bind("day", day.toString())
                                    .bind("ex", exercise.id())
                                    .bind("s", exercise.sets())
                                    .bind("r", exercise.reps())
                                    .bind("h", exercise.holdSeconds())
                                    .bind("secs", exercise.estimatedSeconds())
                                    .bind("now", Timestamp.from(now))
                                    .add();
                            rows++;
                        }
                    }
                }
                if (rows > 0) {
                    batch.execute();
                }
            });
        }
    }
}
