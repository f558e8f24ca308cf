package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ConflictException;
import backstop.error.ForbiddenException;
import backstop.model.Cause;
import backstop.plan.Coverage;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPart;
import backstop.plan.StoredPlan;
import java.time.DayOfWeek;
import java.util.List;

/** A linked clinician changes a person's plan: previewed with the coverage check, saved as a version they author. */
class PrescribingTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    /** Removing every exercise that works on one active cause. */
    private static List<Change> removeAllFor(StoredPlan plan, Cause cause) {
        return plan.plan().sessions().stream()
                .flatMap(s -> s.exercises().stream())
                .filter(e -> e.causes().contains(cause))
                .map(PlanExercise::id)
                .distinct()
                .map(id -> (Change) new Change.RemoveExercise(id))
                .toList();
    }

    private static Cause activeCause(CareWorld w) {
        return w.services()
                .assessments()
                .latest(w.dana(), w.as(w.dana()))
                .orElseThrow()
                .result()
                .activeCauses()
                .get(0);
    }

    @BothDatabases
    void thePreviewShowsWhatAChangeLeavesUnaddressedAndWritesNoPlan(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        StoredPlan plan = w.services().plans().current(w.dana(), w.as(w.dana())).orElseThrow();
        Cause cause = activeCause(w);
        List<Change> changes = removeAllFor(plan, cause);
        assertThat(changes).isNotEmpty();
        long plans = w.count("SELECT COUNT(*) FROM plans");
        Preview preview =
                w.care().preview(w.kim(), w.dana().id(), new PlanEdit(changes, "too much", ""), w.as(w.kim()));
        assertThat(preview.changes()).allMatch(text -> text.startsWith("Removed "));
        assertThat(preview.after().of(cause).orElseThrow().status()).isNotEqualTo(Coverage.Status.ADDRESSED);
        assertThat(preview.losses())
                .anyMatch(loss ->
                        loss.startsWith("This change leaves " + cause.label().toLowerCase(java.util.Locale.ROOT)));
        assertThat(w.count("SELECT COUNT(*) FROM plans")).isEqualTo(plans);
    }

    @BothDatabases
    void aSavedChangeIsANewVersionNamingTheClinicianAndTheEarlierStaysReadable(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        StoredPlan before =
                w.services().plans().current(w.dana(), w.as(w.dana())).orElseThrow();
        PlanExercise first = before.plan().sessions().get(0).exercises().get(0);
        String session = before.plan().sessions().get(0).id();
        PlanEdit edit = new PlanEdit(
                List.of(
                        new Change.SetDose(first.id(), 3, first.reps(), first.holdSeconds()),
                        new Change.HoldProgression(first.id(), true),
                        new Change.SetDays(session, List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)),
                        new Change.SetBreakInterval(25),
                        new Change.AddHabit(
                                PlanPart.Kind.STRESS,
                                List.of(Cause.STRESS_TENSION),
                                "Evening wind-down",
                                List.of("Ten slow breaths before bed."))),
                "after our session",
                "Three sets from now on; keep the rest as it is.");
        Preview preview = w.care().preview(w.kim(), w.dana().id(), edit, w.as(w.kim()));
        StoredPlan saved = w.care().prescribe(w.kim(), w.dana().id(), edit, preview.digest(), w.as(w.kim()));

        assertThat(saved.id()).isNotEqualTo(before.id());
        assertThat(saved.reason()).isEqualTo("after our session");
        assertThat(saved.change()).hasValueSatisfying(change -> {
            assertThat(change.authorName()).isEqualTo("Kim Physio");
            assertThat(change.note()).isEqualTo("Three sets from now on; keep the rest as it is.");
        });
        assertThat(saved.heldExercises()).containsExactly(first.id());
        assertThat(saved.plan().exercise(first.id()).orElseThrow().sets()).isEqualTo(3);
        assertThat(saved.plan().sessions().get(0).daysOfWeek()).containsExactly(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(saved.plan().desk().orElseThrow().breakIntervalMinutes()).isEqualTo(25);
        assertThat(saved.plan().parts().stream().filter(p -> p.kind() == PlanPart.Kind.DESK_HABITS))
                .allSatisfy(
                        p -> assertThat(p.items()).anyMatch(item -> item.startsWith("Stand up and move every 25 ")));
        assertThat(saved.plan().parts()).anyMatch(p -> p.title().equals("Evening wind-down"));

        List<StoredPlan> versions = w.care().versions(w.dana(), w.as(w.dana()));
        assertThat(versions).extracting(StoredPlan::id).containsExactly(saved.id(), before.id());
        assertThat(versions.get(1).plan()).isEqualTo(before.plan());
        assertThat(versions.get(1).change()).isEmpty();
        assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.prescribe' AND actor_id = "
                        + w.kim().id() + " AND subject_id = " + w.dana().id()))
                .isEqualTo(1);
    }

    @BothDatabases
    void aSaveWithoutTheMatchingPreviewIsRefusedAndWritesNothing(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        PlanEdit edit = new PlanEdit(List.of(new Change.SetBreakInterval(20)), "shorter breaks", "");
        Preview preview = w.care().preview(w.kim(), w.dana().id(), edit, w.as(w.kim()));
        PlanEdit other = new PlanEdit(List.of(new Change.SetBreakInterval(60)), "shorter breaks", "");
        long plans = w.count("SELECT COUNT(*) FROM plans");
        assertThatThrownBy(() -> w.care().prescribe(w.kim(), w.dana().id(), other, preview.digest(), w.as(w.kim())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> w.care().prescribe(w.kim(), w.dana().id(), edit, null, w.as(w.kim())))
                .isInstanceOf(ConflictException.class);
        // Someone saved in between: the preview no longer describes a change of the current plan.
        w.care().prescribe(w.kim(), w.dana().id(), edit, preview.digest(), w.as(w.kim()));
        assertThatThrownBy(() -> w.care().prescribe(w.kim(), w.dana().id(), edit, preview.digest(), w.as(w.kim())))
                .isInstanceOf(ConflictException.class);
        assertThat(w.count("SELECT COUNT(*) FROM plans")).isEqualTo(plans + 1);
    }

    @BothDatabases
    void badChangesAreNamedAndNothingIsApplied(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        PlanEdit edit = new PlanEdit(
                List.of(
                        new Change.SetBreakInterval(20),
                        new Change.RemoveExercise("no-such-exercise"),
                        new Change.SetDose(
                                w.services()
                                        .plans()
                                        .current(w.dana(), w.as(w.dana()))
                                        .orElseThrow()
                                        .plan()
                                        .sessions()
                                        .get(0)
                                        .exercises()
                                        .get(0)
                                        .id(),
                                9,
                                10,
                                0)),
                "",
                "");
        assertThatThrownBy(() -> w.care().preview(w.kim(), w.dana().id(), edit, w.as(w.kim())))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("reason"));
        PlanEdit reasoned = new PlanEdit(edit.changes(), "why", "");
        assertThatThrownBy(() -> w.care().preview(w.kim(), w.dana().id(), reasoned, w.as(w.kim())))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly("changes[1].exercise_id", "changes[2].sets"));
    }

    @BothDatabases
    void anUnlinkedOrRevokedClinicianIsRefusedWithOnlyTheRefusalAudited(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        PlanEdit edit = new PlanEdit(List.of(new Change.SetBreakInterval(20)), "shorter breaks", "");
        Preview preview = w.care().preview(w.kim(), w.dana().id(), edit, w.as(w.kim()));
        String before = w.written();
        long refusals = w.count("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.access.refused'");
        assertThatThrownBy(() -> w.care().preview(w.lee(), w.dana().id(), edit, w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care().prescribe(w.lee(), w.dana().id(), edit, preview.digest(), w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care().prescribe(w.root(), w.dana().id(), edit, preview.digest(), w.as(w.root())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care().prescribe(w.eli(), w.dana().id(), edit, preview.digest(), w.as(w.eli())))
                .isInstanceOf(ForbiddenException.class);
        long link = w.services().careTeam().linksOf(w.dana()).get(0).id();
        w.services().careTeam().revoke(w.dana(), link, w.as(w.dana()));
        String afterRevoke = w.written();
        assertThatThrownBy(() -> w.care().prescribe(w.kim(), w.dana().id(), edit, preview.digest(), w.as(w.kim())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.written()).isEqualTo(afterRevoke);
        assertThat(before.split("/")[0]).isEqualTo(afterRevoke.split("/")[0]);
        assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.access.refused'"))
                .isEqualTo(refusals + 5);
    }
}
