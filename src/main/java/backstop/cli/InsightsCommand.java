package backstop.cli;

import backstop.diary.DiaryCsv;
import backstop.diary.ImportMode;
import backstop.error.BadInputException;
import backstop.insights.InsightCards;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
import backstop.insights.InsightsText;
import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "insights",
        mixinStandardHelpOptions = true,
        description = {
            "Episodes, recurrences and triggers from diary CSV files (no database needed).",
            "One file: one JSON object. Several: JSON Lines, one object per file with its \"file\", in the order",
            "given, computed in parallel, so a clinic can run a whole roster in one process."
        })
final class InsightsCommand implements Callable<Integer> {
    enum Format {
        json,
        text
    }

    @Option(names = "--diary", required = true, arity = "1..*", paramLabel = "FILE", description = "Diary CSV file(s).")
    List<Path> files;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--skip-bad", description = "Skip bad rows instead of refusing a file that has any.")
    boolean skipBad;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        InsightSettings settings = InsightSettings.defaults();
        PrintWriter out = spec.commandLine().getOut();
        if (files.size() == 1) {
            out.println(render(files.get(0), settings, false));
        } else {
            // Each file is independent: parallel work, output kept in the order the files were named.
            files.parallelStream().map(file -> render(file, settings, true)).forEachOrdered(out::println);
        }
        out.flush();
        return 0;
    }

    private String render(Path file, InsightSettings settings, boolean roster) {
        InsightReport report;
        try {
            String csv = CommandInput.text(Optional.of(file), "--diary");
            report = Insights.report(
                    DiaryCsv.read(csv, skipBad ? ImportMode.SKIP_BAD : ImportMode.STRICT)
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
            return line(Map.of("file", file.toString(), "status", "refused", "reason", e.getMessage()));
        }
        if (format == Format.text) {
            return (roster ? "== " + file + "\n" : "") + InsightsText.format(report);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (roster) {
            body.put("file", file.toString());
        }
        body.putAll(Json.mapper().convertValue(report, new TypeReference<Map<String, Object>>() {}));
        body.put("cards", InsightCards.from(report));
        return line(body);
    }

    private static String line(Map<String, Object> body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an insight report always serialises", e);
        }
    }
}
