package backstop.insights;

import static backstop.insights.Diaries.run;
import static backstop.insights.Diaries.runs;
import static org.assertj.core.api.Assertions.assertThat;

import backstop.diary.DiarySimulator;
import backstop.diary.PlantedEpisode;
import backstop.diary.SimulatedPerson;
import backstop.diary.SimulatorSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlareFinderTest {
    private static final InsightSettings DEFAULTS = InsightSettings.defaults();

    private static List<Flare> flares(int[] pain) {
        DailySeries series = DailySeries.of(Diaries.ofPain(pain));
        return FlareFinder.find(series, Baselines.of(series, DEFAULTS), DEFAULTS);
    }

    @Test
    void aRiseOfThreePointsAboveTheFortnightsMedianIsAFlareUntilPainSettles() {
        List<Flare> found = flares(runs(run(20, 3), run(1, 7), run(1, 6), run(1, 5), run(10, 3)));

        assertThat(found).containsExactly(new Flare(Diaries.START.plusDays(20), Diaries.START.plusDays(21), 7, 3, 2));
    }

    @Test
    void aRiseOfTwoPointsIsEverydayVariationNotAFlare() {
        assertThat(flares(runs(run(20, 3), run(2, 5), run(10, 3)))).isEmpty();
    }

    @Test
    void theBaselineNeedsAWeekOfEveningPainsInTheFortnightBefore() {
        assertThat(flares(runs(run(6, 2), run(1, 9)))).isEmpty();
        assertThat(flares(runs(run(7, 2), run(1, 9)))).hasSize(1);
    }

    @Test
    void aMissingDayEndsAFlareRatherThanBeingGuessed() {
        List<Flare> found = flares(runs(run(20, 3), run(1, 8), run(1, -1), run(1, 8), run(10, 3)));

        assertThat(found).hasSize(2);
        assertThat(found).allSatisfy(flare -> assertThat(flare.days()).isEqualTo(1));
    }

    @Test
    void theBaselineIsTheMedianEvenWhenTheWindowHasAnEvenCount() {
        DailySeries series = DailySeries.of(Diaries.ofPain(2, 2, 2, 2, 4, 4, 4, 4));

        assertThat(Baselines.of(series, new InsightSettings(1, 2, 30, 3, 3, 14, 8, 1, 3, 28, 10, 0.05, 90))[8])
                .isEqualTo(3.0);
    }

    @Test
    void mostPlantedFlareUpsOfSimulatedPeopleAreFound() {
        int planted = 0;
        int found = 0;
        int flareCount = 0;
        for (long seed = 1; seed <= 60; seed++) {
            SimulatedPerson person = DiarySimulator.simulate(SimulatorSettings.defaults(365, seed));
            DailySeries series = DailySeries.of(person.diary());
            List<Flare> flares = FlareFinder.find(series, Baselines.of(series, DEFAULTS), DEFAULTS);
            flareCount += flares.size();
            for (PlantedEpisode plantedFlare : person.episodes()) {
                if (person.diary().day(plantedFlare.start()).isEmpty()) {
                    continue;
                }
                planted++;
                found += flares.stream()
                                .anyMatch(flare -> !flare.end().isBefore(plantedFlare.start())
                                        && !flare.start()
                                                .isAfter(plantedFlare.start().plusDays(1)))
                        ? 1
                        : 0;
            }
        }
        assertThat((double) found / planted)
                .as("share of recorded planted flare-ups found")
                .isGreaterThan(0.85);
        assertThat(flareCount / 60.0).as("flare-ups per person-year, 4 planted").isLessThan(10);
    }
}
