package backstop.cli;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.plan.NoPlanException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backstop} command and its subcommands. */
@Command(
        name = "backstop",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Backstop: upper back pain that stops coming back.",
            "Runs the web app, and does from the command line what the app does."
        },
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            AssessCommand.class,
            PlanCommand.class,
            DiaryCommand.class,
            FhirCommand.class,
            ReportCommand.class,
            InsightsCommand.class,
            SimulateCommand.class,
            DbCommand.class,
            UserCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Data lives in sqlite:data/backstop.db unless --db or BACKSTOP_DB says otherwise.",
            "Exit codes: 0 done, 1 failed, 2 bad input, 3 no plan: see a doctor first."
        })
public final class BackstopCommand extends CommandGroup {
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, also used by tests to capture output. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BackstopCommand());
        commandLine.setExecutionExceptionHandler(BackstopCommand::handle);
        return commandLine;
    }

    /** Bad input is the person's to fix (exit 2); anything else is ours (exit 1). Neither prints a stack trace. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof BadInputException bad) {
            err.println(commandLine.getColorScheme().errorText("Not valid:"));
            for (FieldError error : bad.errors()) {
                err.println("  " + error.field() + ": " + error.message());
            }
            return 2;
        }
        if (e instanceof NoPlanException noPlan) {
            err.println(noPlan.getMessage());
            return 3;
        }
        err.println(commandLine.getColorScheme().errorText("Failed: " + e.getMessage()));
        org.slf4j.LoggerFactory.getLogger(BackstopCommand.class).debug("command failed", e);
        return 1;
    }
}
