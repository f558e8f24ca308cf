package backstop.cli;

import backstop.assessment.AssessmentResult;
import backstop.error.BadInputException;
import backstop.exercise.ExerciseCatalogue;
import backstop.plan.Plan;
import backstop.plan.PlanGenerator;
import backstop.plan.PlanPreferences;
import backstop.plan.PlanRules;
import backstop.plan.PlanText;
import java.io.IOException;
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
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Build a plan from an assessment result (the JSON `backstop assess` prints) and print it.",
            "Reads standard input unless --file is given. Exit code 3: the assessment needs a doctor first."
        })
final class PlanCommand implements Callable<Integer> {
    enum Format {
        json,
        text
    }

    @Option(names = "--file", paramLabel = "FILE", description = "Read the assessment result from this file.")
    Optional<Path> file;

    @Option(
            names = "--minutes",
            defaultValue = "15",
            description = "Minutes a day for exercises, 10-20 (default: ${DEFAULT-VALUE}).")
    String minutes;

    @Option(
            names = "--equipment",
            paramLabel = "ITEM",
            split = ",",
            description = "What is at hand, e.g. band,chair,wall (default: chair, wall, towel).")
    List<String> equipment = List.of("chair", "wall", "towel");

    @Option(
            names = "--strength-days",
            paramLabel = "DAY",
            split = ",",
            description = "2 to 4 days, e.g. MONDAY,WEDNESDAY,FRIDAY (the default).")
    List<String> strengthDays = List.of();

    @Option(names = "--start", paramLabel = "DATE", description = "First day of the plan (yyyy-mm-dd; default today).")
    Optional<String> start;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AssessmentResult result;
        try {
            result = AssessmentResult.fromJson(CommandInput.text(file, "--file"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--file", "is not an assessment result (the JSON `backstop assess` prints)");
        }
        PlanPreferences preferences = PlanPreferences.fromText(minutes, equipment, strengthDays);
        LocalDate first;
        try {
            first = start.map(LocalDate::parse).orElse(LocalDate.now());
        } catch (DateTimeParseException e) {
            throw new BadInputException("--start", "must be a date written yyyy-mm-dd");
        }
        Plan plan = PlanGenerator.build(result, preferences, ExerciseCatalogue.load(), PlanRules.load(), first);
        spec.commandLine().getOut().println(format == Format.text ? PlanText.format(plan) : plan.toJson());
        return 0;
    }
}
