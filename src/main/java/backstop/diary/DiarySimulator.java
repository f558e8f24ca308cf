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
 * the model on recorded days estimates the same β. During a planted flare-up a shock is added to c. Same settings,
 * same diary: all randomness comes from the seed.
 */
public final class DiarySimulator {
    /** Days simulated before the diary starts, so that the first recorded day already has settled pain and lags. */
    static final int WARM_UP_DAYS = 30;

    private DiarySimulator() {
    }

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
                effectValues[e][i] = settings.effects().get(e).habit().valueOn(habitsOnly).orElseThrow();
            }
        }
        double[] shock = new double[total];
        List<PlantedEpisode> episodes = plantFlares(settings, first, shock, flareRandom);
        double intercept = intercept(settings, first, effectValues);

        int[] painPm = new int[total];
        int[] painAm = new int[total];
        painPm[0] = (int) Math.round(settings.baselinePain());
        for (int i = 1; i < total; i++) {
            double latent = intercept + settings.persistence() * painPm[i - 1]
                    + settings.dayOfWeek().get(first.plusDays(i).getDayOfWeek()) + shock[i]
                    + settings.noiseSd() * painRandom.nextGaussian();
            for (int e = 0; e < effectValues.length; e++) {
                Effect effect = settings.effects().get(e);
                latent += effect.size() * effectValues[e][Math.max(0, i - effect.lag())];
            }
            painPm[i] = painScale(latent);
            // Morning pain is not part of the model's truth: last evening's pain, the night's sleep, and any flare.
            painAm[i] = painScale(0.6 * painPm[i - 1] + 0.4 * settings.baselinePain() + 0.5 * shock[i]
                    + 0.15 * (habits.sleepMean() - habitDays.get(i).sleepQuality()) + 0.8 * painRandom.nextGaussian());
        }
        return new SimulatedPerson(settings, intercept, episodes,
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
     * Flare-ups start on any diary day with probability flaresPerYear/365 while none is running, last 3–10 days and
     * add a shock of 2.5–4.5 points to latent evening pain on each of those days.
     */
    private static List<PlantedEpisode> plantFlares(
            SimulatorSettings settings, LocalDate first, double[] shock, RandomGenerator random) {
        List<PlantedEpisode> episodes = new ArrayList<>();
        int i = WARM_UP_DAYS;
        while (i < shock.length) {
            if (random.nextDouble() < settings.flaresPerYear() / 365) {
                int length = Math.min(3 + random.nextInt(8), shock.length - i);
                double size = 2.5 + 2.0 * random.nextDouble();
                for (int day = i; day < i + length; day++) {
                    shock[day] = size;
                }
                episodes.add(new PlantedEpisode(first.plusDays(i), first.plusDays(i + length - 1L), size));
                i += length;
            } else {
                i++;
            }
        }
        return episodes;
    }

    /** c such that, without flares, latent pain averages the baseline over the diary's days (up to rounding). */
    private static double intercept(SimulatorSettings settings, LocalDate first, double[][] effectValues) {
        int total = WARM_UP_DAYS + settings.days();
        double explained = 0;
        for (int i = WARM_UP_DAYS; i < total; i++) {
            explained += settings.dayOfWeek().get(first.plusDays(i).getDayOfWeek());
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
            days.add(habitDays.get(i).toDay().painAm(painAm[i]).painPm(painPm[i]).build());
        }
        return days;
    }
}
