package backstop.diary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Simulates a person's diary whose evening pain follows exactly the insights model
 * {@code pain_pm[t] = c + φ·pain_pm[t−1] + Σ β·habit[t−lag] + day_of_week[t] + e[t]}, rounded half up and clipped
 * to 0–10, where {@code pain_pm[t−1]} is yesterday's rounded, clipped value (recorded or not): an engine that fits
 * the model on recorded days estimates the same β. A planted flare-up is a large jolt in e[t] on its first day. Same
 * settings, same diary: all randomness comes from the seed.
 */
public final class DiarySimulator {
    /** Days simulated before the diary starts, so that the first recorded day already has settled pain and lags. */
    static final int WARM_UP_DAYS = 30;

    private DiarySimulator() {}

    public static SimulatedPerson simulate(SimulatorSettings settings) {
        // Separate streams, so that planting an effect changes the pain but not the habits or what is missing.
        SplittableRandom root = new SplittableRandom(settings.seed());
        RandomGenerator habitRandom = root.split();
        RandomGenerator flareRandom = root.split();
        RandomGenerator painRandom = root.split();
        RandomGenerator missingRandom = root.split();

        int total = WARM_UP_DAYS + settings.days();
        LocalDate first = settings.start().minusDays(WARM_UP_DAYS);
        HabitSimulator habits = new HabitSimulator(habitRandom);
        List<HabitSimulator.HabitDay> habitDays = new ArrayList<>(total);
        double[][] effectValues = new double[settings.effects().size()][total];
        for (int i = 0; i < total; i++) {
            HabitSimulator.HabitDay day = habits.next(first.plusDays(i), i - WARM_UP_DAYS);
            habitDays.add(day);
            DiaryDay habitsOnly = day.toDay().build();
            for (int e = 0; e < effectValues.length; e++) {
                effectValues[e][i] =
                        settings.effects().get(e).habit().valueOn(habitsOnly).orElseThrow();
            }
        }
        double[] jolt = new double[total];
        List<PlantedEpisode> episodes = plantFlares(settings, first, jolt, flareRandom);
        double intercept = intercept(settings, first, effectValues, jolt);

        int[] painPm = new int[total];
        int[] painAm = new int[total];
        painPm[0] = (int) Math.round(settings.baselinePain());
        for (int i = 1; i < total; i++) {
            double latent = intercept
                    + settings.persistence() * painPm[i - 1]
                    + settings.dayOfWeek().get(first.plusDays(i).getDayOfWeek())
                    + settings.noiseSd() * painRandom.nextGaussian()
                    + jolt[i];
            for (int e = 0; e < effectValues.length; e++) {
                Effect effect = settings.effects().get(e);
                latent += effect.size() * effectValues[e][Math.max(0, i - effect.lag())];
            }
            painPm[i] = painScale(latent);
            // Morning pain is not part of the model's truth: last evening's pain, the night's sleep, a starting flare.
            painAm[i] = painScale(0.6 * painPm[i - 1]
                    + 0.4 * settings.baselinePain()
                    + 0.5 * jolt[i]
                    + 0.15 * (habits.sleepMean() - habitDays.get(i).sleepQuality())
                    + 0.8 * painRandom.nextGaussian());
        }
        return new SimulatedPerson(
                settings,
                intercept,
                episodes,
                new Diary(new MissingData(settings, missingRandom).record(habitDays, painAm, painPm, WARM_UP_DAYS)),
                new Diary(completeDays(habitDays, painAm, painPm)));
    }

    public static String simulateToCsv(SimulatorSettings settings) {
        return simulate(settings).toCsv();
    }

    /** What {@code backstop simulate --days N --seed S --effect ...} writes: the default person with these effects. */
    public static String simulateToCsv(int days, long seed, List<Effect> effects) {
        return simulateToCsv(SimulatorSettings.defaults(days, seed).withEffects(effects));
    }

    /**
     * A flare-up is a one-day jolt of 3.5–5.5 points added to e[t] on a day chosen with probability
     * flaresPerYear/365; φ then carries it over the next days. A jolt rather than a raised c for several days keeps
     * the errors independent, so the model stays exactly the insights model and its β stay estimable. The episode
     * ends on the last day the jolt still adds at least one point (size·φ^k ≥ 1); a new one starts only after that.
     */
    private static List<PlantedEpisode> plantFlares(
            SimulatorSettings settings, LocalDate first, double[] jolt, RandomGenerator random) {
        List<PlantedEpisode> episodes = new ArrayList<>();
        int i = WARM_UP_DAYS;
        while (i < jolt.length) {
            if (random.nextDouble() < settings.flaresPerYear() / 365) {
                double size = 3.5 + 2.0 * random.nextDouble();
                int lastDay = i;
                while (lastDay + 1 < jolt.length && size * Math.pow(settings.persistence(), lastDay + 1 - i) >= 1) {
                    lastDay++;
                }
                jolt[i] = size;
                episodes.add(new PlantedEpisode(first.plusDays(i), first.plusDays(lastDay), size));
                i = lastDay + 1;
            } else {
                i++;
            }
        }
        return episodes;
    }

    /** c such that latent evening pain averages the baseline over the diary's days (up to rounding and clipping). */
    private static double intercept(
            SimulatorSettings settings, LocalDate first, double[][] effectValues, double[] jolt) {
        int total = WARM_UP_DAYS + settings.days();
        double explained = 0;
        for (int i = WARM_UP_DAYS; i < total; i++) {
            explained += settings.dayOfWeek().get(first.plusDays(i).getDayOfWeek()) + jolt[i];
            for (int e = 0; e < effectValues.length; e++) {
                Effect effect = settings.effects().get(e);
                explained += effect.size() * effectValues[e][i - effect.lag()];
            }
        }
        return (1 - settings.persistence()) * settings.baselinePain() - explained / settings.days();
    }

    private static int painScale(double latent) {
        return (int) HabitSimulator.clamp(Math.round(latent), 0, 10);
    }

    private static List<DiaryDay> completeDays(List<HabitSimulator.HabitDay> habitDays, int[] painAm, int[] painPm) {
        List<DiaryDay> days = new ArrayList<>(habitDays.size() - WARM_UP_DAYS);
        for (int i = WARM_UP_DAYS; i < habitDays.size(); i++) {
            days.add(
                    habitDays.get(i).toDay().painAm(painAm[i]).painPm(painPm[i]).build());
        }
        return days;
    }
}
