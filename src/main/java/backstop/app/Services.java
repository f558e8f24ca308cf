package backstop.app;

import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.SecuritySettings;
import backstop.account.ServerKey;
import backstop.assessment.AssessmentService;
import backstop.care.CareService;
import backstop.care.MeasureDefinitions;
import backstop.care.RosterMeasures;
import backstop.clinic.CareTeam;
import backstop.clinic.PatientChart;
import backstop.clinic.Roster;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.desk.DeskService;
import backstop.diary.DiaryService;
import backstop.exercise.ExerciseCatalogue;
import backstop.insights.InsightSettings;
import backstop.insights.InsightsService;
import backstop.plan.PlanRules;
import backstop.plan.PlanService;
import backstop.share.ShareReader;
import backstop.share.fhir.FhirImporter;
import backstop.share.fhir.FhirService;
import backstop.share.report.ReportService;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the web app and the CLI call, built once by constructor from a database and a clock. Tests build it
 * the same way against a real SQLite file or the real PostgreSQL server.
 */
public record Services(
        Database database,
        Clock clock,
        AuditLog audit,
        AccountService accounts,
        AssessmentService assessments,
        DiaryService diary,
        ExerciseCatalogue exercises,
        PlanService plans,
        InsightsService insights,
        DeskService desk,
        CareTeam careTeam,
        Roster roster,
        CareService care,
        ShareReader share,
        FhirService fhir,
        PatientChart charts,
        ReportService reports,
        ServerKeyBytes key)
        implements AutoCloseable {

    /** The data files {@link #readDataFilesAhead()} began to read, for the next {@link #open} to take; or none. */
    private static final AtomicReference<CompletableFuture<DataFiles>> READ_AHEAD = new AtomicReference<>();

    public Services {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(assessments, "assessments");
        Objects.requireNonNull(diary, "diary");
        Objects.requireNonNull(exercises, "exercises");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(insights, "insights");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(careTeam, "careTeam");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(care, "care");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(fhir, "fhir");
        Objects.requireNonNull(charts, "charts");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(key, "key");
    }

    /**
     * The installation's server key, read from the database once the schema is current. {@link #open} returns only
     * after it is read; code handed the services before that (see {@link #open(DatabaseUrl, Clock, SecuritySettings,
     * Function)}) must ask for it later, as the web layer does at its first request.
     */
    public static final class ServerKeyBytes {
        private final CompletableFuture<byte[]> read = new CompletableFuture<>();

        /** The key; waits for it to be read. */
        public byte[] get() {
            return awaited(read).clone();
        }

        void set(byte[] key) {
            read.complete(key.clone());
        }
    }

    /** The server key; waits until it is read. */
    public byte[] serverKey() {
        return key.get();
    }

    /** What {@link #open(DatabaseUrl, Clock, SecuritySettings, Function)} returns. */
    public record Opened<T>(Services services, T prepared) {}

    /**
     * Begins to read and check the data files on a thread of their own, for the next {@link #open} in this process
     * to take, so that they are read while the command line is still being parsed (picocli's reflection on the
     * command's options is a few hundred milliseconds of the main thread). The data files do not depend on the
     * command line. A broken file is reported by that {@code open}, as if it had read the files itself.
     */
    public static void readDataFilesAhead() {
        readDataFilesAhead(ExerciseCatalogue::load);
    }

    /** As above, with the catalogue read by {@code catalogue} (tests hand in a broken one). */
    static void readDataFilesAhead(Supplier<ExerciseCatalogue> catalogue) {
        CompletableFuture<DataFiles> files = new CompletableFuture<>();
        if (!READ_AHEAD.compareAndSet(null, files)) {
            return; // already under way
        }
        Thread reader = new Thread(
                () -> {
                    try {
                        files.complete(DataFiles.load(catalogue));
                    } catch (RuntimeException | Error e) {
                        files.completeExceptionally(e);
                    }
                },
                "backstop-data-files");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the database, brings its schema up to date and wires the services. */
    public static Services open(DatabaseUrl url, Clock clock) {
        return open(url, clock, SecuritySettings.defaults());
    }

    /**
     * Like {@link #open(DatabaseUrl, Clock)}, with the operator's security settings. Opening and migrating the
     * database and reading the data files are independent, so they share the machine's cores: the database is opened
     * and brought up to date on a thread of its own while this one reads and checks the data files (or takes those
     * {@link #readDataFilesAhead()} read) and builds the services (which touch no table); the first query, the server
     * key's, waits for the schema.
     */
    public static Services open(DatabaseUrl url, Clock clock, SecuritySettings settings) {
        return open(url, clock, settings, services -> null).services();
    }

    /**
     * Like {@link #open(DatabaseUrl, Clock, SecuritySettings)}, and hands the wired services to {@code meanwhile}
     * while the schema may still be being brought up to date: {@code serve} builds its web app then. {@code meanwhile}
     * must not query a table, nor ask for the server key before it returns (it would wait for ever); returns once
     * the schema is current and the key read, with what {@code meanwhile} made.
     */
    public static <T> Opened<T> open(
            DatabaseUrl url, Clock clock, SecuritySettings settings, Function<Services, T> meanwhile) {
        CompletableFuture<Database> opened = new CompletableFuture<>();
        CompletableFuture<Boolean> migrated = new CompletableFuture<>();
        Thread databaseThread = new Thread(() -> openAndMigrate(url, opened, migrated), "backstop-database");
        databaseThread.setDaemon(true);
        databaseThread.start();
        DataFiles files;
        try {
            CompletableFuture<DataFiles> ahead = READ_AHEAD.getAndSet(null);
            files = ahead == null ? DataFiles.load(ExerciseCatalogue::load) : awaited(ahead);
        } catch (RuntimeException | Error e) {
            try {
                awaited(migrated); // nothing left half done before the database is closed
            } catch (RuntimeException | Error alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            if (!opened.isCompletedExceptionally()) {
                opened.join().close();
            }
            throw e;
        }
        Database database = awaited(opened);
        try {
            return wire(database, clock, settings, files, () -> awaited(migrated), meanwhile);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
    }

    private static void openAndMigrate(
            DatabaseUrl url, CompletableFuture<Database> opened, CompletableFuture<Boolean> migrated) {
        Database database;
        try {
            database = Database.open(url);
        } catch (RuntimeException | Error e) {
            opened.completeExceptionally(e);
            migrated.completeExceptionally(e);
            return;
        }
        opened.complete(database);
        try {
            migrated.complete(database.migrateUnlessCurrent());
        } catch (RuntimeException | Error e) {
            migrated.completeExceptionally(e);
        }
    }

    /** Wires services on a database whose schema is already current. */
    public static Services wire(Database database, Clock clock) {
        return wire(database, clock, SecuritySettings.defaults());
    }

    public static Services wire(Database database, Clock clock, SecuritySettings settings) {
        return wire(database, clock, settings, () -> {});
    }

    /** As {@link #wire(Database, Clock, SecuritySettings, Runnable)}, with {@code meanwhile} run before the schema. */
    static <T> Opened<T> wire(
            Database database,
            Clock clock,
            SecuritySettings settings,
            Runnable schemaReady,
            Function<Services, T> meanwhile) {
        return wire(database, clock, settings, DataFiles.load(ExerciseCatalogue::load), schemaReady, meanwhile);
    }

    static Services wire(Database database, Clock clock, SecuritySettings settings, Runnable schemaReady) {
        return wire(database, clock, settings, ExerciseCatalogue::load, schemaReady);
    }

    /** As above, with the catalogue read by {@code catalogue} (tests hand in a broken one). */
    static Services wire(
            Database database,
            Clock clock,
            SecuritySettings settings,
            Supplier<ExerciseCatalogue> catalogue,
            Runnable schemaReady) {
        return wire(database, clock, settings, DataFiles.load(catalogue), schemaReady, services -> null)
                .services();
    }

    /**
     * Builds every service and runs {@code meanwhile} on them, then runs {@code schemaReady} (which returns once the
     * schema is current) before the first query, the server key's. Also waits for {@code schemaReady} when building
     * or {@code meanwhile} fails, so the caller can close the database with no migration half run on it.
     */
    private static <T> Opened<T> wire(
            Database database,
            Clock clock,
            SecuritySettings settings,
            DataFiles files,
            Runnable schemaReady,
            Function<Services, T> meanwhile) {
        Services services;
        T prepared;
        try {
            services = build(database, clock, settings, files);
            prepared = meanwhile.apply(services);
        } catch (RuntimeException | Error e) {
            try {
                schemaReady.run();
            } catch (RuntimeException | Error alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        schemaReady.run();
        services.key().set(ServerKey.loadOrCreate(database));
        return new Opened<>(services, prepared);
    }

    /** The value of a start-up step run on another thread, or its failure as it was thrown there. */
    private static <T> T awaited(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error failed) {
                throw failed;
            }
            throw e;
        }
    }

    /**
     * The data files the services share, read and checked once; none of them is in the database. The exercise
     * catalogue, the largest, is read on a thread of its own while this one reads the rest (the plan's rules, the
     * measures, the assessment's rules and questionnaire); {@link #exercises()} waits for it.
     */
    private record DataFiles(
            CompletableFuture<ExerciseCatalogue> catalogue,
            PlanRules planRules,
            MeasureDefinitions measures,
            AssessmentService.Files assessment) {
        static DataFiles load(Supplier<ExerciseCatalogue> readCatalogue) {
            CompletableFuture<ExerciseCatalogue> catalogue = new CompletableFuture<>();
            Thread catalogueThread = new Thread(
                    () -> {
                        try {
                            catalogue.complete(readCatalogue.get());
                        } catch (RuntimeException | Error e) {
                            catalogue.completeExceptionally(e);
                        }
                    },
                    "backstop-catalogue");
            catalogueThread.setDaemon(true);
            catalogueThread.start();
            try {
                PlanRules planRules = PlanRules.load();
                MeasureDefinitions measures = MeasureDefinitions.load();
                return new DataFiles(catalogue, planRules, measures, AssessmentService.Files.load());
            } catch (RuntimeException | Error e) {
                try {
                    awaited(catalogue); // a broken catalogue is reported beside this failure
                } catch (RuntimeException | Error alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        }

        ExerciseCatalogue exercises() {
            return awaited(catalogue);
        }
    }

    /** Every service; the server key, the first thing read from the database, is set once the schema is current. */
    private static Services build(Database database, Clock clock, SecuritySettings settings, DataFiles files) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock, settings);
        AssessmentService assessments = new AssessmentService(database, audit, clock, files.assessment());
        DiaryService diary = new DiaryService(database, audit, clock);
        ExerciseCatalogue exercises = files.exercises();
        PlanService plans = new PlanService(database, audit, clock, assessments, diary, exercises, files.planRules());
        InsightsService insights = new InsightsService(audit, diary, InsightSettings.defaults(), plans::startDate);
        DeskService desk = new DeskService(database, audit, clock, diary, plans, exercises);
        CareTeam careTeam = new CareTeam(database, audit, clock);
        MeasureDefinitions measures = files.measures();
        Roster roster = new Roster(
                database, audit, clock, careTeam, InsightSettings.defaults(), new RosterMeasures(database, measures));
        CareService care =
                new CareService(database, audit, clock, careTeam, plans, assessments, diary, exercises, measures);
        ShareReader share = new ShareReader(database, audit, clock, diary, assessments, plans, care);
        FhirService fhir = new FhirService(
                share, assessments, new FhirImporter(database, audit, clock, diary, assessments, plans), clock);
        PatientChart charts = new PatientChart(careTeam, roster, audit, assessments, diary, plans, insights);
        ReportService reports = new ReportService(share, InsightSettings.defaults());
        return new Services(
                database,
                clock,
                audit,
                accounts,
                assessments,
                diary,
                exercises,
                plans,
                insights,
                desk,
                careTeam,
                roster,
                care,
                share,
                fhir,
                charts,
                reports,
                new ServerKeyBytes());
    }

    @Override
    public void close() {
        database.close();
    }
}
