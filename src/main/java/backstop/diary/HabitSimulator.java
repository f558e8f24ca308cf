package backstop.diary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Generates one person's habits day by day: an office worker with weekdays and weekends, holidays, persistent moods
 * and a home exercise habit that slowly takes hold. Every value is at the precision people write it (half hours,
 * five minutes, whole points), so the value the pain model uses is exactly the value the CSV shows.
 */
final class HabitSimulator {
    /** Things people write in the note column; a few contain commas to exercise CSV quoting. */
    private static final List<String> NOTES = List.of(
            "long drive to see family",
            "carried moving boxes, most of the afternoon",
            "new chair at work",
            "deadline week",
            "slept on the sofa",
            "physio appointment",
            "gardening, then a hot shower",
            "travel day, \"economy seat\"",
            "headache in the evening",
            "worked from the kitchen table");

    private final RandomGenerator random;
    private final double deskMean;
    private final double breaksPerHour;
    private final double adherenceStart;
    private final double adherenceEnd;
    private final double stressMean;
    private final double sleepMean;
    private SleepPosition usualPosition;
    private double deskDrift;
    private double stressDrift;
    private int holidayDaysLeft;

    HabitSimulator(RandomGenerator random) {
        this.random = random;
        // Person-level traits: every simulated person is a little different.
        deskMean = uniform(6.0, 8.5);
        breaksPerHour = uniform(0.3, 0.8);
        adherenceStart = uniform(0.15, 0.35);
        adherenceEnd = uniform(0.5, 0.8);
        stressMean = uniform(3.0, 5.0);
        sleepMean = uniform(5.5, 7.5);
        usualPosition = pick(
                new SleepPosition[] {SleepPosition.BACK, SleepPosition.SIDE, SleepPosition.STOMACH},
                new double[] {0.3, 0.5, 0.2});
    }

    /** @param dayIndex days since the diary's first day (negative while warming up), for the adherence trend */
    HabitDay next(LocalDate date, int dayIndex) {
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (holidayDaysLeft == 0 && date.getDayOfWeek() == DayOfWeek.MONDAY && random.nextDouble() < 3.0 / 52) {
            holidayDaysLeft = random.nextBoolean() ? 7 : 14;
        }
        boolean holiday = holidayDaysLeft > 0;
        holidayDaysLeft = Math.max(0, holidayDaysLeft - 1);
        boolean workday = !holiday && (!weekend || random.nextDouble() < 0.04);

        deskDrift = 0.6 * deskDrift + random.nextGaussian();
        double deskHours = workday
                ? halfHours(clamp(deskMean + deskDrift, 2, 13))
                : random.nextDouble() < 0.35 ? halfHours(uniform(0.5, 3)) : 0;
        int breaks = deskHours > 0 ? poisson(deskHours * breaksPerHour) : 0;
        // The longest desk stretch cannot outlast the desk day; a sofa or a car can still beat it.
        double deskStretch = Math.min(deskHours * 60, deskHours * 60 / (breaks + 1) * uniform(0.9, 1.6));
        int longestSit = Math.min(fiveMinutes(Math.max(deskStretch, uniform(20, 90))), DiaryDay.MINUTES_PER_DAY);

        double trend = 1 - Math.exp(-Math.max(dayIndex, 0) / 90.0);
        double adherence = (adherenceStart + (adherenceEnd - adherenceStart) * trend) * (weekend ? 0.8 : 1.0);
        int exercise = random.nextDouble() < adherence ? fiveMinutes(uniform(10, 45)) : 0;

        stressDrift = 0.6 * stressDrift + 1.2 * random.nextGaussian();
        int stress = scale(stressMean + (workday ? 0.8 : -1.0) + stressDrift);
        int sleepQuality = scale(sleepMean - 0.35 * (stress - stressMean) + 1.2 * random.nextGaussian());

        ArmLoad armLoad = pick(
                ArmLoad.values(),
                weekend ? new double[] {0.35, 0.30, 0.25, 0.10} : new double[] {0.55, 0.30, 0.12, 0.03});
        SleepPosition sleepPosition = sleepPosition();
        String note = random.nextDouble() < 0.04 ? NOTES.get(random.nextInt(NOTES.size())) : "";
        return new HabitDay(
                date, deskHours, longestSit, breaks, exercise, stress, sleepQuality, sleepPosition, armLoad, note);
    }

    double sleepMean() {
        return sleepMean;
    }

    /** Mostly the usual position, some restless nights, and now and then a lasting change of habit. */
    private SleepPosition sleepPosition() {
        if (random.nextDouble() < 1.0 / 150) {
            usualPosition = pick(
                    new SleepPosition[] {SleepPosition.BACK, SleepPosition.SIDE, SleepPosition.STOMACH},
                    new double[] {1, 1, 1});
        }
        double draw = random.nextDouble();
        if (draw < 0.82) {
            return usualPosition;
        }
        return draw < 0.94
                ? SleepPosition.MIXED
                : SleepPosition.values()[random.nextInt(SleepPosition.values().length)];
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private int poisson(double mean) {
        // Knuth's method: fine for the small means of breaks in a working day.
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private <T> T pick(T[] choices, double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < choices.length - 1; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return choices[i];
            }
        }
        return choices[choices.length - 1];
    }

    private static double halfHours(double hours) {
        return Math.round(hours * 2) / 2.0;
    }

    private static int fiveMinutes(double minutes) {
        return (int) Math.round(minutes / 5) * 5;
    }

    private static int scale(double value) {
        return (int) clamp(Math.round(value), 0, 10);
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    /** One day's habits, all recorded. */
    record HabitDay(
            LocalDate date,
            double deskHours,
            int longestSitMin,
            int breaks,
            int exerciseMin,
            int stress,
            int sleepQuality,
            SleepPosition sleepPosition,
            ArmLoad armLoad,
            String note) {

        DiaryDay.Builder toDay() {
            return DiaryDay.on(date)
                    .deskHours(deskHours)
                    .longestSitMin(longestSitMin)
                    .breaks(breaks)
                    .exerciseMin(exerciseMin)
                    .stress(stress)
                    .sleepQuality(sleepQuality)
                    .sleepPosition(sleepPosition)
                    .armLoad(armLoad)
                    .note(note);
        }
    }
}
