package backstop.diary;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Decides what a simulated person forgot to write down. Whole days go missing in runs: most runs are one or two
 * days, one in seven is a longer gap of 5–14 days (a holiday without the app). Of the days that are recorded, each
 * value is left empty with the cell rate. Notes are never blanked: an empty note already means "no note".
 */
final class MissingData {
    private static final double LONG_GAP_SHARE = 0.15;
    // 0.85 × mean 2 days + 0.15 × mean 9.5 days
    private static final double MEAN_RUN_DAYS = (1 - LONG_GAP_SHARE) * 2 + LONG_GAP_SHARE * 9.5;

    private final RandomGenerator random;
    private final double runStartChance;
    private final double cellRate;

    MissingData(SimulatorSettings settings, RandomGenerator random) {
        this.random = random;
        double dayRate = settings.missingDayRate();
        // A run follows a recorded day with chance q; then the missing share is qL / (1 + qL).
        this.runStartChance = dayRate / ((1 - dayRate) * MEAN_RUN_DAYS);
        this.cellRate = settings.missingCellRate();
    }

    List<DiaryDay> record(List<HabitSimulator.HabitDay> habitDays, int[] painAm, int[] painPm, int firstIndex) {
        List<DiaryDay> recorded = new ArrayList<>();
        int missingLeft = 0;
        for (int i = firstIndex; i < habitDays.size(); i++) {
            if (missingLeft == 0 && random.nextDouble() < runStartChance) {
                missingLeft = runLength();
            }
            if (missingLeft > 0) {
                missingLeft--;
                continue;
            }
            recorded.add(recordDay(habitDays.get(i), painAm[i], painPm[i]));
        }
        return recorded;
    }

    private int runLength() {
        if (random.nextDouble() < LONG_GAP_SHARE) {
            return 5 + random.nextInt(10);
        }
        int length = 1;
        while (random.nextBoolean()) {
            length++;
        }
        return length;
    }

    private DiaryDay recordDay(HabitSimulator.HabitDay habits, int painAm, int painPm) {
        DiaryDay.Builder day = DiaryDay.on(habits.date()).note(habits.note());
        if (kept()) {
            day.painAm(painAm);
        }
        if (kept()) {
            day.painPm(painPm);
        }
        if (kept()) {
            day.deskHours(habits.deskHours());
        }
        if (kept()) {
            day.longestSitMin(habits.longestSitMin());
        }
        if (kept()) {
            day.breaks(habits.breaks());
        }
        if (kept()) {
            day.exerciseMin(habits.exerciseMin());
        }
        if (kept()) {
            day.stress(habits.stress());
        }
        if (kept()) {
            day.sleepQuality(habits.sleepQuality());
        }
        if (kept()) {
            day.sleepPosition(habits.sleepPosition());
        }
        if (kept()) {
            day.armLoad(habits.armLoad());
        }
        return day.build();
    }

    private boolean kept() {
        return random.nextDouble() >= cellRate;
    }
}
