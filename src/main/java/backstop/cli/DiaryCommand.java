package backstop.cli;

import backstop.account.Caller;
import backstop.app.Services;
import backstop.diary.ImportMode;
import backstop.diary.ImportReport;
import backstop.error.FieldError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "diary",
        mixinStandardHelpOptions = true,
        description = "Import or export a person's diary as CSV.",
        subcommands = {DiaryCommand.Import.class, DiaryCommand.Export.class, CommandLine.HelpCommand.class})
final class DiaryCommand extends CommandGroup {
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import a diary CSV into an account (format: docs/formats.md).",
                "A file with any bad row is refused whole, naming every bad row, unless --skip-bad is given."
            })
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The CSV file.")
        Path file;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account to import into.")
        String user;

        @Option(names = "--skip-bad", description = "Import the good rows and report the bad ones.")
        boolean skipBad;

        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String csv = CommandInput.text(Optional.of(file), "FILE");
            try (Services services = database.open()) {
                ImportReport report = services.diary()
                        .importCsv(
                                CommandInput.account(services, user, "--user"),
                                csv,
                                skipBad ? ImportMode.SKIP_BAD : ImportMode.STRICT,
                                Caller.commandLine(Optional.empty()));
                PrintWriter out = spec.commandLine().getOut();
                out.println("Imported " + file + " into " + user + ": " + report.added() + " added, " + report.updated()
                        + " updated, " + report.unchanged() + " unchanged.");
                report.warnings().forEach(warning -> out.println("warning: " + warning));
                for (FieldError skipped : report.skipped()) {
                    spec.commandLine().getErr().println("skipped " + skipped.field() + ": " + skipped.message());
                }
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Print an account's diary as CSV.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account to export.")
        String user;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Optional<Path> out;

        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Services services = database.open()) {
                String csv = services.diary()
                        .exportCsv(
                                CommandInput.account(services, user, "--user"), Caller.commandLine(Optional.empty()));
                if (out.isPresent()) {
                    Files.writeString(out.get(), csv, StandardCharsets.UTF_8);
                } else {
                    spec.commandLine().getOut().print(csv);
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }
}
