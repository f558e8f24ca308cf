package backstop.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.error.ForbiddenException;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The roster: who needs attention first and why, marks that hold for one event, and the link check. */
class RosterTest {
    private static final String PASSWORD = "a long enough secret";
    private final TestClock clock = TestClock.startingAt("2026-06-15T12:00:00Z");
    private final LocalDate today = LocalDate.parse("2026-06-15");

    private record World(Services services, User kim, User lee) {}

    private World world(Database database) {
        Services services = Services.wire(database, clock);
        Caller cli = Caller.commandLine(Optional.empty());
        User kim = services.accounts().addUser("kim", "Kim", PASSWORD, Role.CLINICIAN, cli);
        User lee = services.accounts().addUser("lee", "Lee", PASSWORD, Role.CLINICIAN, cli);
        return new World(services, kim, lee);
    }

    private User patient(World w, String name) {
        Caller cli = Caller.commandLine(Optional.empty());
        User person = w.services().accounts().addUser(name, name, PASSWORD, Role.PERSON, cli);
        Invite invite = w.services().careTeam().createInvite(w.kim(), Caller.of(w.kim(), "test"));
        w.services().careTeam().accept(person, invite.code(), Caller.of(person, "test"));
        return person;
    }

    private void pain(World w, User person, int fromDaysAgo, int toDaysAgo, int pain) {
        for (int ago = fromDaysAgo; ago >= toDaysAgo; ago--) {
            w.services()
                    .diary()
                    .save(
                            person,
                            new CheckIn(
                                    DiaryDay.on(today.minusDays(ago))
                                            .painPm(pain)
                                            .build(),
                                    new CheckInDetails(List.of(), List.of())),
                            "check-in",
                            Caller.of(person, "test"));
        }
    }

    private void planAndLog(World w, User person, int startDaysAgo, boolean logEverything) {
        Caller as = Caller.of(person, "test");
        w.services().assessments().submit(person, Intakes.deskWorker(), as);
        var plan = w.services()
                .plans()
                .create(person, PlanPreferences.defaults(), today.minusDays(startDaysAgo), as)
                .plan();
        if (!logEverything) {
            return;
        }
        for (LocalDate day = today.minusDays(startDaysAgo); day.isBefore(today); day = day.plusDays(1)) {
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(p -> p.done(p.targetSets(), p.targetReps(), p.targetHoldSeconds(), 2, 2))
                    .toList();
            if (!logs.isEmpty()) {
                w.services().plans().logSession(person, day, logs, as);
            }
        }
    }

    private static RosterRow row(List<RosterRow> rows, User person) {
        return rows.stream()
                .filter(row -> row.patient().person().id() == person.id())
                .findFirst()
                .orElseThrow();
    }

    private static List<AlertKind> kinds(RosterRow row) {
        return row.openReasons().stream().map(Reason::kind).toList();
    }

    @BothDatabases
    void patientsAreSortedByAttentionWithTheirReasons(Database database) {
        World w = world(database);
        User fine = patient(w, "ann");
        planAndLog(w, fine, 21, true);
        pain(w, fine, 27, 0, 2);
        User flaring = patient(w, "bob");
        planAndLog(w, flaring, 21, false);
        pain(w, flaring, 27, 7, 2);
        pain(w, flaring, 6, 0, 6);
        User silent = patient(w, "cyd");
        pain(w, silent, 12, 10, 3);
        User warning = patient(w, "zoe");
        w.services().assessments().submit(warning, Intakes.heartWarning(), Caller.of(warning, "test"));
        pain(w, warning, 3, 0, 2);

        List<RosterRow> rows = w.services().roster().roster(w.kim(), Caller.of(w.kim(), "test"));
        assertThat(rows)
                .extracting(row -> row.patient().person().username())
                .containsExactly("zoe", "bob", "cyd", "ann");
        assertThat(kinds(rows.get(0))).containsExactly(AlertKind.RED_FLAG);
        assertThat(kinds(row(rows, flaring)))
                .containsExactly(AlertKind.FLARE, AlertKind.PAIN_WORSE, AlertKind.LOW_ADHERENCE);
        assertThat(row(rows, flaring).openReasons().get(1).words()).contains("2.0 then, 6.0 in the last 7 days");
        assertThat(row(rows, flaring).adherencePercent()).hasValue(0);
        assertThat(row(rows, flaring).weeksOnPlan()).hasValue(3);
        assertThat(kinds(row(rows, silent))).containsExactly(AlertKind.NO_CHECK_IN);
        assertThat(row(rows, silent).openReasons().get(0).words()).contains("No check-in for 10 days");
        assertThat(kinds(row(rows, fine))).isEmpty();
        assertThat(row(rows, fine).adherencePercent()).hasValue(100);
        assertThat(row(rows, fine).activeCauses()).isNotEmpty();
        assertThat(row(rows, fine).sparkline()).hasSize(1);
        // A clinician sees only their own patients.
        assertThat(w.services().roster().roster(w.lee(), Caller.of(w.lee(), "test")))
                .isEmpty();
    }

    @BothDatabases
    void aSeenAlertStaysSeenUntilANewEventOfItsKind(Database database) {
        World w = world(database);
        User zoe = patient(w, "zoe");
        Caller asZoe = Caller.of(zoe, "test");
        w.services().assessments().submit(zoe, Intakes.heartWarning(), asZoe);
        pain(w, zoe, 2, 0, 2);
        Caller asKim = Caller.of(w.kim(), "test");
        w.services().roster().markSeen(w.kim(), zoe.id(), AlertKind.RED_FLAG, "Called her; seen by GP today", asKim);
        RosterRow seen = w.services().roster().roster(w.kim(), asKim).get(0);
        assertThat(seen.openReasons()).isEmpty();
        assertThat(seen.reasons().get(0).seen())
                .hasValueSatisfying(mark -> assertThat(mark.note()).isEqualTo("Called her; seen by GP today"));
        w.services().assessments().submit(zoe, Intakes.heartWarning(), asZoe);
        assertThat(kinds(w.services().roster().roster(w.kim(), asKim).get(0))).containsExactly(AlertKind.RED_FLAG);
    }

    @BothDatabases
    void afterRevocationTheRosterForgetsThePatientAndMarksAreRefused(Database database) {
        World w = world(database);
        User zoe = patient(w, "zoe");
        Caller asKim = Caller.of(w.kim(), "test");
        assertThat(w.services().roster().roster(w.kim(), asKim)).hasSize(1);
        long link = w.services().careTeam().linksOf(zoe).get(0).id();
        w.services().careTeam().revoke(zoe, link, Caller.of(zoe, "test"));
        assertThat(w.services().roster().roster(w.kim(), asKim)).isEmpty();
        long before = count(database, "SELECT COUNT(*) FROM audit_log");
        assertThatThrownBy(() -> w.services().roster().markSeen(w.kim(), zoe.id(), AlertKind.NO_CHECK_IN, "", asKim))
                .isInstanceOf(ForbiddenException.class);
        assertThat(count(database, "SELECT COUNT(*) FROM audit_log")).isEqualTo(before + 1);
        assertThat(count(database, "SELECT COUNT(*) FROM clinic_alerts_seen")).isZero();
    }

    @BothDatabases
    void everyRosterReadIsAuditedPerPatient(Database database) {
        World w = world(database);
        patient(w, "ann");
        patient(w, "bob");
        w.services().roster().roster(w.kim(), Caller.of(w.kim(), "test"));
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.roster.read'"
                                + " AND actor_name = 'kim'"))
                .isEqualTo(2);
    }

    @BothDatabases
    void everyChangeToWhatTheRulesReadShowsOnTheNextView(Database database) {
        World w = world(database);
        User ann = patient(w, "ann");
        Caller asAnn = Caller.of(ann, "test");
        Caller asKim = Caller.of(w.kim(), "test");
        RosterRow first = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(kinds(first)).containsExactly(AlertKind.NO_CHECK_IN);
        assertThat(first.hasPlan()).isFalse();

        pain(w, ann, 0, 0, 3); // a diary day written
        RosterRow checkedIn = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(checkedIn.lastCheckIn()).hasValue(today);
        assertThat(kinds(checkedIn)).isEmpty();
        pain(w, ann, 0, 0, 5); // the same day changed
        assertThat(row(w.services().roster().roster(w.kim(), asKim), ann).painSeries())
                .last()
                .isEqualTo(Optional.of(5));
        database.useTransaction(handle -> handle.createUpdate( // any writer, not only the services
                        "UPDATE diary_days SET pain_pm = 7 WHERE person_id = :p")
                .bind("p", ann.id())
                .execute());
        assertThat(row(w.services().roster().roster(w.kim(), asKim), ann).painSeries())
                .last()
                .isEqualTo(Optional.of(7));

        w.services().assessments().submit(ann, Intakes.deskWorker(), asAnn);
        assertThat(row(w.services().roster().roster(w.kim(), asKim), ann).activeCauses())
                .isNotEmpty();

        var plan = w.services()
                .plans()
                .create(ann, PlanPreferences.defaults(), today.minusDays(14), asAnn)
                .plan();
        RosterRow planned = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(planned.weeksOnPlan()).hasValue(2);
        assertThat(planned.adherencePercent()).hasValue(0);
        assertThat(kinds(planned)).contains(AlertKind.LOW_ADHERENCE);

        for (LocalDate day = today.minusDays(14); day.isBefore(today); day = day.plusDays(1)) {
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(p -> p.done(p.targetSets(), p.targetReps(), p.targetHoldSeconds(), 2, 2))
                    .toList();
            if (!logs.isEmpty()) {
                w.services().plans().logSession(ann, day, logs, asAnn);
            }
        }
        RosterRow logged = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(logged.adherencePercent()).hasValue(100);
        assertThat(kinds(logged)).doesNotContain(AlertKind.LOW_ADHERENCE);

        w.services().assessments().submit(ann, Intakes.heartWarning(), asAnn);
        assertThat(kinds(row(w.services().roster().roster(w.kim(), asKim), ann)))
                .contains(AlertKind.RED_FLAG);

        w.services().roster().markSeen(w.kim(), ann.id(), AlertKind.RED_FLAG, "Spoke to her GP", asKim);
        assertThat(kinds(row(w.services().roster().roster(w.kim(), asKim), ann)))
                .doesNotContain(AlertKind.RED_FLAG);
        // The chart's line is the same line.
        assertThat(kinds(w.services().roster().rowFor(w.kim(), ann, today))).doesNotContain(AlertKind.RED_FLAG);
    }

    @BothDatabases
    void theDateRulesMoveWithTheClockAlone(Database database) {
        World w = world(database);
        User ann = patient(w, "ann");
        Caller asKim = Caller.of(w.kim(), "test");
        pain(w, ann, 5, 5, 3);
        w.services().assessments().submit(ann, Intakes.deskWorker(), Caller.of(ann, "test"));
        w.services().plans().create(ann, PlanPreferences.defaults(), today.minusDays(6), Caller.of(ann, "test"));
        RosterRow before = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(kinds(before)).doesNotContain(AlertKind.NO_CHECK_IN);
        assertThat(before.weeksOnPlan()).hasValue(0);
        assertThat(before.painSeries().get(RosterRules.SPARK_DAYS - 6)).hasValue(3);

        clock.advance(java.time.Duration.ofDays(2)); // nothing written: only the day moved
        RosterRow after = row(w.services().roster().roster(w.kim(), asKim), ann);
        assertThat(kinds(after)).contains(AlertKind.NO_CHECK_IN);
        assertThat(after.openReasons().stream()
                        .filter(reason -> reason.kind() == AlertKind.NO_CHECK_IN)
                        .findFirst()
                        .orElseThrow()
                        .words())
                .contains("No check-in for 7 days");
        assertThat(after.weeksOnPlan()).hasValue(1);
        assertThat(after.painSeries().get(RosterRules.SPARK_DAYS - 8)).hasValue(3);
    }

    @BothDatabases
    void aClinicianSeesOnlyTheirOwnMarksOnASharedPatient(Database database) {
        World w = world(database);
        User zoe = patient(w, "zoe");
        Invite invite = w.services().careTeam().createInvite(w.lee(), Caller.of(w.lee(), "test"));
        w.services().careTeam().accept(zoe, invite.code(), Caller.of(zoe, "test"));
        Caller asKim = Caller.of(w.kim(), "test");
        Caller asLee = Caller.of(w.lee(), "test");
        assertThat(kinds(w.services().roster().roster(w.lee(), asLee).get(0))).containsExactly(AlertKind.NO_CHECK_IN);
        w.services().roster().markSeen(w.kim(), zoe.id(), AlertKind.NO_CHECK_IN, "", asKim);
        assertThat(kinds(w.services().roster().roster(w.kim(), asKim).get(0))).isEmpty();
        assertThat(kinds(w.services().roster().roster(w.lee(), asLee).get(0))).containsExactly(AlertKind.NO_CHECK_IN);
    }

    private static long count(Database database, String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }
}
