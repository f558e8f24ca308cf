package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.DiaryService;
import backstop.error.BadInputException;
import backstop.exercise.ExerciseCatalogue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** Plans kept per person: made from the newest assessment, followed, reviewed weekly. */
class PlanServiceTest {
    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.load();
    private final TestClock clock = TestClock.startingAt("2026-06-01T07:00:00Z");

    private record World(
            PlanService plans, AssessmentService assessments, DiaryService diary, User dana, Caller asDana) {}

    private World world(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock);
        accounts.register("owner", "", "a long enough secret", Caller.anonymous("t"));
        User dana = accounts.register("dana", "", "a long enough secret", Caller.anonymous("t"));
        AssessmentService assessments = new AssessmentService(database, audit, clock);
        DiaryService diary = new DiaryService(database, audit, clock);
        return new World(
                new PlanService(database, audit, clock, assessments, diary, CATALOGUE, Vignettes.RULES),
                assessments,
                diary,
                dana,
                Caller.of(dana, "web"));
    }

    @BothDatabases
    void aPlanIsMadeFromTheNewestAssessmentAndCoversEveryActiveCause(Database database) {
        World world = world(database);
        assertThatThrownBy(() -> world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("assessment"));
        world.assessments().submit(world.dana(), Intakes.deskWorker(), world.asDana());
        StoredPlan plan = world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana());
        assertThat(plan.reason()).isEqualTo("first plan");
        assertThat(plan.plan().coverage().warnings()).isEmpty();
        assertThat(plan.plan().sessions())
                .allSatisfy(
                        session -> assertThat(session.minutes()).isLessThanOrEqualTo(PlanPreferences.DEFAULT_MINUTES));
        assertThat(world.plans().current(world.dana(), world.asDana()))
                .map(StoredPlan::id)
                .contains(plan.id());
        assertThat(world.plans().startDate(world.dana())).contains(LocalDate.parse("2026-06-01"));
    }

    @BothDatabases
    void anEmergencyAssessmentGetsNoPlan(Database database) {
        World world = world(database);
        world.assessments().submit(world.dana(), Intakes.heartWarning(), world.asDana());
        assertThatThrownBy(() -> world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana()))
                .isInstanceOf(NoPlanException.class);
        assertThat(world.plans().current(world.dana(), world.asDana())).isEmpty();
    }

    @BothDatabases
    void aLoggedSessionKeepsPlannedNextToDoneAndFillsTheDiarysExerciseMinutes(Database database) {
        World world = world(database);
        world.assessments().submit(world.dana(), Intakes.deskWorker(), world.asDana());
        world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana());
        LocalDate today = LocalDate.parse("2026-06-01");
        TodaySession session = world.plans().today(world.dana(), today, world.asDana());
        List<SessionLog> logs = session.toLog().stream()
                .map(planned ->
                        planned.done(planned.targetSets(), planned.targetReps(), planned.targetHoldSeconds(), 2, 3))
                .toList();
        world.plans().logSession(world.dana(), today, logs, world.asDana());
        assertThat(world.plans().logs(world.dana(), today, today, world.asDana()))
                .hasSameSizeAs(logs)
                .allSatisfy(log -> assertThat(log.completedTarget()).isTrue());
        assertThat(world.plans().exerciseMinutes(world.dana(), today, world.asDana()))
                .isPresent();
        assertThat(world.plans().exerciseMinutes(world.dana(), today.plusDays(1), world.asDana()))
                .isEmpty();
    }

    @BothDatabases
    void anExerciseThatIsNotDueIsRefusedAndNothingIsLogged(Database database) {
        World world = world(database);
        world.assessments().submit(world.dana(), Intakes.deskWorker(), world.asDana());
        world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana());
        LocalDate today = LocalDate.parse("2026-06-01");
        SessionLog.Planned planned =
                world.plans().today(world.dana(), today, world.asDana()).toLog().get(0);
        SessionLog good = planned.done(1, 1, planned.targetHoldSeconds(), 1, 1);
        SessionLog stranger =
                new SessionLog(today, "no-such-exercise", 1, 1, 0, 1, 1, 0, 1, 1, java.util.Optional.empty());
        assertThatThrownBy(() -> world.plans().logSession(world.dana(), today, List.of(good, stranger), world.asDana()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("no-such-exercise"));
        assertThat(world.plans().logs(world.dana(), today, today, world.asDana()))
                .isEmpty();
    }

    @BothDatabases
    void aWeekOfEasySessionsWithCalmMorningsStepsTheExercisesUp(Database database) {
        World world = world(database);
        world.assessments().submit(world.dana(), Intakes.deskWorker(), world.asDana());
        StoredPlan first = world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana());
        LocalDate start = LocalDate.parse("2026-06-01");
        for (int day = 0; day < 7; day++) {
            LocalDate date = start.plusDays(day);
            List<SessionLog> logs = first.plan().today(date).toLog().stream()
                    .map(planned ->
                            planned.done(planned.targetSets(), planned.targetReps(), planned.targetHoldSeconds(), 2, 2))
                    .toList();
            clock.advance(Duration.ofDays(day == 0 ? 0 : 1));
            world.plans().logSession(world.dana(), date, logs, world.asDana());
            world.diary()
                    .save(
                            world.dana(),
                            new CheckIn(DiaryDay.on(date.plusDays(1)).painAm(2).build(), CheckInDetails.none()),
                            "check-in",
                            world.asDana());
        }
        clock.advance(Duration.ofDays(1));
        WeeklyReview review = world.plans().review(world.dana(), world.asDana());
        assertThat(review.loggedDays()).isEqualTo(7);
        assertThat(review.decisions()).isNotEmpty();
        assertThat(review.decisions())
                .anySatisfy(decision -> assertThat(decision.outcome()).isEqualTo(Decision.Outcome.PROGRESS));
        StoredPlan next = world.plans().applyReview(world.dana(), world.asDana());
        assertThat(next.id()).isGreaterThan(first.id());
        assertThat(next.reason()).startsWith("weekly review");
        assertThat(next.plan()).isNotEqualTo(first.plan());
    }

    @BothDatabases
    void theCalendarFeedHasTheSessionsAndBreakReminders(Database database) {
        World world = world(database);
        world.assessments().submit(world.dana(), Intakes.deskWorker(), world.asDana());
        world.plans().create(world.dana(), PlanPreferences.defaults(), world.asDana());
        String ics = world.plans()
                .calendar(
                        world.dana(),
                        java.time.ZoneId.of("Europe/Berlin"),
                        java.time.LocalTime.of(7, 30),
                        java.time.LocalTime.of(9, 0),
                        java.time.LocalTime.of(17, 0),
                        world.asDana());
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("RRULE:", "VALARM", "Europe/Berlin");
    }
}
