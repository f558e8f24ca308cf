package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.model.Cause;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coverage check on plans as a clinician edits them. */
class CoverageCheckTest {
    private static final Vignettes.Vignette MANY_CAUSES = Vignettes.named("32");
    private static final Plan PLAN = PlanGenerator.build(
            MANY_CAUSES.result(),
            MANY_CAUSES.life(),
            PlanPreferences.defaults(),
            Vignettes.CATALOGUE,
            Vignettes.RULES,
            LocalDate.of(2026, 11, 30));

    private static Plan withoutEveryExerciseFor(Plan plan, Cause cause) {
        Plan edited = plan;
        for (Session session : plan.sessions()) {
            for (PlanExercise exercise : session.exercises()) {
                if (exercise.causes().contains(cause)) {
                    edited = edited.withoutExercise(exercise.id());
                }
            }
        }
        return edited;
    }

    @Test
    void theGeneratedPlanAddressesEveryActiveCause() {
        Coverage coverage = CoverageCheck.check(MANY_CAUSES.result(), PLAN);
        assertThat(MANY_CAUSES.result().activeCauses()).hasSize(5);
        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.causes())
                .allSatisfy(cause -> assertThat(cause.status()).isEqualTo(Coverage.Status.ADDRESSED));
    }

    @Test
    void droppingEveryExerciseForACauseWarnsThatThePlanTreatsTheSymptomOnly() {
        Plan edited = withoutEveryExerciseFor(PLAN, Cause.SLEEP_POSITION);

        Coverage coverage = CoverageCheck.check(MANY_CAUSES.result(), edited);

        assertThat(coverage.complete()).isFalse();
        assertThat(coverage.warnings())
                .singleElement()
                .asString()
                .contains("This plan treats the symptom only")
                .contains("sleep position");
        assertThat(coverage.of(Cause.SLEEP_POSITION)).hasValueSatisfying(sleep -> {
            assertThat(sleep.status()).isEqualTo(Coverage.Status.HABITS_ONLY);
            assertThat(sleep.habits()).containsExactly("Sleep position");
            assertThat(sleep.warning()).isPresent();
        });
    }

    @Test
    void droppingTheExercisesAndTheHabitPartLeavesNothingAddressingTheCause() {
        Plan edited = withoutEveryExerciseFor(PLAN, Cause.STRESS_TENSION).withoutPart(PlanPart.Kind.STRESS);

        Coverage.CauseCoverage stress = CoverageCheck.check(MANY_CAUSES.result(), edited)
                .of(Cause.STRESS_TENSION)
                .orElseThrow();

        assertThat(stress.status()).isEqualTo(Coverage.Status.NOT_ADDRESSED);
        assertThat(stress.warning())
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("treats the symptom only")
                        .contains("nothing in the plan works on it"));
    }

    @Test
    void removingOneOfSeveralExercisesForACauseKeepsItAddressed() {
        String first = PLAN.coverage()
                .of(Cause.POSTURAL_STRAIN)
                .orElseThrow()
                .exerciseIds()
                .get(0);

        Coverage coverage = PLAN.withoutExercise(first).coverage();

        assertThat(coverage.complete()).isTrue();
        assertThat(coverage.of(Cause.POSTURAL_STRAIN).orElseThrow().exerciseIds())
                .doesNotContain(first);
    }

    @Test
    void anExerciseAClinicianAddsCountsForItsCauses() {
        Plan edited = withoutEveryExerciseFor(PLAN, Cause.SLEEP_POSITION);
        PlanExercise openBook = PlanExercise.of(Vignettes.CATALOGUE.get("open-book-rotation"));

        Plan repaired = edited.withExercise("mobility", openBook);

        assertThat(repaired.coverage().complete()).isTrue();
        assertThat(repaired.coverage().of(Cause.SLEEP_POSITION).orElseThrow().exerciseIds())
                .containsExactly("open-book-rotation");
    }

    @Test
    void causesUnderTheThresholdAreListedButNeverWarnedAbout() {
        Vignettes.Vignette desk = Vignettes.named("01");
        Plan plan = PlanGenerator.build(
                desk.result(),
                desk.life(),
                PlanPreferences.defaults(),
                Vignettes.CATALOGUE,
                Vignettes.RULES,
                LocalDate.of(2026, 11, 30));
        Plan bare = plan;
        for (Session session : plan.sessions()) {
            for (PlanExercise exercise : session.exercises()) {
                if (!exercise.causes().contains(Cause.POSTURAL_STRAIN)) {
                    bare = bare.withoutExercise(exercise.id());
                }
            }
        }
        List<Coverage.CauseCoverage> minor = bare.coverage().causes().stream()
                .filter(cause -> !cause.active())
                .toList();
        assertThat(minor).allSatisfy(cause -> assertThat(cause.warning()).isEmpty());
        assertThat(bare.coverage().complete()).isTrue();
    }

    @Test
    void aPlanIsCheckedAgainstANewerAssessmentToo() {
        Vignettes.Vignette desk = Vignettes.named("01");
        Plan deskPlan = PlanGenerator.build(
                desk.result(),
                desk.life(),
                PlanPreferences.defaults(),
                Vignettes.CATALOGUE,
                Vignettes.RULES,
                LocalDate.of(2026, 11, 30));

        // The desk plan meets a later assessment where the person now sleeps on their stomach and is stressed.
        Coverage coverage = CoverageCheck.check(MANY_CAUSES.result(), deskPlan.withoutPart(PlanPart.Kind.DESK_HABITS));

        assertThat(coverage.of(Cause.POSTURAL_STRAIN).orElseThrow().status()).isEqualTo(Coverage.Status.ADDRESSED);
        assertThat(coverage.causes())
                .extracting(Coverage.CauseCoverage::cause)
                .containsAll(MANY_CAUSES.result().activeCauses());
    }
}
