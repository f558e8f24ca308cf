package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.DiaryDay;
import backstop.diary.Habit;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailySeriesTest {
    @Test
    void theSeriesHoldsEachHabitsValueAsHabitValueOnGivesItAndNaNWhereNothingWasRecorded() throws Exception {
        for (String name : List.of("person-1095d-seed101", "person-180d-seed303")) {
            for (DiaryDay day : GoldenRegressionTest.diary(name).days()) {
                for (Habit habit : Habit.values()) {
                    Double expected = habit.valueOn(day).orElse(Double.NaN);
                    assertThat(Double.valueOf(DailySeries.valueOn(habit, day)))
                            .as("%s on %s", habit, day.date())
                            .isEqualTo(expected);
                }
            }
        }
    }
}
