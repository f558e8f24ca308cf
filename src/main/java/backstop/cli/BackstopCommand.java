package backstop.cli;

import backstop.app.Services;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.plan.NoPlanException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
        footer = {
            "",
            "Data lives in sqlite:data/backstop.db unless --db or BACKSTOP_DB says otherwise.",
            "Exit codes: 0 done, 1 failed, 2 bad input, 3 no plan: see a doctor first."
        })
public final class BackstopCommand extends CommandGroup {
    /**
     * The subcommands in the order help lists them. picocli builds a command's whole model by reflection when it is
     * added (about 190 ms for all of them at start-up), so a run adds only the one it was asked for.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("serve", ServeCommand::new);
        all.put("demo", DemoCommand::new);
        all.put("assess", AssessCommand::new);
        all.put("plan", PlanCommand::new);
        all.put("diary", DiaryCommand::new);
        all.put("fhir", FhirCommand::new);
        all.put("report", ReportCommand::new);
        all.put("insights", InsightsCommand::new);
        all.put("simulate", SimulateCommand::new);
        all.put("db", DbCommand::new);
        all.put("user", UserCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(all);
    }

    /** The subcommands that start the server, whose data files are read while the command line is parsed. */
    private static final Set<String> SERVERS = Set.of("serve", "demo");

    public static int run(String... args) {
        if (args.length > 0 && SERVERS.contains(args[0])) {
            Services.readDataFilesAhead();
        }
        return commandLine(args).execute(args);
    }

    /** The configured command line with every subcommand, also used by tests to capture output. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: only the subcommand they name when the first one names one (and is not
     * {@code help}, which needs them all), every subcommand otherwise (usage, {@code --version}, a typo).
     */
    static CommandLine commandLine(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !"help".equals(args[0])) {
            return build(List.of(args[0]));
        }
        return commandLine();
    }

    /** The names of every subcommand, in the order help lists them. */
    static Set<String> subcommandNames() {
        return SUBCOMMANDS.keySet();
    }

    private static CommandLine build(Collection<String> names) {
        CommandLine commandLine = new CommandLine(new BackstopCommand());
        names.forEach(
                name -> commandLine.addSubcommand(name, SUBCOMMANDS.get(name).get()));
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
