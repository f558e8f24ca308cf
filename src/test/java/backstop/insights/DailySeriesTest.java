package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.Diary;
import backstop.diary.DiaryColumns;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryDay;
import backstop.diary.Habit;
import backstop.diary.ImportMode;
import java.nio.charset.StandardCharsets;
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

    @Test
    void aDayNotRecordedIsNaNInEveryColumnWhetherTheSeriesComesFromDaysOrStraightFromTheFile() throws Exception {
        String name = "/insights/gappy/191-days-2025-and-4-days-2026.csv";
        byte[] csv;
        try (var in = getClass().getResourceAsStream(name)) {
            csv = in.readAllBytes();
        }
        Diary diary = DiaryCsv.read(new String(csv, StandardCharsets.UTF_8), ImportMode.STRICT)
                .diary();
        for (DailySeries series : List.of(
                DailySeries.of(diary),
                DailySeries.of(DiaryColumns.readPlainCsv(csv).orElseThrow()))) {
            int unrecorded = 0;
            for (int t = 0; t < series.length; t++) {
                boolean recorded = diary.day(series.date(t)).isPresent();
                assertThat(series.recorded[t]).isEqualTo(recorded);
                if (!recorded) {
                    unrecorded++;
                    assertThat(series.painAm[t]).isNaN();
                    assertThat(series.painPm[t]).isNaN();
                    for (Habit habit : Habit.values()) {
                        assertThat(series.habit[habit.ordinal()][t])
                                .as("%s on %s", habit, series.date(t))
                                .isNaN();
                    }
                }
            }
            assertThat(unrecorded).isGreaterThan(100);
        }
    }
}
