package backstop.cli;

import backstop.account.Caller;
import backstop.app.Services;
import backstop.share.fhir.FhirImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "fhir",
        mixinStandardHelpOptions = true,
        description = "Export or import a person's record as a FHIR R4 Bundle (mapping: docs/formats.md).",
        subcommands = {FhirCommand.Export.class, FhirCommand.Import.class, CommandLine.HelpCommand.class})
final class FhirCommand extends CommandGroup {
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Print an account's record as one FHIR R4 Bundle (JSON).")
    static final class Export implements Callable<Integer> {
        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account to export.")
        String user;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
        Optional<Path> out;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (yyyy-mm-dd); default: no limit.")
        Optional<String> from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day (yyyy-mm-dd); default: no limit.")
        Optional<String> to;

        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Optional<LocalDate> first = from.flatMap(text -> backstop.web.DateParam.optional("--from", text));
            Optional<LocalDate> last = to.flatMap(text -> backstop.web.DateParam.optional("--to", text));
            try (Services services = database.open()) {
                String json = services.fhir()
                        .export(
                                CommandInput.account(services, user, "--user"),
                                first,
                                last,
                                Caller.commandLine(Optional.empty()));
                if (out.isPresent()) {
                    Files.writeString(out.get(), json, StandardCharsets.UTF_8);
                } else {
                    spec.commandLine().getOut().println(json);
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import a FHIR R4 Bundle into an account, all or nothing.",
                "A bad bundle is refused whole, naming each bad element by its FHIR path."
            })
    static final class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The Bundle (JSON).")
        Path file;

        @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account to import into.")
        String user;

        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String json = CommandInput.text(Optional.of(file), "FILE");
            try (Services services = database.open()) {
                FhirImporter.Report report = services.fhir()
                        .importBundle(
                                CommandInput.account(services, user, "--user"),
                                json,
                                Caller.commandLine(Optional.empty()));
                spec.commandLine()
                        .getOut()
                        .println("Imported " + file + " into " + user + ": " + report.daysAdded() + " days added, "
                                + report.daysUpdated() + " updated, " + report.daysUnchanged() + " unchanged; "
                                + report.assessments() + " assessment(s), " + report.plans() + " plan(s), "
                                + report.logs() + " logged exercise(s); " + report.ignored() + " entries not read.");
            }
            return 0;
        }
    }
}
