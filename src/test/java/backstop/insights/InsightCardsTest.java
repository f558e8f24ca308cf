package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.Habit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InsightCardsTest {
    @Test
    void aCardSaysInPlainWordsWhatWentWithPainWithItsInterval() {
        InsightReport report = reportWith(significant("desk_hours", 0, 0.3, 0.2, 0.4));

        InsightCard card = InsightCards.from(report).get(0);

        assertThat(card.text())
                .isEqualTo(
                        "On days with one more desk hour, your evening pain was 0.3 points higher (95% CI 0.2–0.4).");
        assertThat(card.cause()).isEqualTo("postural_strain");
        assertThat(card.effect()).isEqualTo(0.3);
    }

    @Test
    void aHabitThatWentWithLessPainIsWordedAsLowerWithTheIntervalTheRightWayRound() {
        InsightCard card = InsightCards.from(reportWith(significant("sleep_quality", 1, -0.16, -0.27, -0.05)))
                .get(0);

        assertThat(card.text())
                .isEqualTo(
                        "On the day after one point better sleep, your evening pain was 0.2 points lower (95% CI 0.1–0.3).");
        assertThat(card.cause()).isEqualTo("stress_tension");
    }

    @Test
    void minutesAreSpokenOfInStepsAPersonCanChange() {
        InsightCard card = InsightCards.from(reportWith(significant("longest_sit_min", 2, 0.01, 0.005, 0.016)))
                .get(0);

        assertThat(card.text())
                .isEqualTo("Two days after a longest sitting stretch 30 minutes longer, your evening pain"
                        + " was 0.3 points higher (95% CI 0.2–0.5).");
    }

    @Test
    void cardsAreRankedByEffectAndOnlySignificantTriggersGetOne() {
        Trigger notSignificant =
                Trigger.estimated("breaks", 0, 200, -0.9, -2, 0.2, 0.2).withQValue(0.3, 0.05);
        InsightReport report = reportWith(
                significant("stress", 0, 0.2, 0.1, 0.3),
                notSignificant,
                significant("sleep_position=stomach", 0, 0.8, 0.3, 1.3),
                significant("desk_hours", 0, 0.3, 0.2, 0.4));

        assertThat(InsightCards.from(report))
                .extracting(InsightCard::habit)
                .containsExactly("sleep_position=stomach", "desk_hours", "stress");
        assertThat(InsightCards.from(report).get(0).text())
                .startsWith("On days with a night on your stomach rather" + " than your back,");
    }

    @Test
    void everyHabitLeadsToOneOfTheFiveRootCauses() {
        List<String> causes =
                List.of("postural_strain", "muscle_overuse", "joint_irritation", "stress_tension", "sleep_position");
        for (Habit habit : Habit.values()) {
            assertThat(causes).contains(InsightCards.cause(habit));
        }
    }

    @Test
    void theTextFormatNamesEachPartOfTheReport() {
        InsightReport report = Insights.report(
                InsightsReportTest.simulated(365, 8, List.of(), 0.08), InsightSettings.defaults(), Optional.empty());

        assertThat(InsightsText.format(report))
                .contains(
                        "Diary: ",
                        "Episodes (",
                        "Flare-ups (",
                        "Recurrence: ",
                        "What went with your pain",
                        "Tomorrow: ",
                        "extrapolation",
                        "not what caused it");
    }

    private static Trigger significant(String habit, int lag, double effect, double low, double high) {
        return Trigger.estimated(habit, lag, 300, effect, low, high, 0.0001).withQValue(0.001, 0.05);
    }

    private static InsightReport reportWith(Trigger... triggers) {
        InsightReport base = Insights.report(
                InsightsReportTest.simulated(60, 1, List.of(), 0), InsightSettings.defaults(), Optional.empty());
        return new InsightReport(
                base.status(),
                base.reason(),
                base.days(),
                base.spanDays(),
                base.daysWithEveningPain(),
                base.firstDate(),
                base.lastDate(),
                base.model(),
                base.episodes(),
                base.flares(),
                new ArrayList<>(List.of(triggers)),
                base.recurrence(),
                base.forecast(),
                base.notes());
    }
}
