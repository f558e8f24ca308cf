package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.error.BadInputException;
import backstop.exercise.Exercise;
import backstop.plan.Decision;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPart;
import backstop.plan.SessionLog;
import backstop.plan.StoredPlan;
import backstop.plan.WeeklyReview;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The changes one by one on a real plan, the form's reading of them, and a hold that the weekly review keeps. */
class PrescriberTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    @BothDatabases
    void swapsAddsAndPartsChangeThePlanAndTheFormReadsOnlyWhatChanged(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        StoredPlan stored =
                w.services().plans().current(w.dana(), w.as(w.dana())).orElseThrow();
        var plan = stored.plan();
        var catalogue = w.services().exercises();
        PlanExercise first = plan.sessions().get(0).exercises().get(0);
        Exercise other = catalogue.all().stream()
                .filter(e -> plan.exercise(e.id()).isEmpty())
                .findFirst()
                .orElseThrow();
        String session = plan.sessions().get(0).id();
        PlanPart.Kind habit = plan.parts().stream()
                .map(PlanPart::kind)
                .filter(Prescriber.HABIT_KINDS::contains)
                .findFirst()
                .orElseThrow();

        Prescriber.Result swapped = Prescriber.apply(
                plan, List.of(first.id()), List.of(new Change.SwapExercise(first.id(), other.id())), catalogue);
        assertThat(swapped.plan().exercise(first.id())).isEmpty();
        assertThat(swapped.plan().exercise(other.id())).isPresent();
        assertThat(swapped.held()).isEmpty();

        Prescriber.Result added = Prescriber.apply(
                plan,
                List.of(),
                List.of(new Change.AddExercise(session, other.id()), new Change.RemovePart(habit)),
                catalogue);
        assertThat(added.plan().sessions().get(0).contains(other.id())).isTrue();
        assertThat(added.plan().parts()).noneMatch(p -> p.kind() == habit);
        assertThat(added.described()).hasSize(2);

        assertThatThrownBy(() -> Prescriber.apply(
                        plan,
                        List.of(),
                        List.of(
                                new Change.AddExercise(session, first.id()),
                                new Change.SetBreakInterval(5),
                                new Change.RemovePart(PlanPart.Kind.EXERCISE),
                                new Change.AddHabit(PlanPart.Kind.INJECTION_REFERRAL, List.of(), "", List.of())),
                        catalogue))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly(
                                        "changes[0].exercise_id",
                                        "changes[1].minutes",
                                        "changes[2].kind",
                                        "changes[3].kind",
                                        "changes[3].causes",
                                        "changes[3].title",
                                        "changes[3].items"));
        assertThatThrownBy(() -> Prescriber.apply(plan, List.of(), List.of(), catalogue))
                .isInstanceOf(BadInputException.class);

        PlanEdit edit = PlanForm.read(
                plan,
                List.of(),
                Map.of(
                        "sets." + first.id(),
                        List.of(String.valueOf(first.sets())),
                        "reps." + first.id(),
                        List.of(String.valueOf(first.reps() + 1)),
                        "held",
                        List.of(first.id()),
                        "reason",
                        List.of("more reps")));
        assertThat(edit.changes())
                .containsExactly(
                        new Change.SetDose(first.id(), first.sets(), first.reps() + 1, first.holdSeconds()),
                        new Change.HoldProgression(first.id(), true));
        assertThatThrownBy(() -> PlanForm.read(plan, List.of(), Map.of("sets." + first.id(), List.of("many"))))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("sets." + first.id()));
    }

    @BothDatabases
    void aHeldExerciseHoldsAtTheWeeklyReviewWhereItWouldHaveProgressed(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        Caller dana = w.as(w.dana());
        StoredPlan plan = w.services().plans().current(w.dana(), dana).orElseThrow();
        LocalDate today = w.care().today();
        for (LocalDate date = today.minusDays(7); date.isBefore(today); date = date.plusDays(1)) {
            List<SessionLog> logs = plan.plan().today(date).toLog().stream()
                    .map(p -> p.done(p.targetSets(), p.targetReps(), p.targetHoldSeconds(), 2, 2))
                    .toList();
            if (!logs.isEmpty()) {
                w.services().plans().logSession(w.dana(), date, logs, dana);
            }
            w.services()
                    .diary()
                    .save(
                            w.dana(),
                            new CheckIn(DiaryDay.on(date.plusDays(1)).painAm(2).build(), CheckInDetails.none()),
                            "check-in",
                            dana);
        }
        WeeklyReview review = w.services().plans().review(w.dana(), dana);
        String progressing = review.decisions().stream()
                .filter(d -> d.outcome() == Decision.Outcome.PROGRESS)
                .map(Decision::exerciseId)
                .findFirst()
                .orElseThrow();
        PlanEdit hold = new PlanEdit(List.of(new Change.HoldProgression(progressing, true)), "hold", "");
        Preview preview = w.care().preview(w.kim(), w.dana().id(), hold, w.as(w.kim()));
        w.care().prescribe(w.kim(), w.dana().id(), hold, preview.digest(), w.as(w.kim()));

        WeeklyReview held = w.services().plans().review(w.dana(), dana);
        assertThat(held.decisions())
                .filteredOn(d -> d.exerciseId().equals(progressing))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.outcome()).isEqualTo(Decision.Outcome.HOLD);
                    assertThat(d.reason()).contains("clinician");
                });
        if (held.changesAnything()) {
            StoredPlan next = w.services().plans().applyReview(w.dana(), dana);
            assertThat(next.heldExercises()).containsExactly(progressing);
        }
    }
}
