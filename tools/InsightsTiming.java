import backstop.diary.Diary;
import backstop.diary.DiaryColumns;
import backstop.diary.DiaryCsv;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The Java side of tools/side_by_side_insights.py, run as a single-file program on the built jar:
 *
 * <pre>java -cp target/backstop.jar tools/InsightsTiming.java serve DIARY.csv</pre>
 *
 * reads commands from standard input, one per line, and answers each with one line {@code ms WALL CPU} (milliseconds per report, elapsed and this thread's CPU time), so the Python script can
 * alternate the two sides in one run:
 *
 * <ul>
 *   <li>{@code report N}: N full reports from the parsed diary (as bench/InsightReportBenchmark: plan start after
 *       548 days); answers the time per report.
 *   <li>{@code file N}: N times read the CSV file, parse it (strict; a plain file straight into the report's columns,
 *       as {@code backstop insights} does) and make the report; the time per report.
 *   <li>{@code quit}.
 * </ul>
 *
 * <pre>java -cp target/backstop.jar tools/InsightsTiming.java roster N DIR</pre>
 *
 * writes N simulated 3-year diaries (seeds 1..N, the golden file's three planted effects) as DIR/pNNNNN.csv.
 */
public class InsightsTiming {
    private static volatile Object sink;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("roster")) {
            roster(Integer.parseInt(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length != 2 || !args[0].equals("serve")) {
            System.err.println("usage: serve DIARY.csv | roster N DIR");
            System.exit(2);
        }
        Path file = Path.of(args[1]);
        InsightSettings settings = InsightSettings.defaults();
        Diary diary = DiaryCsv.read(Files.readString(file), ImportMode.STRICT).diary();
        Optional<LocalDate> planStart = Optional.of(diary.firstDate().orElseThrow().plusDays(548));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] command = line.trim().split(" ");
            if (command[0].equals("quit")) {
                return;
            }
            int n = Integer.parseInt(command[1]);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                InsightReport report;
                if (command[0].equals("report")) {
                    report = Insights.report(diary, settings, planStart);
                } else {
                    // As `backstop insights` reads a file: a plain one straight into columns, any other in full.
                    byte[] bytes = Files.readAllBytes(file);
                    Optional<DiaryColumns> plain = DiaryColumns.readPlainCsv(bytes);
                    report = plain.isPresent()
                            ? Insights.report(plain.get(), settings, planStart)
                            : Insights.report(
                                    DiaryCsv.read(new String(bytes, StandardCharsets.UTF_8), ImportMode.STRICT)
                                            .diary(),
                                    settings,
                                    planStart);
                }
                sink = report;
            }
            double wall = (System.nanoTime() - start) / 1e6 / n;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / n;
            System.out.println("ms " + wall + " " + cpu);
            System.out.flush();
        }
    }

    private static void roster(int n, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Effect> effects = List.of(
                Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"), Effect.parse("sleep_quality:1:-0.15"));
        IntStream.rangeClosed(1, n).parallel().forEach(seed -> {
            try {
                Files.writeString(
                        dir.resolve(String.format("p%05d.csv", seed)),
                        DiarySimulator.simulateToCsv(SimulatorSettings.defaults(1095, seed).withEffects(effects)));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }
}
