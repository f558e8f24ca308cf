package backstop.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The demo clinician's caseload: at least 30 patients whose roster shows every kind of reason, pasts in order. */
class ClinicDemoTest {
    @BothDatabases
    void theDemoClinicianHasARealisticRoster(Database database) {
        Services services = Services.wire(database, Clock.systemUTC());
        User clinician = services.accounts()
                .addUser(
                        "clinician",
                        "Chris",
                        "a long enough secret",
                        Role.CLINICIAN,
                        Caller.commandLine(Optional.empty()));
        DemoClock clock = new DemoClock(Clock.systemUTC());
        Services then = Services.wire(database, clock);
        ClinicDemo.seed(
                then.accounts(), then.careTeam(), then.assessments(), then.diary(), then.plans(), clock, clinician);
        List<RosterRow> rows = services.roster().roster(clinician, Caller.of(clinician, "test"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        rows.forEach(row -> row.openReasons().forEach(reason -> kinds.add(reason.kind())));
        // Generated plans give every active cause an exercise, so "symptom only" appears only after a clinician's
        // edit, and outcome measures only once scheduled: both come with the care demo (DemoCommandTest).
        assertThat(kinds)
                .containsAll(EnumSet.complementOf(EnumSet.of(AlertKind.COVERAGE_GAP, AlertKind.MEASURE_WORSE)));
        assertThat(rows.get(0).openReasons().get(0).kind()).isEqualTo(AlertKind.RED_FLAG);
        assertThat(rows).anySatisfy(row -> assertThat(row.openReasons()).isEmpty());
        // Timelines add up: every plan starts after its assessment, and no session is logged before its plan began.
        assertThat(number(database, """
                        SELECT COUNT(*) FROM plans p JOIN assessments a ON a.id = p.assessment_id
                        WHERE a.taken_at > p.created_at""")).isZero();
        assertThat(number(database, """
                        SELECT COUNT(*) FROM session_logs s JOIN plans p ON p.id = s.plan_id
                        WHERE s.day < p.start_date""")).isZero();
        User recovering =
                services.accounts().findByUsername("patient-ava-brooks").orElseThrow();
        assertThat(services.insights()
                        .reportFor(recovering, Caller.commandLine(Optional.of(recovering)))
                        .episodes())
                .hasSizeGreaterThanOrEqualTo(2);

        ClinicDemo.seed(
                then.accounts(), then.careTeam(), then.assessments(), then.diary(), then.plans(), clock, clinician);
        assertThat(services.roster().roster(clinician, Caller.of(clinician, "test")))
                .hasSameSizeAs(rows);
    }

    private static long number(Database database, String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
