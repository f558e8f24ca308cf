package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the Today page shows and records. */
class PlanTodayTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final Vignettes.Vignette DESK = Vignettes.named("01");
    private static final Plan PLAN = PlanGenerator.build(
            DESK.result(), DESK.life(), PlanPreferences.defaults(), Vignettes.CATALOGUE, Vignettes.RULES, MONDAY);

    @Test
    void mondayIsAStrengthDayAndTuesdayAMobilityDay() {
        assertThat(PLAN.today(MONDAY).sessions()).extracting(Session::id).containsExactly("strength");
        assertThat(PLAN.today(MONDAY.plusDays(1)).sessions())
                .extracting(Session::id)
                .containsExactly("mobility");
        assertThat(PLAN.today(MONDAY).microBreak())
                .isEqualTo(PLAN.desk().orElseThrow().microBreak());
    }

    @Test
    void beforeThePlanStartsThereIsNothingToDo() {
        assertThat(PLAN.today(MONDAY.minusDays(1)).sessions()).isEmpty();
    }

    @Test
    void theDayBecomesLogsWithPlannedNextToDone() {
        List<SessionLog.Planned> planned = PLAN.today(MONDAY).toLog();
        assertThat(planned)
                .hasSize(PLAN.today(MONDAY).sessions().get(0).exercises().size());

        SessionLog.Planned first = planned.get(0);
        SessionLog log = first.done(first.targetSets(), first.targetReps() - 2, first.targetHoldSeconds(), 3, 4);

        assertThat(log.targetReps()).isEqualTo(first.targetReps());
        assertThat(log.reps()).isEqualTo(first.targetReps() - 2);
        assertThat(log.completedTarget()).isFalse();
        assertThat(log.painNextMorning()).isEmpty();
        assertThat(log.withPainNextMorning(3).painNextMorning()).contains(3);
    }

    @Test
    void aLogWithPainOutsideZeroToTenIsRefusedNamingTheField() {
        SessionLog.Planned first = PLAN.today(MONDAY).toLog().get(0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.done(2, 10, 0, 3, 11))
                .isInstanceOf(backstop.error.BadInputException.class)
                .hasMessageContaining("pain_during");
    }
}
