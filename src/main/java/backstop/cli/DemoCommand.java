package backstop.cli;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.care.CareDemo;
import backstop.clinic.ClinicDemo;
import backstop.clinic.DemoClock;
import backstop.desk.DeskDemo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the app on a separate demo database: a demo person (two years of diary, an assessment",
            "eight months ago, a plan followed since) and a demo clinician; prints their logins."
        })
final class DemoCommand implements Callable<Integer> {
    static final String PERSON = "demo";
    static final String CLINICIAN = "clinician";
    static final String PASSWORD = "back-in-shape-2026";

    @Option(
            names = "--db",
            paramLabel = "URL",
            defaultValue = "sqlite:data/demo.db",
            description = "Where the demo data lives (default: ${DEFAULT-VALUE}); never your real data.")
    String url;

    @Option(
            names = "--port",
            defaultValue = "${env:BACKSTOP_PORT:-8080}",
            description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        DatabaseOption option = new DatabaseOption();
        option.url = url;
        Services services = option.open();
        seed(services);
        ServeCommand.serve(
                services,
                "127.0.0.1",
                port,
                String.join(
                        System.lineSeparator(),
                        "Demo logins (password for both: " + PASSWORD + "):",
                        "  person:    " + PERSON,
                        "  clinician: " + CLINICIAN + " (" + ClinicDemo.size() + " linked patients on /clinic)"));
        return 0;
    }

    /** Creates the demo accounts and data once; running the demo again keeps what is there. */
    static void seed(Services services) {
        Caller cli = Caller.commandLine(Optional.empty());
        if (services.accounts().findByUsername("admin").isEmpty()) {
            services.accounts().addUser("admin", "Demo admin", PASSWORD, Role.ADMIN, cli);
        }
        if (services.accounts().findByUsername(PERSON).isEmpty()) {
            User person = services.accounts().addUser(PERSON, "Dana Demo", PASSWORD, Role.PERSON, cli);
            // Two years of diary, the assessment, the plan and its sessions, in the order they happened.
            EverydayDemo.seed(services, person);
        }
        // The Desk page's last four weeks (issue 11), added on its own so the person's story stays as it is.
        services.accounts()
                .findByUsername(PERSON)
                .ifPresent(person -> DeskDemo.seed(services.desk(), person, Caller.commandLine(Optional.of(person))));
        if (services.accounts().findByUsername(CLINICIAN).isEmpty()) {
            services.accounts().addUser(CLINICIAN, "Chris Clinician", PASSWORD, Role.CLINICIAN, cli);
        }
        // The clinician's caseload (issue 10): each patient's past written in order on a clock the demo sets.
        DemoClock past = new DemoClock(services.clock());
        Services then = Services.wire(services.database(), past);
        ClinicDemo.seed(
                then.accounts(),
                then.careTeam(),
                then.assessments(),
                then.diary(),
                then.plans(),
                past,
                services.accounts().findByUsername(CLINICIAN).orElseThrow());
        // Changed plans, outcome measures and referrals for part of the caseload, on the same clock.
        LocalDate today = LocalDate.now(services.clock());
        try {
            CareDemo.seed(
                    then.care(),
                    then.careTeam(),
                    services.accounts().findByUsername(CLINICIAN).orElseThrow(),
                    today,
                    // 9:00 on the day, but never later than now: today's answers are not stamped in the future.
                    day -> {
                        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                        Instant now = services.clock().instant();
                        past.set(nine.isAfter(now) ? now : nine);
                    });
        } finally {
            past.reset();
        }
    }
}
