package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.assessment.Urgency;
import backstop.model.Cause;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every clinical vignette of the assessment, taken on to a plan. */
class PlanVignetteTest {
    private static final LocalDate START = LocalDate.of(2026, 11, 30);

    static Stream<Vignettes.Vignette> all() {
        return Vignettes.stream();
    }

    static Stream<Vignettes.Vignette> planned() {
        return Vignettes.stream().filter(vignette -> !vignette.result().isEmergency());
    }

    static Stream<Vignettes.Vignette> emergencies() {
        return Vignettes.stream().filter(vignette -> vignette.result().isEmergency());
    }

    static Stream<Vignettes.Vignette> seeADoctorFirst() {
        return Vignettes.stream()
                .filter(vignette -> vignette.result().urgency() == Urgency.URGENT
                        || vignette.result().urgency() == Urgency.SOON);
    }

    /** Self-care as it comes; urgent and soon after a clinician has cleared the person. */
    private static Plan planFor(Vignettes.Vignette vignette) {
        PlanPreferences preferences = vignette.result().urgency() == Urgency.SELF_CARE
                ? PlanPreferences.defaults()
                : PlanPreferences.defaults().withClinicianClearance();
        return PlanGenerator.build(
                vignette.result(), vignette.life(), preferences, Vignettes.CATALOGUE, Vignettes.RULES, START);
    }

    @Test
    void everyAssessmentVignetteIsHere() {
        assertThat(Vignettes.all()).hasSizeGreaterThanOrEqualTo(83);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planned")
    void everyActiveCauseIsAddressedByAnExercise(Vignettes.Vignette vignette) {
        Plan plan = planFor(vignette);
        Coverage coverage = CoverageCheck.check(vignette.result(), plan);

        assertThat(coverage.warnings()).as("warnings").isEmpty();
        for (Cause cause : vignette.result().activeCauses()) {
            assertThat(coverage.of(cause)).as(cause.key()).hasValueSatisfying(covered -> {
                assertThat(covered.status()).isEqualTo(Coverage.Status.ADDRESSED);
                assertThat(covered.exerciseIds()).isNotEmpty();
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planned")
    void everyCauseThatScoredHasAPartSayingItAddressesIt(Vignettes.Vignette vignette) {
        Plan plan = planFor(vignette);
        vignette.result().causes().stream()
                .filter(score -> score.score() > 0)
                .forEach(score -> assertThat(plan.parts())
                        .as(score.cause().key())
                        .anySatisfy(part -> assertThat(part.causes()).contains(score.cause())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planned")
    void sessionsFitTheDefaultFifteenMinutesAndFillTheWeek(Vignettes.Vignette vignette) {
        Plan plan = planFor(vignette);
        assertThat(plan.sessions()).allSatisfy(session -> {
            assertThat(session.estimatedSeconds()).isLessThanOrEqualTo(15 * 60);
            assertThat(session.exercises()).isNotEmpty();
        });
        assertThat(plan.sessions().stream()
                        .mapToInt(session -> session.daysOfWeek().size())
                        .sum())
                .isEqualTo(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planned")
    void thePlanSurvivesItsOwnJson(Vignettes.Vignette vignette) {
        Plan plan = planFor(vignette);
        assertThat(Plan.fromJson(plan.toJson())).isEqualTo(plan);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emergencies")
    void anEmergencyGetsNoPlanEvenWhenCleared(Vignettes.Vignette vignette) {
        assertThatThrownBy(() -> PlanGenerator.build(
                        vignette.result(),
                        vignette.life(),
                        PlanPreferences.defaults().withClinicianClearance(),
                        Vignettes.CATALOGUE,
                        Vignettes.RULES,
                        START))
                .isInstanceOf(NoPlanException.class)
                .hasMessageContaining("emergency")
                .satisfies(thrown ->
                        assertThat(((NoPlanException) thrown).urgency()).isEqualTo(Urgency.EMERGENCY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeADoctorFirst")
    void urgentAndSoonWaitForAClinician(Vignettes.Vignette vignette) {
        assertThatThrownBy(() -> PlanGenerator.build(
                        vignette.result(),
                        vignette.life(),
                        PlanPreferences.defaults(),
                        Vignettes.CATALOGUE,
                        Vignettes.RULES,
                        START))
                .isInstanceOf(NoPlanException.class)
                .hasMessageContaining("see a doctor first")
                .hasMessageContaining(vignette.result().urgencyAdvice());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void theSameAssessmentAlwaysGivesTheSamePlan(Vignettes.Vignette vignette) {
        if (vignette.result().isEmergency()) {
            return;
        }
        assertThat(planFor(vignette)).isEqualTo(planFor(vignette));
    }
}
