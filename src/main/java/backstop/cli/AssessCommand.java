package backstop.cli;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.AssessmentResult;
import backstop.assessment.AssessmentRules;
import backstop.assessment.AssessmentText;
import backstop.assessment.Assessor;
import backstop.assessment.IntakeReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        description = {
            "Assess an intake document (JSON, see docs/formats.md): red flags first, then the five causes.",
            "Reads standard input unless --file is given. Prints the result; with --user it is also stored",
            "in that person's history."
        })
final class AssessCommand implements Callable<Integer> {
    enum Format {
        json,
        text
    }

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Read the intake from this file instead of standard input.")
    Optional<Path> file;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--user", paramLabel = "NAME", description = "Store the result in this account's history.")
    Optional<String> user;

    @Mixin
    DatabaseOption database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String json = CommandInput.text(file, "--file");
        AssessmentResult result;
        if (user.isPresent()) {
            try (Services services = database.open()) {
                User person = CommandInput.account(services, user.get(), "--user");
                result = services.assessments()
                        .submit(person, json, Caller.commandLine(Optional.empty()))
                        .result();
            }
        } else {
            result = new Assessor(AssessmentRules.load())
                    .assess(IntakeReader.load().read(json));
        }
        spec.commandLine().getOut().println(format == Format.text ? AssessmentText.format(result) : result.toJson());
        return 0;
    }
}
