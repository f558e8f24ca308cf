package backstop.cli;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.clinic.ClinicDemo;
import backstop.clinic.DemoClock;
import backstop.desk.DeskDemo;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the app on a separate demo database: a demo person (200 days of diary, an assessment,",
            "a plan followed for six weeks) and a demo clinician; prints their logins."
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

    /** Days of simulated diary the demo person has: six months and a bit, enough for every chart and insight. */
    static final int DIARY_DAYS = 200;

    /** Creates the demo accounts and data once; running the demo again keeps what is there. */
    static void seed(Services services) {
        Caller cli = Caller.commandLine(Optional.empty());
        if (services.accounts().findByUsername("admin").isEmpty()) {
            services.accounts().addUser("admin", "Demo admin", PASSWORD, Role.ADMIN, cli);
        }
        if (services.accounts().findByUsername(PERSON).isEmpty()) {
            User person = services.accounts().addUser(PERSON, "Dana Demo", PASSWORD, Role.PERSON, cli);
            Caller asPerson = Caller.commandLine(Optional.of(person));
            LocalDate yesterday = services.diary().today().minusDays(1);
            // A desk worker whose evening pain follows desk hours and stress, and eases after good sleep.
            String diary = DiarySimulator.simulateToCsv(SimulatorSettings.defaults(DIARY_DAYS, 2026)
                    .withStart(yesterday.minusDays(DIARY_DAYS - 1L))
                    .withEffects(List.of(
                            Effect.parse("desk_hours:0:0.3"),
                            Effect.parse("stress:0:0.2"),
                            Effect.parse("sleep_quality:1:-0.15"))));
            services.diary().importCsv(person, diary, ImportMode.STRICT, asPerson);
            services.assessments().submit(person, demoIntake(), asPerson);
            logPlanSessions(services, person, asPerson, yesterday);
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
    }

    /** Weeks the demo plan has been followed, so the weekly review, adherence and "since the plan" have data. */
    static final int PLAN_WEEKS = 6;

    /**
     * A plan that began {@link #PLAN_WEEKS} weeks ago, followed on most days (a few skipped, as in real life) with
     * pain during the sessions low and easing.
     */
    private static void logPlanSessions(Services services, User person, Caller asPerson, LocalDate yesterday) {
        LocalDate start = yesterday.minusWeeks(PLAN_WEEKS).plusDays(1);
        var plan = services.plans()
                .create(person, PlanPreferences.defaults(), start, asPerson)
                .plan();
        var diary = services.diary().diary(person, asPerson);
        for (LocalDate day = start; !day.isAfter(yesterday); day = day.plusDays(1)) {
            if (day.getDayOfYear() % 5 == 0) {
                continue;
            }
            // Pain before the session is that morning's diary pain; the exercises add a point at most.
            var morning = diary.day(day)
                    .map(d -> d.painAm())
                    .filter(p -> p.isPresent())
                    .map(p -> p.getAsInt())
                    .orElse(3);
            int painDuring = Math.min(10, morning + (day.getDayOfMonth() % 3 == 0 ? 1 : 0));
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(planned -> planned.done(
                            planned.targetSets(),
                            planned.targetReps(),
                            planned.targetHoldSeconds(),
                            morning,
                            painDuring))
                    .toList();
            if (!logs.isEmpty()) {
                services.plans().logSession(person, day, logs, asPerson);
            }
        }
    }

    /** The demo person's intake: a desk worker whose pain also follows stress (written for the demo). */
    private static String demoIntake() {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/intake.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo intake is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
