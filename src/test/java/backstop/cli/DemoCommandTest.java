package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.Clock;
import java.util.Optional;

class DemoCommandTest {

    @BothDatabases
    void theDemoHasAPersonWithHalfAYearOfDiaryAnAssessmentAndAClinician(Database database) {
        Services services = Services.wire(database, Clock.systemUTC());
        DemoCommand.seed(services);
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

    @BothDatabases
    void theDemoPersonHasFourWeeksAtTheDeskAndAnAnswerToDoBreaksHelpMe(Database database) throws Exception {
        Services services = Services.wire(database, Clock.systemUTC());
        DemoCommand.seed(services);
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

    @BothDatabases
    void theDemoPersonsTimelineAddsUpAndThePlanVisiblyChangesThePattern(Database database) {
        Services services = Services.wire(database, Clock.systemUTC());
        DemoCommand.seed(services);
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
