package backstop.cli;

import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.SimulatorSettings;
import backstop.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Write the diary CSV of a synthetic person whose evening pain follows chosen true effects",
            "(model and defaults: docs/formats.md). Same seed, same diary."
        })
final class SimulateCommand implements Callable<Integer> {
    /** Ten years: more than any test or benchmark needs, small enough to stay quick. */
    static final int MAX_DAYS = 3660;

    @Option(names = "--days", required = true, description = "How many days (1-" + MAX_DAYS + ").")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--effect",
            paramLabel = "HABIT:LAG:SIZE",
            description = "A planted effect, e.g. desk_hours:0:0.3 or sleep_position=side:0:0.5; repeatable.")
    List<String> effects = List.of();

    @Option(names = "--start", paramLabel = "DATE", description = "First day (yyyy-mm-dd; default 2025-01-06).")
    Optional<String> start;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Optional<Path> out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (days < 1 || days > MAX_DAYS) {
            throw new BadInputException("--days", "must be between 1 and " + MAX_DAYS);
        }
        SimulatorSettings settings = SimulatorSettings.defaults(days, seed)
                .withEffects(effects.stream().map(Effect::parse).toList());
        if (start.isPresent()) {
            try {
                settings = settings.withStart(LocalDate.parse(start.get()));
            } catch (DateTimeParseException e) {
                throw new BadInputException("--start", "must be a date written yyyy-mm-dd");
            }
        }
        String csv = DiarySimulator.simulateToCsv(settings);
        if (out.isPresent()) {
            Files.writeString(out.get(), csv, StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
