package backstop.bench;

import backstop.app.Services;
import backstop.account.Caller;
import backstop.account.User;
import backstop.db.DatabaseUrl;
import backstop.diary.CsvImport;
import backstop.diary.DiaryCsv;
import backstop.diary.DiarySimulator;
import backstop.diary.ImportMode;
import backstop.diary.ImportReport;
import backstop.diary.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Importing ten years of daily diary (3,650 days): parsing and checking the CSV alone, and the whole import into an
 * embedded SQLite file (one transaction, synced commit, every day's first revision), as `diary import` does it.
 * Each import goes into a new account, so every measured import writes all 3,650 days.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiaryImportBenchmark {
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private String csv;
    private Path folder;
    private Services services;
    private User person;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        csv = DiarySimulator.simulateToCsv(SimulatorSettings.defaults(3650, 11).withStart(LocalDate.of(2015, 1, 5)));
        folder = Files.createTempDirectory("backstop-bench");
        services = Services.open(DatabaseUrl.sqlite(folder.resolve("bench.db")), Clock.systemUTC());
    }

    @Setup(Level.Invocation)
    public void newPerson() {
        person = services.accounts().addUser("person" + PEOPLE.incrementAndGet(), "", "a long enough secret",
                backstop.account.Role.PERSON, Caller.commandLine(java.util.Optional.empty()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        services.close();
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public CsvImport parseTenYears() {
        return DiaryCsv.read(csv, ImportMode.STRICT);
    }

    @Benchmark
    public ImportReport importTenYearsIntoSqlite() {
        return services.diary().importCsv(person, csv, ImportMode.STRICT, Caller.commandLine(java.util.Optional.of(person)));
    }
}
