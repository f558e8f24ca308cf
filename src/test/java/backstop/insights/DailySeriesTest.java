package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.Habit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailySeriesTest {
    @Test
    void theSeriesHoldsEachHabitsValueAsHabitValueOnGivesItAndNaNWhereNothingWasRecorded() throws Exception {
        for (String name : List.of("person-1095d-seed101", "person-180d-seed303")) {
            Diary diary = GoldenRegressionTest.diary(name);
            DailySeries series = DailySeries.of(diary);
            for (DiaryDay day : diary.days()) {
                for (Habit habit : Habit.values()) {
                    Double expected = habit.valueOn(day).orElse(Double.NaN);
                    assertThat(Double.valueOf(series.habit[habit.ordinal()][series.index(day.date())]))
                            .as("%s on %s", habit, day.date())
                            .isEqualTo(expected);
                }
            }
        }
    }
}
