package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiaryDayTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void aDayWithOnlyADateHasNothingRecorded() {
        DiaryDay day = DiaryDay.on(MONDAY).build();

        assertThat(day.isBlank()).isTrue();
        assertThat(day.painPm()).isEmpty();
        assertThat(day.deskHours()).isEmpty();
        assertThat(day.sleepPosition()).isEmpty();
        assertThat(day.note()).isEmpty();
    }

    @Test
    void everyOutOfRangeValueIsReportedAtOnceByItsColumnName() {
        assertThatThrownBy(() -> DiaryDay.on(MONDAY)
                        .painAm(11)
                        .stress(-1)
                        .deskHours(24.5)
                        .longestSitMin(1441)
                        .build())
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        refused -> assertThat(refused.errors())
                                .containsExactly(
                                        new FieldError("pain_am", "must be between 0 and 10, was 11"),
                                        new FieldError("desk_hours", "must be between 0 and 24 hours, was 24.5"),
                                        new FieldError("longest_sit_min", "must be between 0 and 1440, was 1441"),
                                        new FieldError("stress", "must be 0 or more, was -1")));
    }

    @Test
    void deskHoursMustBeAFiniteNumber() {
        assertThatThrownBy(() -> DiaryDay.on(MONDAY).deskHours(Double.NaN).build())
                .hasMessage("desk_hours: must be between 0 and 24 hours, was NaN");
    }

    @Test
    void negativeZeroDeskHoursAreZero() {
        assertThat(DiaryDay.on(MONDAY).deskHours(-0.0).build())
                .isEqualTo(DiaryDay.on(MONDAY).deskHours(0).build());
    }

    @Test
    void aNoteThatCannotBeWrittenAsUtf8IsRefused() {
        assertThatThrownBy(() -> DiaryDay.on(MONDAY).note("broken \uD83D here").build())
                .hasMessage("note: contains a broken character (an unpaired UTF-16 surrogate)");
        assertThat(DiaryDay.on(MONDAY).note("whole emoji \uD83D\uDE00").build().note())
                .endsWith("😀");
    }

    @Test
    void aDiaryKeepsItsDaysInDateOrderAndRefusesTwoDaysWithOneDate() {
        DiaryDay tuesday = DiaryDay.on(MONDAY.plusDays(1)).painPm(3).build();
        DiaryDay monday = DiaryDay.on(MONDAY).painPm(4).build();

        Diary diary = new Diary(List.of(tuesday, monday));

        assertThat(diary.days()).containsExactly(monday, tuesday);
        assertThat(diary.day(MONDAY.plusDays(1))).contains(tuesday);
        assertThat(diary.day(MONDAY.plusDays(2))).isEmpty();
        assertThatThrownBy(() -> new Diary(List.of(monday, DiaryDay.on(MONDAY).build())))
                .hasMessage("date: 2026-03-02 appears more than once");
    }

    @Test
    void habitValuesAreTheColumnsAsWrittenAndSleepPositionsAreContrastsAgainstTheBack() {
        DiaryDay side = DiaryDay.on(MONDAY)
                .deskHours(7.5)
                .armLoad(ArmLoad.MODERATE)
                .sleepPosition(SleepPosition.SIDE)
                .build();
        DiaryDay back = DiaryDay.on(MONDAY).sleepPosition(SleepPosition.BACK).build();

        assertThat(Habit.DESK_HOURS.valueOn(side)).hasValue(7.5);
        assertThat(Habit.ARM_LOAD.valueOn(side)).hasValue(2);
        assertThat(Habit.SLEEP_POSITION_SIDE.valueOn(side)).hasValue(1);
        assertThat(Habit.SLEEP_POSITION_STOMACH.valueOn(side)).hasValue(0);
        assertThat(Habit.SLEEP_POSITION_SIDE.valueOn(back)).hasValue(0);
        assertThat(Habit.STRESS.valueOn(side)).isEmpty();
        assertThat(Habit.SLEEP_POSITION_MIXED.valueOn(DiaryDay.on(MONDAY).build()))
                .isEmpty();
    }
}
