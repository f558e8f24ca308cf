package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-made diaries for the specification tests: a pain value per day, −1 for a day with no row. */
final class Diaries {
    static final LocalDate START = LocalDate.of(2026, 1, 5);

    private Diaries() {}

    /** Morning and evening pain both equal to the given value; −1 leaves the day out. */
    static Diary ofPain(int... pain) {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 0; i < pain.length; i++) {
            if (pain[i] >= 0) {
                days.add(DiaryDay.on(START.plusDays(i))
                        .painAm(pain[i])
                        .painPm(pain[i])
                        .build());
            }
        }
        return new Diary(days);
    }

    /** Concatenates runs: {@code run(40, 0)} is 40 days of pain 0. */
    static int[] runs(int[]... runs) {
        int total = 0;
        for (int[] run : runs) {
            total += run[0];
        }
        int[] pain = new int[total];
        int at = 0;
        for (int[] run : runs) {
            for (int i = 0; i < run[0]; i++) {
                pain[at++] = run[1];
            }
        }
        return pain;
    }

    static int[] run(int days, int pain) {
        return new int[] {days, pain};
    }
}
