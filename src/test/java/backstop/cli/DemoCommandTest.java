package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.clinic.AlertKind;
import backstop.clinic.MeasureMark;
import backstop.clinic.RosterRow;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoCommandTest {
    /**
     * The demo, seeded once per kind of database and shared by the tests below: they only read it, and seed again
     * only to show that doing so adds nothing.
     */
    private static final Map<DatabaseUrl.Kind, Seeded> DEMOS = new EnumMap<>(DatabaseUrl.Kind.class);

    private static final Clock CLOCK = TestClock.tickingFrom(backstop.web.TestServer.TEST_START);

    private record Seeded(TestDatabases.Fresh fresh, Services services) {}

    private static synchronized Services demo(DatabaseUrl.Kind kind) {
        return DEMOS.computeIfAbsent(kind, k -> {
                    TestDatabases.Fresh fresh = TestDatabases.fresh(k);
                    // The clock the test servers below run on: seeded on the real date, the demo's last four weeks
                    // would
                    // stop overlapping the servers' fixed date a month after it (found in review, 2026-12-03).
                    Services services = Services.wire(fresh.database(), CLOCK);
                    DemoCommand.seed(services);
                    return new Seeded(fresh, services);
                })
                .services();
    }

    @AfterAll
    static void close() {
        DEMOS.values().forEach(demo -> demo.fresh().close());
    }

    @ParameterizedTest
    @EnumSource(DatabaseUrl.Kind.class)
    void theDemoHasAPersonWithHalfAYearOfDiaryAnAssessmentAndAClinician(DatabaseUrl.Kind kind) {
        Services services = demo(kind);
        Database database = services.database();
        User person = services.accounts().findByUsername(DemoCommand.PERSON).orElseThrow();
        Caller asPerson = Caller.commandLine(Optional.of(person));
        assertThat(services.diary().diary(person, asPerson).days()).hasSizeGreaterThan(150);
        assertThat(services.diary().diary(person, asPerson).lastDate())
                .hasValueSatisfying(last ->
                        assertThat(last).isAfter(services.diary().today().minusDays(10)));
        assertThat(services.assessments().history(person, asPerson)).hasSize(1);
        assertThat(services.plans().current(person, asPerson)).isPresent();
        assertThat(services.plans().adherence(person, asPerson).percent()).isBetween(60, 95);
        assertThat(services.plans().review(person, asPerson).decisions()).isNotEmpty();
        assertThat(services.insights().reportFor(person, asPerson).status()).isEqualTo("ok");
        assertThat(services.accounts().findByUsername(DemoCommand.CLINICIAN))
                .get()
                .extracting(User::role)
                .isEqualTo(Role.CLINICIAN);
        assertThat(services.accounts().login(DemoCommand.PERSON, DemoCommand.PASSWORD, Caller.anonymous("t")))
                .isNotNull();

        DemoCommand.seed(services);
        assertThat(services.assessments().history(person, asPerson)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseUrl.Kind.class)
    void theDemoRosterShowsAPlanThatTreatsTheSymptomOnlyAndMeasuresWithTimelinesThatAddUp(DatabaseUrl.Kind kind) {
        Services services = demo(kind);
        Database database = services.database();
        User clinician =
                services.accounts().findByUsername(DemoCommand.CLINICIAN).orElseThrow();
        List<RosterRow> rows = services.roster().roster(clinician, Caller.of(clinician, "test"));
        assertThat(rows)
                .flatExtracting(RosterRow::openReasons)
                .filteredOn(reason -> reason.kind() == AlertKind.COVERAGE_GAP)
                .isNotEmpty()
                .allSatisfy(reason -> assertThat(reason.words()).startsWith("This plan treats the symptom only"));
        assertThat(rows)
                .flatExtracting(RosterRow::measures)
                .extracting(MeasureMark::direction)
                .contains("better");
        // Timelines add up: plans after their assessment, answers on or after their schedule's first day and after
        // the link, nothing written after today.
        assertThat(backstop.db.DatabaseTest.number(database, """
                        SELECT COUNT(*) FROM plans p JOIN assessments a ON a.id = p.assessment_id
                        WHERE a.taken_at > p.created_at""")).isZero();
        assertThat(backstop.db.DatabaseTest.number(database, """
                        SELECT COUNT(*) FROM measure_responses r JOIN measure_schedules s ON s.id = r.schedule_id
                        WHERE r.day < s.first_due OR r.answered_at < s.created_at""")).isZero();
        assertThat(backstop.db.DatabaseTest.number(database, """
                        SELECT COUNT(*) FROM measure_schedules s JOIN care_links l
                          ON l.person_id = s.person_id AND l.clinician_id = s.clinician_id
                        WHERE s.created_at < l.accepted_at""")).isZero();
        java.sql.Timestamp now = java.sql.Timestamp.from(CLOCK.instant());
        for (String stamped : List.of(
                "SELECT COUNT(*) FROM measure_responses WHERE answered_at > :now",
                "SELECT COUNT(*) FROM measure_schedules WHERE created_at > :now",
                "SELECT COUNT(*) FROM plans WHERE created_at > :now",
                "SELECT COUNT(*) FROM assessments WHERE taken_at > :now")) {
            long after = database.withHandle(handle -> handle.createQuery(stamped)
                    .bind("now", now)
                    .mapTo(Long.class)
                    .one());
            assertThat(after).as(stamped).isZero();
        }
        String today = services.diary().today().toString();
        assertThat(backstop.db.DatabaseTest.number(
                        database, "SELECT COUNT(*) FROM measure_responses WHERE day > '" + today + "'"))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseUrl.Kind.class)
    void theDemoPersonHasFourWeeksAtTheDeskAndAnAnswerToDoBreaksHelpMe(DatabaseUrl.Kind kind) throws Exception {
        Services services = demo(kind);
        Database database = services.database();
        int events = backstop.db.DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_events");
        assertThat(events).isGreaterThan(100);
        DemoCommand.seed(services);
        assertThat(backstop.db.DatabaseTest.number(database, "SELECT COUNT(*) FROM desk_events"))
                .as("seeding again adds nothing")
                .isEqualTo(events);
        try (backstop.web.TestServer server = backstop.web.TestServer.start(database)) {
            backstop.web.WebClient demo = server.client();
            demo.login(DemoCommand.PERSON, DemoCommand.PASSWORD);
            var summary = backstop.json.Json.mapper()
                    .readTree(demo.get("/api/v1/desk/summary").body());
            assertThat(summary.get("days").findValues("breaks_taken"))
                    .anySatisfy(taken -> assertThat(taken.asInt()).isPositive());
            var help = summary.get("does_it_help").get("sitting_stretch");
            assertThat(help.get("status").asText()).isEqualTo("estimated");
            assertThat(help.get("text").asText()).contains("95% interval");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseUrl.Kind.class)
    void theDemoPersonsTimelineAddsUpAndThePlanVisiblyChangesThePattern(DatabaseUrl.Kind kind) {
        Services services = demo(kind);
        Database database = services.database();
        User person = services.accounts().findByUsername(DemoCommand.PERSON).orElseThrow();
        Caller asPerson = Caller.commandLine(Optional.of(person));

        var diary = services.diary().diary(person, asPerson);
        var assessment = services.assessments().history(person, asPerson).get(0);
        var plan = services.plans().current(person, asPerson).orElseThrow();
        var logs = services.plans()
                .logs(person, diary.firstDate().orElseThrow(), services.diary().today(), asPerson);
        java.time.LocalDate assessed =
                assessment.takenAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        assertThat(diary.firstDate().orElseThrow())
                .isBefore(services.diary().today().minusDays(700));
        assertThat(assessed)
                .isBefore(plan.plan().start())
                .isAfter(diary.firstDate().orElseThrow());
        assertThat(plan.createdAt()).isAfter(assessment.takenAt());
        assertThat(logs)
                .isNotEmpty()
                .allSatisfy(log ->
                        assertThat(log.date()).isAfterOrEqualTo(plan.plan().start()));

        var report = services.insights().reportFor(person, asPerson);
        assertThat(report.episodes()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(report.episodes())
                .allSatisfy(episode ->
                        assertThat(episode.start()).isBefore(plan.plan().start()));
        var curve = report.recurrence().timeToRecurrence().orElseThrow();
        assertThat(curve.medianDays()).isPresent();
        assertThat(report.recurrence().sincePlan().orElseThrow().episodes().verdict())
                .as(report.recurrence().sincePlan().orElseThrow().episodes().text())
                .isEqualTo("fewer_since_plan");
        assertThat(backstop.insights.InsightsText.format(report)).contains("139 days");
    }
}
