package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.AuditQuery;
import backstop.account.Caller;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.error.NotFoundException;
import backstop.json.Json;
import backstop.model.Cause;
import java.time.Duration;

/** Storing assessments: history per person, nothing stored from a bad intake, no reading another person's. */
class AssessmentServiceTest {
    private final TestClock clock = TestClock.startingAt("2026-05-04T09:00:00Z");

    private record World(AssessmentService assessments, AuditLog audit, User dana, User eli) {}

    private World world(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock);
        Caller setup = Caller.anonymous("setup");
        accounts.register("owner", "", "a long enough secret", setup);
        User dana = accounts.register("dana", "", "a long enough secret", setup);
        User eli = accounts.register("eli", "", "a long enough secret", setup);
        return new World(new AssessmentService(database, audit, clock), audit, dana, eli);
    }

    @BothDatabases
    void anAssessmentIsStoredInThePersonsHistoryWithItsAuditLine(Database database) {
        World world = world(database);
        StoredAssessment stored =
                world.assessments().submit(world.dana(), Intakes.deskWorker(), Caller.of(world.dana(), "web"));
        assertThat(stored.result().urgency()).isEqualTo(Urgency.SELF_CARE);
        assertThat(stored.result().causes().get(0).cause()).isEqualTo(Cause.POSTURAL_STRAIN);
        assertThat(world.assessments().history(world.dana(), Caller.of(world.dana(), "web")))
                .extracting(StoredAssessment::id)
                .containsExactly(stored.id());
        assertThat(world.assessments()
                        .get(world.dana(), stored.id(), Caller.of(world.dana(), "web"))
                        .result())
                .isEqualTo(stored.result());
        assertThat(world.audit().search(AuditQuery.latest(10)))
                .extracting("action")
                .contains("assessment.create", "assessment.read");
    }

    @BothDatabases
    void aNewWarningSignIsStoredWithItsUrgencySoAClinicianListCanPutThePersonFirst(Database database) {
        World world = world(database);
        var intake = TestIntakes.benign();
        TestIntakes.with(intake, "red_flags.skin_sore_to_light_touch", "true");
        TestIntakes.with(intake, "age", "66");
        TestIntakes.with(intake, "red_flags.onset_age", "66");

        StoredAssessment stored =
                world.assessments().submit(world.dana(), intake.toString(), Caller.of(world.dana(), "web"));

        String column = database.withHandle(
                handle -> handle.createQuery("SELECT urgency FROM assessments WHERE person_id = :person")
                        .bind("person", world.dana().id())
                        .mapTo(String.class)
                        .one());
        assertThat(column).isEqualTo("urgent");
        StoredAssessment latest = world.assessments()
                .latest(world.dana(), Caller.of(world.dana(), "web"))
                .orElseThrow();
        assertThat(latest.id()).isEqualTo(stored.id());
        assertThat(latest.result().needsDoctorFirst()).isTrue();
        assertThat(latest.result().redFlags())
                .extracting(AssessmentResult.RedFlag::id)
                .contains("shingles_skin_at_risk");
    }

    @BothDatabases
    void anAssessmentStoredUnderTheFirstRulesReadsBackAsItWasShown(Database database) {
        World world = world(database);
        AssessmentResult old =
                AssessmentResult.fromJson(Json.resource("/assessment/stored/rules-1-cancer-history.result.json")
                        .toString());
        String oldIntake = Intakes.intakeOf("24-urgent-cancer-history.json");
        long id = database.inTransaction(
                handle -> new AssessmentStore().insert(handle, world.dana().id(), clock.instant(), oldIntake, old));

        StoredAssessment read = world.assessments().get(world.dana(), id, Caller.of(world.dana(), "web"));

        assertThat(read.result()).isEqualTo(old);
        assertThat(read.result().rulesVersion()).isEqualTo("assessment-rules-1");
        assertThat(read.result().madeWithEarlierRules()).isTrue();
        assertThat(read.result().needsDoctorFirst()).isTrue();
        assertThat(world.assessments()
                        .intakeOf(world.dana(), read, Caller.of(world.dana(), "web"))
                        .version())
                .isEqualTo(1);
    }

    @BothDatabases
    void anInvalidIntakeNamesEveryBadFieldAndStoresNothing(Database database) {
        World world = world(database);
        String bad = Intakes.deskWorker()
                .replace("\"now\": 4", "\"now\": 14")
                .replace("\"position\": \"back\"", "\"position\": \"upside_down\"");
        assertThatThrownBy(() -> world.assessments().submit(world.dana(), bad, Caller.of(world.dana(), "web")))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").contains("pain.now", "sleep.position"));
        assertThat(world.assessments().history(world.dana(), Caller.of(world.dana(), "web")))
                .isEmpty();
        assertThat(world.audit().search(AuditQuery.latest(10)))
                .extracting("action")
                .doesNotContain("assessment.create");
    }

    @BothDatabases
    void anotherPersonsAssessmentIsRefusedAndTheAttemptAudited(Database database) {
        World world = world(database);
        StoredAssessment danas =
                world.assessments().submit(world.dana(), Intakes.deskWorker(), Caller.of(world.dana(), "web"));
        assertThatThrownBy(() -> world.assessments().get(world.eli(), danas.id(), Caller.of(world.eli(), "web")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.assessments().get(world.eli(), danas.id() + 1000, Caller.of(world.eli(), "web")))
                .isInstanceOf(NotFoundException.class);
        assertThat(world.assessments().history(world.eli(), Caller.of(world.eli(), "web")))
                .isEmpty();
        assertThat(world.audit().search(AuditQuery.latest(10))).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("assessment.read.refused");
            assertThat(entry.actor()).isEqualTo("eli");
        });
    }

    @BothDatabases
    void aReassessmentIsOfferedAfterFourWeeksAndComparedCauseByCause(Database database) {
        World world = world(database);
        Caller dana = Caller.of(world.dana(), "web");
        StoredAssessment first = world.assessments().submit(world.dana(), Intakes.deskWorker(), dana);
        assertThat(world.assessments().reassessmentDue(world.assessments().history(world.dana(), dana)))
                .isFalse();
        clock.advance(Duration.ofDays(27));
        assertThat(world.assessments().reassessmentDue(world.assessments().history(world.dana(), dana)))
                .isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(world.assessments().reassessmentDue(world.assessments().history(world.dana(), dana)))
                .isTrue();

        StoredAssessment second = world.assessments().submit(world.dana(), Intakes.deskWorkerWithBreaks(), dana);
        assertThat(world.assessments().previous(world.dana(), second, dana))
                .map(StoredAssessment::id)
                .contains(first.id());
        assertThat(world.assessments().previous(world.dana(), first, dana)).isEmpty();
        AssessmentComparison comparison = AssessmentComparison.compare(first.result(), second.result());
        assertThat(comparison.causes()).anySatisfy(change -> {
            assertThat(change.cause()).isEqualTo(Cause.POSTURAL_STRAIN);
            assertThat(change.change()).isNegative();
        });
    }
}
