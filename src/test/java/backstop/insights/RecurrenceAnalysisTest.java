package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecurrenceAnalysisTest {
    private static final InsightSettings DEFAULTS = InsightSettings.defaults();

    @Test
    void kaplanMeierStepsDownAtEachRecurrenceAndLetsCensoredIntervalsLeaveQuietly() {
        Recurrence.KaplanMeier curve = RecurrenceAnalysis.kaplanMeier(List.of(
                new Recurrence.Interval(40, false),
                new Recurrence.Interval(60, true),
                new Recurrence.Interval(80, false),
                new Recurrence.Interval(100, false)));

        assertThat(curve.steps())
                .containsExactly(
                        new Recurrence.Step(40, 4, 1, 0.75),
                        new Recurrence.Step(80, 2, 1, 0.375),
                        new Recurrence.Step(100, 1, 1, 0));
        assertThat(curve.medianDays()).hasValue(80);
        assertThat(curve.recurrences()).isEqualTo(3);
    }

    @Test
    void theMedianIsAbsentWhileMostIntervalsAreStillOpen() {
        Recurrence.KaplanMeier curve = RecurrenceAnalysis.kaplanMeier(List.of(
                new Recurrence.Interval(40, false),
                new Recurrence.Interval(60, true),
                new Recurrence.Interval(70, true)));

        assertThat(curve.medianDays()).isEmpty();
    }

    @Test
    void threeEpisodesGiveTwoRecurrencesAndACensoredLastInterval() {
        int[] pain = Diaries.runs(
                Diaries.run(40, 0),
                Diaries.run(3, 5),
                Diaries.run(50, 0),
                Diaries.run(3, 5),
                Diaries.run(70, 0),
                Diaries.run(3, 5),
                Diaries.run(45, 0));
        DailySeries series = DailySeries.of(Diaries.ofPain(pain));
        List<Episode> episodes = EpisodeFinder.find(series, DEFAULTS);

        Recurrence recurrence = RecurrenceAnalysis.analyse(series, episodes, List.of(), Optional.empty(), DEFAULTS);

        assertThat(recurrence.intervals())
                .containsExactly(
                        new Recurrence.Interval(51, false),
                        new Recurrence.Interval(71, false),
                        new Recurrence.Interval(45, true));
        assertThat(recurrence.timeToRecurrence()).isPresent();
        assertThat(recurrence.episodesPerYear().getAsDouble()).isCloseTo(3 / (214 / 365.25), within(1e-9));
    }

    @Test
    void fewerThanThreeIntervalsGiveNoCurveButSayWhy() {
        int[] pain = Diaries.runs(Diaries.run(40, 0), Diaries.run(3, 5), Diaries.run(50, 0));
        DailySeries series = DailySeries.of(Diaries.ofPain(pain));

        Recurrence recurrence = RecurrenceAnalysis.analyse(
                series, EpisodeFinder.find(series, DEFAULTS), List.of(), Optional.empty(), DEFAULTS);

        assertThat(recurrence.timeToRecurrence()).isEmpty();
        assertThat(recurrence.timeToRecurrenceReason())
                .hasValue(
                        "the time to recurrence needs at least 3 pain-free intervals between episodes; the diary has 1");
    }

    @Test
    void tenFlaresBeforeThePlanAndOneAfterInEqualTimeIsAClearSlowdown() {
        DailySeries series = DailySeries.of(Diaries.ofPain(new int[730]));
        LocalDate planStart = Diaries.START.plusDays(365);

        Recurrence.RateChange change = RecurrenceAnalysis.compare(
                series, planStart, events(10, Diaries.START, 1, planStart), Function.identity(), "flare-ups", DEFAULTS);

        // Given 11 events in two equal halves, P(at most 1 after) = (1 + 11) / 2^11.
        assertThat(change.pValue().getAsDouble()).isCloseTo(12 / 2048.0, within(1e-12));
        assertThat(change.verdict()).isEqualTo(RecurrenceAnalysis.FEWER);
    }

    @Test
    void sixBeforeAndOneAfterIsNotEnoughToCallAChange() {
        DailySeries series = DailySeries.of(Diaries.ofPain(new int[730]));
        LocalDate planStart = Diaries.START.plusDays(365);

        Recurrence.RateChange change = RecurrenceAnalysis.compare(
                series, planStart, events(6, Diaries.START, 1, planStart), Function.identity(), "flare-ups", DEFAULTS);

        assertThat(change.pValue().getAsDouble()).isCloseTo(8 / 128.0, within(1e-12));
        assertThat(change.verdict()).isEqualTo(RecurrenceAnalysis.NO_CLEAR_CHANGE);
        assertThat(change.text()).contains("only a large change would show");
    }

    @Test
    void aPlanStartedLessThanThreeMonthsAgoIsTooRecentToJudge() {
        DailySeries series = DailySeries.of(Diaries.ofPain(new int[400]));

        Recurrence.RateChange change = RecurrenceAnalysis.compare(
                series, Diaries.START.plusDays(350), List.<LocalDate>of(), Function.identity(), "episodes", DEFAULTS);

        assertThat(change.verdict()).isEqualTo(RecurrenceAnalysis.NOT_ENOUGH);
        assertThat(change.pValue()).isEmpty();
        assertThat(change.text()).contains("350 before and 50 after");
    }

    private static List<LocalDate> events(int before, LocalDate start, int after, LocalDate planStart) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            dates.add(start.plusDays(10L + 30 * i));
        }
        for (int i = 0; i < after; i++) {
            dates.add(planStart.plusDays(10L + 30 * i));
        }
        return dates;
    }
}
