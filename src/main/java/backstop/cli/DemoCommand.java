package backstop.cli;

import backstop.Services;
import backstop.account.Caller;
import backstop.account.Role;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the app on a separate demo database with a demo person and a demo clinician,",
                "and print their logins."})
final class DemoCommand implements Callable<Integer> {
    static final String PERSON = "demo";
    static final String CLINICIAN = "clinician";
    static final String PASSWORD = "demo-password-1";

    @Option(names = "--db", paramLabel = "URL", defaultValue = "sqlite:data/demo.db",
            description = "Where the demo data lives (default: ${DEFAULT-VALUE}); never your real data.")
    String url;

    @Option(names = "--port", defaultValue = "${env:BACKSTOP_PORT:-8080}", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        DatabaseOption option = new DatabaseOption();
        option.url = url;
        Services services = option.open();
        seed(services);
        ServeCommand.serve(services, "127.0.0.1", port, String.join(System.lineSeparator(),
                "Demo logins (password for both: " + PASSWORD + "):",
                "  person:    " + PERSON,
                "  clinician: " + CLINICIAN));
        return 0;
    }

    /** Creates the demo accounts once; running the demo again keeps what is there. */
    static void seed(Services services) {
        Caller cli = Caller.commandLine(Optional.empty());
        if (services.accounts().findByUsername("admin").isEmpty()) {
            services.accounts().addUser("admin", "Demo admin", PASSWORD, Role.ADMIN, cli);
        }
        if (services.accounts().findByUsername(PERSON).isEmpty()) {
            services.accounts().addUser(PERSON, "Dana Demo", PASSWORD, Role.PERSON, cli);
        }
        if (services.accounts().findByUsername(CLINICIAN).isEmpty()) {
            services.accounts().addUser(CLINICIAN, "Chris Clinician", PASSWORD, Role.CLINICIAN, cli);
        }
    }
}
