package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.SimulatorSettings;
import backstop.insights.BreakEffect.Status;
import backstop.insights.BreakEffect.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** "Do breaks help me?": says nothing until the diary can carry it, then an estimate with an honest interval. */
class BreakEffectTest {
    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    @Test
    void aShortDiarySaysNotEnoughDataYetAndHowMuchIsNeeded() {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            days.add(DiaryDay.on(START.plusDays(i))
                    .painPm(3 + i % 3)
                    .longestSitMin(40 + 10 * (i % 5))
                    .deskHours(6)
                    .build());
        }
        BreakEffect effect = BreakEffect.sittingStretch(new Diary(days));
        assertThat(effect.status()).isEqualTo(Status.NOT_ENOUGH_DATA);
        assertThat(effect.rows()).as("the first day has no yesterday").isEqualTo(11);
        assertThat(effect.rowsNeeded()).isEqualTo(BreakEffect.MIN_DAYS);
        assertThat(effect.difference()).isEmpty();
        assertThat(effect.verdict()).isEmpty();
    }

    @Test
    void anEmptyDiaryIsNotEnoughDataToo() {
        assertThat(BreakEffect.sittingStretch(Diary.empty()).status()).isEqualTo(Status.NOT_ENOUGH_DATA);
        assertThat(BreakEffect.experiment(Diary.empty(), new AlternatingWeeks(START, Optional.empty()))
                        .status())
                .isEqualTo(Status.NOT_ENOUGH_DATA);
    }

    @Test
    void whenLongUnbrokenSittingRaisesThisPersonsEveningPainTheComparisonFindsIt() {
        Diary diary = DiarySimulator.simulate(SimulatorSettings.defaults(180, 11)
                        .withEffects(List.of(Effect.parse("longest_sit_min:0:0.04"))))
                .diary();
        BreakEffect effect = BreakEffect.sittingStretch(diary);
        assertThat(effect.status()).isEqualTo(Status.ESTIMATED);
        assertThat(effect.verdict()).contains(Verdict.BREAKS_HELP);
        assertThat(effect.low().getAsDouble()).isPositive();
        assertThat(effect.secondMean().getAsDouble())
                .isGreaterThan(effect.firstMean().getAsDouble());
        assertThat(effect.firstGroup() + effect.secondGroup()).isEqualTo(effect.rows());
    }

    @Test
    void withoutAnyEffectTheIntervalRarelyExcludesZero() {
        int claims = 0;
        for (long seed = 1; seed <= 40; seed++) {
            Diary diary = DiarySimulator.simulate(
                            SimulatorSettings.defaults(150, seed).withEffects(List.of()))
                    .diary();
            BreakEffect effect = BreakEffect.sittingStretch(diary);
            assertThat(effect.status()).isEqualTo(Status.ESTIMATED);
            if (effect.verdict().orElseThrow() == Verdict.BREAKS_HELP
                    || effect.verdict().orElseThrow() == Verdict.OPPOSITE) {
                claims++;
            }
        }
        // A 95% interval excludes 0 in about 2 of 40 null diaries; 6 or more would mean the interval is too narrow.
        assertThat(claims).isLessThanOrEqualTo(5);
    }

    @Test
    void daysWithoutDeskWorkAreLeftOut() {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            DiaryDay.Builder day = DiaryDay.on(START.plusDays(i)).painPm(4);
            if (i % 2 == 0) {
                day.deskHours(0).longestSitMin(0);
            } else {
                day.deskHours(7).longestSitMin(60);
            }
            days.add(day.build());
        }
        // Only the 30 desk days count; each has yesterday's evening pain from the free day before.
        assertThat(BreakEffect.sittingStretch(new Diary(days)).rows()).isEqualTo(30);
    }

    @Test
    void anExperimentTooShortForTwoPairsOfPhasesIsNotEnoughData() {
        Diary diary = experimentDiary(42, phase -> AlternatingWeeks.withReminders(phase) ? 4 : 5);
        BreakEffect effect = BreakEffect.experiment(diary, new AlternatingWeeks(START, Optional.empty()));
        assertThat(effect.status()).isEqualTo(Status.NOT_ENOUGH_DATA);
        assertThat(effect.rows()).as("one complete pair in six weeks").isEqualTo(1);
    }

    @Test
    void twoPairsOfPhasesGiveAnEstimateWhoseIntervalIsHonestlyWide() {
        // Without reminders pain is one point higher; the second pair differs a little from the first.
        Diary diary = experimentDiary(56, phase -> switch (phase) {
            case 0 -> 4;
            case 1 -> 5;
            case 2 -> 6;
            default -> 4;
        });
        BreakEffect effect = BreakEffect.experiment(diary, new AlternatingWeeks(START, Optional.empty()));
        assertThat(effect.status()).isEqualTo(Status.ESTIMATED);
        assertThat(effect.rows()).isEqualTo(2);
        assertThat(effect.degreesOfFreedom()).isEqualTo(1);
        assertThat(effect.difference().getAsDouble()).isEqualTo(1.5);
        assertThat(effect.verdict()).contains(Verdict.UNCLEAR);
    }

    @Test
    void fourPairsWithAConsistentDifferenceShowThatBreaksHelp() {
        int[] with = {4, 4, 3, 4};
        int[] without = {5, 5, 5, 5};
        Diary diary = experimentDiary(
                112, phase -> AlternatingWeeks.withReminders(phase) ? with[phase / 2] : without[phase / 2]);
        BreakEffect effect = BreakEffect.experiment(diary, new AlternatingWeeks(START, Optional.empty()));
        assertThat(effect.rows()).isEqualTo(4);
        assertThat(effect.difference().getAsDouble()).isEqualTo(1.25);
        assertThat(effect.verdict()).contains(Verdict.BREAKS_HELP);
    }

    @Test
    void aSteadyTrendCancelsOutBecauseTheOrderSwitchesEveryBlock() {
        // Pain falls by one point every four weeks and the reminders change nothing.
        Diary diary = experimentDiary(112, phase -> 8 - phase / 2);
        BreakEffect effect = BreakEffect.experiment(diary, new AlternatingWeeks(START, Optional.empty()));
        assertThat(effect.difference().getAsDouble()).isEqualTo(0.0);
    }

    @Test
    void theWashoutDaysAtTheStartOfEachPhaseDoNotCount() {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 0; i < 56; i++) {
            int phase = i / AlternatingWeeks.PHASE_DAYS;
            boolean washout = i % AlternatingWeeks.PHASE_DAYS < AlternatingWeeks.WASHOUT_DAYS;
            int pain = washout ? 10 : AlternatingWeeks.withReminders(phase) ? 3 : 3 + (phase == 1 ? 1 : 2);
            days.add(DiaryDay.on(START.plusDays(i)).painPm(pain).build());
        }
        BreakEffect effect = BreakEffect.experiment(new Diary(days), new AlternatingWeeks(START, Optional.empty()));
        assertThat(effect.difference().getAsDouble()).isEqualTo(1.5);
    }

    @Test
    void phasesAfterThePersonStoppedTheExperimentAreLeftOut() {
        Diary diary = experimentDiary(112, phase -> AlternatingWeeks.withReminders(phase) ? 4 : 5);
        AlternatingWeeks stopped = new AlternatingWeeks(START, Optional.of(START.plusDays(60)));
        assertThat(BreakEffect.experiment(diary, stopped).rows()).isEqualTo(2);
        assertThat(stopped.remindersOff(START.plusDays(20))).isTrue();
        assertThat(stopped.remindersOff(START.plusDays(70)))
                .as("after the end reminders are back")
                .isFalse();
    }

    @Test
    void theVerdictReadsTheWholeInterval() {
        assertThat(BreakEffect.verdict(0.2, 1.8)).isEqualTo(Verdict.BREAKS_HELP);
        assertThat(BreakEffect.verdict(-1.8, -0.1)).isEqualTo(Verdict.OPPOSITE);
        assertThat(BreakEffect.verdict(-0.9, 1.1)).isEqualTo(Verdict.SMALLER_THAN_NOTICEABLE);
        assertThat(BreakEffect.verdict(-0.5, 2.6)).isEqualTo(Verdict.UNCLEAR);
    }

    /** A diary whose evening pain is {@code painOfPhase} on every day of each two-week phase. */
    private static Diary experimentDiary(int days, IntUnaryOperator painOfPhase) {
        List<DiaryDay> diary = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            diary.add(DiaryDay.on(START.plusDays(i))
                    .painPm(painOfPhase.applyAsInt(i / AlternatingWeeks.PHASE_DAYS))
                    .build());
        }
        return new Diary(diary);
    }
}
