import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Starts Backstop and a Javalin hello world side by side, alternating, and prints for each start the time from
 * launching the process to the first 200 on {@code /health}, the CPU time the process used until then, and its
 * resident memory after idling. Backstop gets a fresh SQLite file every round (its first start runs every
 * migration) and is then restarted on that same file. Run through {@code bench/startup.sh}.
 *
 * <p>Arguments: {@code rounds idleSeconds backstopJar helloClassPath [jvm options for both...]}. With the
 * environment variable {@code BASELINE_JAR} set to an earlier build, that one is raced too ("baseline"), so a change
 * is measured against what it replaces in the same rounds.
 */
public final class StartupRace {
    private static final Duration GIVE_UP = Duration.ofSeconds(120);
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux; `getconf CLK_TCK`

    private StartupRace() {}

    record Start(String what, int round, double readyMs, double readyCpuMs, long idleRssKb, double idleCpuMs) {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int idleSeconds = Integer.parseInt(args[1]);
        Path jar = Path.of(args[2]).toAbsolutePath();
        String helloClassPath = args[3];
        List<String> jvmOptions = List.of(Arrays.copyOfRange(args, 4, args.length));
        String baselineJar = System.getenv("BASELINE_JAR");
        String java = ProcessHandle.current().info().command().orElse("java");

        System.out.printf(Locale.ROOT, "java: %s %s%nload before: %s%n", java, jvmOptions, load());
        // Backstop as the README starts it: with the start-up class archive the build made beside the jar. The same
        // jar without it, and the hello world with an archive of its own (made here by one training start), are
        // raced too, so that the archive's share of the difference is seen on both sides.
        Path archive = archiveBeside(jar);
        Path helloArchiveFolder = Files.createTempDirectory("hello-archive-");
        String helloArchive = helloArchiveFolder.resolve("hello.jsa").toString();
        train(command(java, jvmOptions, "-XX:ArchiveClassesAtExit=" + helloArchive, "-cp", helloClassPath,
                "HelloWorld"), helloArchiveFolder);
        System.out.printf(Locale.ROOT, "Backstop's archive: %s%n", Files.exists(archive) ? archive : "none beside the jar");
        List<Start> starts = new ArrayList<>();
        for (int each = 1; each <= rounds; each++) {
            int round = each;
            Path folder = Files.createTempDirectory("backstop-startup-");
            List<String> backstop = command(java, withArchive(jvmOptions, archive), "-jar", jar.toString(), "serve",
                    "--db", "sqlite:" + folder.resolve("backstop.db"), "--port");
            List<String> plain = command(java, jvmOptions, "-jar", jar.toString(), "serve", "--db",
                    "sqlite:" + folder.resolve("plain.db"), "--port");
            List<String> hello = command(java, jvmOptions, "-cp", helloClassPath, "HelloWorld");
            List<String> helloArchived = command(java, withArchive(jvmOptions, Path.of(helloArchive)), "-cp",
                    helloClassPath, "HelloWorld");
            List<Runnable> contenders = new ArrayList<>();
            contenders.add(() -> starts.add(measure("hello world", round, hello, folder, idleSeconds)));
            contenders.add(() -> starts.add(measure("hello, archive", round, helloArchived, folder, idleSeconds)));
            contenders.add(() -> {
                starts.add(measure("backstop, new file", round, backstop, folder, idleSeconds));
                starts.add(measure("backstop, restart", round, backstop, folder, idleSeconds));
            });
            if (Files.exists(archive)) {
                contenders.add(() -> {
                    starts.add(measure("no archive, new file", round, plain, folder, idleSeconds));
                    starts.add(measure("no archive, restart", round, plain, folder, idleSeconds));
                });
            }
            if (baselineJar != null && !baselineJar.isBlank()) {
                Path baselinePath = Path.of(baselineJar).toAbsolutePath();
                List<String> baseline = command(java, withArchive(jvmOptions, archiveBeside(baselinePath)), "-jar",
                        baselinePath.toString(), "serve", "--db", "sqlite:" + folder.resolve("baseline.db"), "--port");
                contenders.add(() -> {
                    starts.add(measure("baseline, new file", round, baseline, folder, idleSeconds));
                    starts.add(measure("baseline, restart", round, baseline, folder, idleSeconds));
                });
            }
            // Rotate which goes first, so none always meets the warmer (or the busier) machine.
            for (int turn = 0; turn < contenders.size(); turn++) {
                contenders.get((turn + round - 1) % contenders.size()).run();
            }
            deleteTree(folder);
        }
        deleteTree(helloArchiveFolder);
        System.out.printf(Locale.ROOT, "load after: %s%n%n", load());
        System.out.printf(Locale.ROOT, "%-20s %12s %14s %12s%n", "median of " + rounds, "ready ms", "CPU ms", "idle RSS MB");
        Start hello = summary(starts, "hello world");
        Start helloWithArchive = summary(starts, "hello, archive");
        List<Start> rows = new ArrayList<>(List.of(hello, helloWithArchive));
        for (String what : List.of("backstop, new file", "backstop, restart", "no archive, new file",
                "no archive, restart", "baseline, new file", "baseline, restart")) {
            if (starts.stream().anyMatch(start -> start.what().equals(what))) {
                rows.add(summary(starts, what));
            }
        }
        for (Start start : rows) {
            System.out.printf(Locale.ROOT, "%-20s %12.0f %14.0f %12.1f%n", start.what(), start.readyMs(),
                    start.readyCpuMs(), start.idleRssKb() / 1024.0);
        }
        System.out.printf(Locale.ROOT, "%nratio to hello world (goal: at most 2.0), and to the hello world with its own archive%n");
        for (Start start : rows.subList(2, rows.size())) {
            System.out.printf(Locale.ROOT, "%-20s ready %.2f×, CPU %.2f×, idle RSS %.2f×;  archived hello: ready %.2f×, CPU %.2f×%n",
                    start.what(), start.readyMs() / hello.readyMs(), start.readyCpuMs() / hello.readyCpuMs(),
                    (double) start.idleRssKb() / hello.idleRssKb(), start.readyMs() / helloWithArchive.readyMs(),
                    start.readyCpuMs() / helloWithArchive.readyCpuMs());
        }
    }

    /** The start-up class archive the build writes beside a jar: target/backstop.jar → target/backstop.jsa. */
    private static Path archiveBeside(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.replaceFirst("\\.jar$", "") + ".jsa");
    }

    private static List<String> withArchive(List<String> jvmOptions, Path archive) {
        List<String> options = new ArrayList<>(jvmOptions);
        if (Files.exists(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }

    /** One start to the first 200, then a stop: the JVM writes its archive on the way out. */
    private static void train(List<String> command, Path folder) throws IOException, InterruptedException {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        full.add(String.valueOf(port));
        Process process = new ProcessBuilder(full)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("training.log").toFile())
                .start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long launched = System.nanoTime();
        while (!answers(client, health)) {
            if (!process.isAlive() || System.nanoTime() - launched > GIVE_UP.toNanos()) {
                throw new IllegalStateException("the training start did not answer; see " + folder.resolve("training.log"));
            }
            Thread.sleep(5); // polling interval, as in measureOnce
        }
        process.destroy();
        process.waitFor();
        String archive = command.stream()
                .filter(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:ArchiveClassesAtExit=".length());
        if (!Files.exists(Path.of(archive))) {
            throw new IllegalStateException("the training start wrote no archive; see " + folder.resolve("training.log"));
        }
    }

    private static List<String> command(String java, List<String> jvmOptions, String... rest) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of(rest));
        return command;
    }

    private static Start measure(String what, int round, List<String> command, Path folder, int idleSeconds) {
        try {
            return measureOnce(what, round, command, folder, idleSeconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Start measureOnce(String what, int round, List<String> command, Path folder, int idleSeconds)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        full.add(String.valueOf(port));
        Path log = folder.resolve(what.replaceAll("[^a-z]+", "-") + "-" + round + ".log");
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            while (!answers(client, health)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(what + " stopped before answering; see " + Files.readString(log));
                }
                if (System.nanoTime() - launched > GIVE_UP.toNanos()) {
                    throw new IllegalStateException(what + " did not answer /health within " + GIVE_UP);
                }
                Thread.sleep(5); // polling interval of the measurement, not a wait for a condition in a test
            }
            double readyMs = (System.nanoTime() - launched) / 1e6;
            double readyCpuMs = cpuMs(process.pid());
            Thread.sleep(idleSeconds * 1000L); // the idle period whose memory is measured
            long rss = rssKb(process.pid());
            double idleCpuMs = cpuMs(process.pid());
            Start start = new Start(what, round, readyMs, readyCpuMs, rss, idleCpuMs);
            System.out.printf(Locale.ROOT, "round %d  %-20s ready %6.0f ms (CPU %6.0f ms)  idle RSS %6.1f MB (CPU %6.0f ms)  load %s%n",
                    round, what, readyMs, readyCpuMs, rss / 1024.0, idleCpuMs, load());
            return start;
        } finally {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static boolean answers(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Start summary(List<Start> starts, String what) {
        List<Start> mine = starts.stream().filter(start -> start.what().equals(what)).toList();
        return new Start(what, 0, median(mine.stream().mapToDouble(Start::readyMs).toArray()),
                median(mine.stream().mapToDouble(Start::readyCpuMs).toArray()),
                (long) median(mine.stream().mapToDouble(Start::idleRssKb).toArray()),
                median(mine.stream().mapToDouble(Start::idleCpuMs).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** User plus system CPU time of the process so far, from /proc/PID/stat (fields 14 and 15). */
    private static double cpuMs(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private static long rssKb(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("[^0-9]", ""))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElseThrow();
    }

    private static String load() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** The port in {@code BENCH_PORT} when set (a port of the operator's own; starts run one at a time), else a free one. */
    private static int freePort() throws IOException {
        String fixed = System.getenv("BENCH_PORT");
        if (fixed != null && !fixed.isBlank()) {
            return Integer.parseInt(fixed.strip());
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
