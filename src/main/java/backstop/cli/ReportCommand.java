package backstop.cli;

import backstop.account.Caller;
import backstop.app.Services;
import backstop.web.DateParam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Write a person's visit report for a date range as PDF (default: the last 90 days).")
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The account.")
    String user;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (yyyy-mm-dd).")
    Optional<String> from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (yyyy-mm-dd); default today.")
    Optional<String> to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The PDF file to write.")
    Path out;

    @Mixin
    DatabaseOption database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var first = from.flatMap(text -> DateParam.optional("--from", text));
        var last = to.flatMap(text -> DateParam.optional("--to", text));
        try (Services services = database.open()) {
            byte[] pdf = services.reports()
                    .pdf(
                            CommandInput.account(services, user, "--user"),
                            first,
                            last,
                            Caller.commandLine(Optional.empty()));
            Files.write(out, pdf);
            spec.commandLine().getOut().println("Wrote " + out + " (" + pdf.length + " bytes).");
        }
        return 0;
    }
}
