package backstop.diary;

import backstop.error.BadInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that decides a simulated diary. Start from {@link #defaults(int, long)} and change what a test needs;
 * the defaults and the model are described in {@code docs/formats.md}.
 *
 * @param baselinePain the long-run mean of latent evening pain; the intercept c is derived from it
 * @param persistence φ, how much of yesterday's evening pain carries into today
 * @param noiseSd the standard deviation of the daily Gaussian noise e[t]
 * @param dayOfWeek the day-of-week term added to latent evening pain
 * @param flaresPerYear the expected number of planted flare-ups per 365 days
 * @param missingDayRate the expected share of days with no row at all
 * @param missingCellRate the chance that any one cell of a recorded day is left empty
 */
public record SimulatorSettings(
        int days,
        long seed,
        LocalDate start,
        List<Effect> effects,
        double baselinePain,
        double persistence,
        double noiseSd,
        Map<DayOfWeek, Double> dayOfWeek,
        double flaresPerYear,
        double missingDayRate,
        double missingCellRate) {

    /** A Monday, so that default diaries start with a full week; fixed so that no clock enters a simulation. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2025, 1, 6);

    static final int MAX_DAYS = 100 * 366;

    public SimulatorSettings {
        Objects.requireNonNull(start, "start");
        effects = List.copyOf(effects);
        Map<DayOfWeek, Double> fullWeek = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            fullWeek.put(day, dayOfWeek.getOrDefault(day, 0.0));
        }
        dayOfWeek = Map.copyOf(fullWeek);
        check(days >= 1 && days <= MAX_DAYS, "days", "must be between 1 and " + MAX_DAYS + ", was " + days);
        check(baselinePain >= 0 && baselinePain <= 10, "baseline_pain", "must be between 0 and 10");
        check(persistence >= 0 && persistence < 1, "persistence", "φ must be at least 0 and below 1");
        check(noiseSd >= 0 && noiseSd <= 5, "noise_sd", "must be between 0 and 5");
        check(flaresPerYear >= 0 && flaresPerYear <= 52, "flares_per_year", "must be between 0 and 52");
        check(missingDayRate >= 0 && missingDayRate <= 0.9, "missing_day_rate", "must be between 0 and 0.9");
        check(missingCellRate >= 0 && missingCellRate <= 0.9, "missing_cell_rate", "must be between 0 and 0.9");
        check(dayOfWeek.values().stream().allMatch(Double::isFinite), "day_of_week", "must be finite numbers");
        Set<String> planted = new HashSet<>();
        for (Effect effect : effects) {
            check(
                    planted.add(effect.habit().key() + ":" + effect.lag()),
                    "effect",
                    effect.habit().key() + " at lag " + effect.lag() + " is given twice");
        }
    }

    /**
     * Default person: baseline 4.5 (moderate recurring pain, far enough from 0 that clipping rarely hides an effect),
     * φ 0.5, noise sd 1, Monday +0.2, weekend −0.3, 4 flare-ups a year, 8% of days and 3% of cells missing.
     */
    public static SimulatorSettings defaults(int days, long seed) {
        return new SimulatorSettings(
                days,
                seed,
                DEFAULT_START,
                List.of(),
                4.5,
                0.5,
                1.0,
                Map.of(DayOfWeek.MONDAY, 0.2, DayOfWeek.SATURDAY, -0.3, DayOfWeek.SUNDAY, -0.3),
                4.0,
                0.08,
                0.03);
    }

    public SimulatorSettings withStart(LocalDate newStart) {
        return new SimulatorSettings(
                days,
                seed,
                newStart,
                effects,
                baselinePain,
                persistence,
                noiseSd,
                dayOfWeek,
                flaresPerYear,
                missingDayRate,
                missingCellRate);
    }

    public SimulatorSettings withEffects(List<Effect> newEffects) {
        return new SimulatorSettings(
                days,
                seed,
                start,
                newEffects,
                baselinePain,
                persistence,
                noiseSd,
                dayOfWeek,
                flaresPerYear,
                missingDayRate,
                missingCellRate);
    }

    public SimulatorSettings withPain(double newBaselinePain, double newPersistence, double newNoiseSd) {
        return new SimulatorSettings(
                days,
                seed,
                start,
                effects,
                newBaselinePain,
                newPersistence,
                newNoiseSd,
                dayOfWeek,
                flaresPerYear,
                missingDayRate,
                missingCellRate);
    }

    public SimulatorSettings withDayOfWeek(Map<DayOfWeek, Double> newDayOfWeek) {
        return new SimulatorSettings(
                days,
                seed,
                start,
                effects,
                baselinePain,
                persistence,
                noiseSd,
                newDayOfWeek,
                flaresPerYear,
                missingDayRate,
                missingCellRate);
    }

    public SimulatorSettings withFlaresPerYear(double newFlaresPerYear) {
        return new SimulatorSettings(
                days,
                seed,
                start,
                effects,
                baselinePain,
                persistence,
                noiseSd,
                dayOfWeek,
                newFlaresPerYear,
                missingDayRate,
                missingCellRate);
    }

    public SimulatorSettings withMissing(double newMissingDayRate, double newMissingCellRate) {
        return new SimulatorSettings(
                days,
                seed,
                start,
                effects,
                baselinePain,
                persistence,
                noiseSd,
                dayOfWeek,
                flaresPerYear,
                newMissingDayRate,
                newMissingCellRate);
    }

    private static void check(boolean good, String field, String message) {
        if (!good) {
            throw new BadInputException(field, message);
        }
    }
}
