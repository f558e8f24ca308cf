package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.exercise.Equipment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Weekly progression by the pain-monitoring model: the exercise's own steps, thresholds from ProgressionRules. */
class ProgressionTest {
    private static final Set<Equipment> HOME = EnumSet.of(Equipment.CHAIR, Equipment.WALL, Equipment.TOWEL);
    private static final Progression PROGRESSION = new Progression(Vignettes.CATALOGUE, HOME);
    private static final ProgressionRules RULES = Vignettes.RULES.progression();
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    /** Starting dose 2 x 10; progressions: 15 reps, then wall-push-up-plus; regressions: 6 reps, then scapular-depression-seated. */
    private static final PlanExercise WALL_SLIDE = PlanExercise.of(Vignettes.CATALOGUE.get("forearm-wall-slide"));

    /** Three sessions of the exercise, all done as planned, with the given pain during and next morning (before: 2). */
    private static List<SessionLog> week(PlanExercise exercise, int painDuring, int painNextMorning) {
        List<SessionLog> logs = new ArrayList<>();
        for (int day : new int[] {0, 2, 4}) {
            logs.add(SessionLog.Planned.of(MONDAY.plusDays(day), exercise)
                    .done(exercise.sets(), exercise.reps(), exercise.holdSeconds(), 2, painDuring)
                    .withPainNextMorning(painNextMorning));
        }
        return logs;
    }

    @Test
    void acceptablePainThatSettlesByMorningProgressesToTheFirstStep() {
        Decision decision = PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 4, 2), RULES);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.PROGRESS);
        assertThat(decision.next().id()).isEqualTo("forearm-wall-slide");
        assertThat(decision.next().reps()).isEqualTo(15);
        assertThat(decision.reason()).contains("5 out of 10");
    }

    @Test
    void painOfFiveIsStillAcceptableButSixHolds() {
        assertThat(PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 5, 2), RULES).outcome())
                .isEqualTo(Decision.Outcome.PROGRESS);
        List<SessionLog> logs = new ArrayList<>(week(WALL_SLIDE, 3, 2));
        logs.set(
                0,
                SessionLog.Planned.of(MONDAY, WALL_SLIDE).done(2, 10, 0, 2, 6).withPainNextMorning(2));

        Decision decision = PROGRESSION.weekly(WALL_SLIDE, logs, RULES);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(decision.next()).isEqualTo(WALL_SLIDE);
        assertThat(decision.reason()).contains("above 5 out of 10").contains("1 of 3");
    }

    @Test
    void painNotBackToBaselineNextMorningHolds() {
        List<SessionLog> logs = new ArrayList<>(week(WALL_SLIDE, 3, 2));
        logs.set(1, logs.get(1).withPainNextMorning(4));

        Decision decision = PROGRESSION.weekly(WALL_SLIDE, logs, RULES);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(decision.reason()).contains("next morning");
    }

    @Test
    void painAtSevenOrMostSessionsTooPainfulRegresses() {
        Decision severe = PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 7, 3), RULES);
        assertThat(severe.outcome()).isEqualTo(Decision.Outcome.REGRESS);
        assertThat(severe.next().reps()).isEqualTo(6);

        Decision mostlyTooMuch = PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 6, 4), RULES);
        assertThat(mostlyTooMuch.outcome()).isEqualTo(Decision.Outcome.REGRESS);
    }

    @Test
    void thresholdsAreConfigurable() {
        List<SessionLog> oneAtFour = new ArrayList<>(week(WALL_SLIDE, 3, 2));
        oneAtFour.set(
                0,
                SessionLog.Planned.of(MONDAY, WALL_SLIDE).done(2, 10, 0, 2, 4).withPainNextMorning(2));
        ProgressionRules strict = new ProgressionRules("strict-test", 3, 0, 6, 2, 80);

        assertThat(PROGRESSION.weekly(WALL_SLIDE, oneAtFour, RULES).outcome()).isEqualTo(Decision.Outcome.PROGRESS);
        Decision strictly = PROGRESSION.weekly(WALL_SLIDE, oneAtFour, strict);
        assertThat(strictly.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(strictly.rulesVersion()).isEqualTo("strict-test");

        ProgressionRules lenientMorning = new ProgressionRules("lenient-test", 5, 2, 7, 2, 80);
        assertThat(PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 4, 4), RULES).outcome())
                .isEqualTo(Decision.Outcome.REGRESS);
        assertThat(PROGRESSION
                        .weekly(WALL_SLIDE, week(WALL_SLIDE, 4, 4), lenientMorning)
                        .outcome())
                .isEqualTo(Decision.Outcome.PROGRESS);
    }

    @Test
    void rulesThatContradictThemselvesAreRefused() {
        assertThatThrownBy(() -> new ProgressionRules("bad", 6, 0, 5, 2, 80))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regress_pain_during");
    }

    @Test
    void tooFewSessionsOrNoMorningRatingHold() {
        Decision one = PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 2, 2).subList(0, 1), RULES);
        assertThat(one.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(one.reason()).contains("1 session was logged");

        List<SessionLog> unrated = week(WALL_SLIDE, 2, 2).stream()
                .map(log -> new SessionLog(
                        log.date(),
                        log.exerciseId(),
                        log.targetSets(),
                        log.targetReps(),
                        log.targetHoldSeconds(),
                        log.sets(),
                        log.reps(),
                        log.holdSeconds(),
                        log.painBefore(),
                        log.painDuring(),
                        java.util.Optional.empty()))
                .toList();
        assertThat(PROGRESSION.weekly(WALL_SLIDE, unrated, RULES).reason()).contains("No next-morning pain");
    }

    @Test
    void plannedWorkNotDoneHoldsEvenWhenPainIsFine() {
        List<SessionLog> logs = week(WALL_SLIDE, 2, 2).stream()
                .map(log -> SessionLog.Planned.of(log.date(), WALL_SLIDE)
                        .done(2, 7, 0, 2, 2)
                        .withPainNextMorning(2))
                .toList();

        Decision decision = PROGRESSION.weekly(WALL_SLIDE, logs, RULES);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(decision.reason()).contains("0 of 3");
    }

    @Test
    void laterStepsSwitchToTheNextExerciseAndBackDownTheLadder() {
        PlanExercise progressed =
                PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 3, 2), RULES).next();
        PlanExercise switched =
                PROGRESSION.weekly(progressed, week(progressed, 3, 2), RULES).next();
        assertThat(switched.id()).isEqualTo("wall-push-up-plus");

        PlanExercise easier =
                PROGRESSION.weekly(WALL_SLIDE, week(WALL_SLIDE, 8, 4), RULES).next();
        PlanExercise backToStart =
                PROGRESSION.weekly(easier, week(easier, 2, 2), RULES).next();
        assertThat(backToStart).isEqualTo(WALL_SLIDE);
    }

    @Test
    void aStepNeedingEquipmentThePersonLacksIsSkipped() {
        // band-row progresses to one-arm-row-supported, which needs light weights.
        Progression withBandOnly = new Progression(Vignettes.CATALOGUE, EnumSet.of(Equipment.BAND));
        PlanExercise bandRow = PlanExercise.of(Vignettes.CATALOGUE.get("band-row"));
        PlanExercise threeSets =
                withBandOnly.weekly(bandRow, week(bandRow, 2, 2), RULES).next();

        Decision decision = withBandOnly.weekly(threeSets, week(threeSets, 2, 2), RULES);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.HOLD);
        assertThat(decision.reason()).contains("fits your equipment");
    }

    @Test
    void logsOfOtherExercisesAreIgnored() {
        PlanExercise other = PlanExercise.of(Vignettes.CATALOGUE.get("cat-camel"));
        assertThat(PROGRESSION.weekly(WALL_SLIDE, week(other, 9, 9), RULES).outcome())
                .isEqualTo(Decision.Outcome.HOLD);
    }

    @Test
    void aDecisionIsAppliedToThePlanByReplacingTheExercise() {
        Vignettes.Vignette desk = Vignettes.named("01");
        Plan plan = PlanGenerator.build(
                desk.result(), desk.life(), PlanPreferences.defaults(), Vignettes.CATALOGUE, Vignettes.RULES, MONDAY);
        PlanExercise current = plan.exercise("forearm-wall-slide").orElseThrow();

        Decision decision = PROGRESSION.weekly(current, week(current, 3, 2), RULES);
        Plan next = plan.withExerciseReplaced(decision.exerciseId(), decision.next());

        assertThat(next.exercise("forearm-wall-slide").orElseThrow().reps()).isEqualTo(15);
    }
}
