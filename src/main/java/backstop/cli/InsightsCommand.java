package backstop.cli;

import backstop.diary.DiaryColumns;
import backstop.diary.DiaryCsv;
import backstop.diary.ImportMode;
import backstop.error.BadInputException;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
import backstop.insights.InsightsText;
import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "insights",
        mixinStandardHelpOptions = true,
        description = {
            "Episodes, recurrences and triggers from diary CSV files (no database needed).",
            "One file: one JSON object. Several, or a roster (--files-from): JSON Lines, one object per file with its",
            "\"file\", in the order given, computed in parallel and written as they are done, so a clinic can run a",
            "whole roster in one process with memory that does not grow with the roster."
        })
final class InsightsCommand implements Callable<Integer> {
    enum Format {
        json,
        text
    }

    /** Reports computed ahead of the one being written, per thread: enough to keep every core busy. */
    private static final int AHEAD_PER_THREAD = 8;

    static final class Input {
        @Option(names = "--diary", arity = "1..*", paramLabel = "FILE", description = "Diary CSV file(s).")
        List<Path> files;

        @Option(
                names = "--files-from",
                paramLabel = "FILE",
                description = {
                    "A roster: read the diary files' paths from FILE, one per line (blank lines are skipped),",
                    "or from standard input when FILE is -. For more files than a command line holds."
                })
        String filesFrom;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--skip-bad", description = "Skip bad rows instead of refusing a file that has any.")
    boolean skipBad;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InsightSettings settings = InsightSettings.defaults();
        PrintWriter out = spec.commandLine().getOut();
        if (input.files != null && input.files.size() == 1) {
            out.println(render(input.files.get(0), settings, false));
        } else if (input.files != null) {
            roster(input.files.iterator(), settings, out);
        } else if (input.filesFrom.equals("-")) {
            roster(paths(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))), settings, out);
        } else {
            try (BufferedReader list = Files.newBufferedReader(Path.of(input.filesFrom), StandardCharsets.UTF_8)) {
                roster(paths(list), settings, out);
            } catch (NoSuchFileException e) {
                throw new BadInputException("--files-from", "there is no file " + input.filesFrom);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Each file is independent: the reports are computed in parallel, a bounded number ahead of the one being
     * written, and written in the order the files were named as soon as each is done. Nothing is kept of a file once
     * its line is out, so memory stays the same for ten files or a hundred thousand.
     */
    private void roster(Iterator<Path> files, InsightSettings settings, PrintWriter out) {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "insights");
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<String>> pending = new ArrayDeque<>();
            while (files.hasNext()) {
                Path file = files.next();
                pending.add(workers.submit(() -> render(file, settings, true)));
                if (pending.size() >= threads * AHEAD_PER_THREAD) {
                    out.println(next(pending));
                }
            }
            while (!pending.isEmpty()) {
                out.println(next(pending));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static String next(ArrayDeque<Future<String>> pending) {
        try {
            return pending.remove().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a report", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The paths listed one per line, read as they are needed; blank lines are skipped. */
    private static Iterator<Path> paths(BufferedReader list) {
        return list.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(Path::of)
                .iterator();
    }

    private String render(Path file, InsightSettings settings, boolean roster) {
        InsightReport report;
        try {
            byte[] csv = CommandInput.bytes(file, "--diary");
            // A plain file (every one Backstop writes) goes straight into the report's columns; any other is read
            // in full, which also says what is wrong with it. Both give the same report.
            Optional<DiaryColumns> plain = DiaryColumns.readPlainCsv(csv);
            report = plain.isPresent()
                    ? Insights.report(plain.get(), settings, Optional.empty())
                    : Insights.report(
                            DiaryCsv.read(
                                            CommandInput.utf8(csv, file, "--diary"),
                                            skipBad ? ImportMode.SKIP_BAD : ImportMode.STRICT)
                                    .diary(),
                            settings,
                            Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BadInputException e) {
            if (!roster) {
                throw e;
            }
            // In a roster one bad file must not stop the others: it gets a line saying what is wrong.
            return json(Map.of("file", file.toString(), "status", "refused", "reason", e.getMessage()));
        }
        if (format == Format.text) {
            return (roster ? "== " + file + "\n" : "") + InsightsText.format(report);
        }
        return InsightReportJson.line(roster ? Optional.of(file.toString()) : Optional.empty(), report);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refusal line always serialises", e);
        }
    }
}
