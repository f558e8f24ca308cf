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

class EpisodeFinderTest {
    private static final InsightSettings DEFAULTS = InsightSettings.defaults();

    private static List<Episode> episodes(int[] pain) {
        return EpisodeFinder.find(DailySeries.of(Diaries.ofPain(pain)), DEFAULTS);
    }

    @Test
    void twoBoutsOfPainSeparatedByAPainFreeMonthAreTwoEpisodes() {
        List<Episode> found = episodes(runs(run(40, 0), run(3, 5), run(40, 1), run(4, 6), run(40, 0)));

        assertThat(found)
                .containsExactly(
                        new Episode(Diaries.START.plusDays(40), Diaries.START.plusDays(42), 5, 3, true, true),
                        new Episode(Diaries.START.plusDays(83), Diaries.START.plusDays(86), 6, 4, true, true));
    }

    @Test
    void boutsLessThanAMonthApartAreOneEpisode() {
        List<Episode> found = episodes(runs(run(40, 0), run(3, 5), run(20, 0), run(4, 6), run(40, 0)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).start()).isEqualTo(Diaries.START.plusDays(40));
        assertThat(found.get(0).end()).isEqualTo(Diaries.START.plusDays(66));
        assertThat(found.get(0).painDays()).isEqualTo(7);
    }

    @Test
    void oneDayOfPainIsNotAnEpisodeButItInterruptsAPainFreeMonth() {
        assertThat(episodes(runs(run(40, 0), run(1, 7), run(40, 0)))).isEmpty();

        List<Episode> found =
                episodes(runs(run(40, 0), run(3, 5), run(20, 0), run(1, 7), run(20, 0), run(3, 5), run(40, 0)));
        assertThat(found).hasSize(1);
    }

    @Test
    void anUnrecordedWeekIsNotKnownToBePainFreeSoItDoesNotSeparateEpisodes() {
        assertThat(episodes(runs(run(40, 0), run(3, 5), run(15, 0), run(10, -1), run(15, 0), run(3, 5), run(40, 0))))
                .hasSize(1);
        assertThat(episodes(runs(run(40, 0), run(3, 5), run(15, 0), run(2, -1), run(15, 0), run(3, 5), run(40, 0))))
                .hasSize(2);
    }

    @Test
    void aKnownPainFreeMonthAfterALongGapStillSeparatesTwoEpisodes() {
        assertThat(episodes(runs(run(40, 0), run(3, 5), run(10, 0), run(10, -1), run(35, 0), run(3, 5), run(40, 0))))
                .hasSize(2);
    }

    @Test
    void twoPainfulDaysWithAMissingDayBetweenAreNotPainLastingMoreThanADay() {
        assertThat(episodes(runs(run(40, 0), run(1, 5), run(1, -1), run(1, 5), run(40, 0))))
                .isEmpty();
    }

    @Test
    void painAtTheEdgesOfTheDiaryIsAnEpisodeThatMayReachBeyondIt() {
        List<Episode> found = episodes(runs(run(5, 4), run(40, 0), run(3, 5), run(10, 0)));

        assertThat(found).hasSize(2);
        assertThat(found.get(0).painFreeBefore()).isFalse();
        assertThat(found.get(0).painFreeAfter()).isTrue();
        assertThat(found.get(1).painFreeBefore()).isTrue();
        assertThat(found.get(1).painFreeAfter()).isFalse();
    }

    @Test
    void plantedFlaresInAUsuallyPainFreePersonAreFoundAsEpisodesWhenTheirPainLastedMoreThanADay() {
        int planted = 0;
        int found = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SimulatedPerson person = DiarySimulator.simulate(
                    SimulatorSettings.defaults(730, seed).withPain(0, 0.5, 0.3).withFlaresPerYear(3));
            List<Episode> episodes = EpisodeFinder.find(DailySeries.of(person.diary()), DEFAULTS);

            for (PlantedEpisode plantedEpisode : person.episodes()) {
                if (!painLastedMoreThanADay(person, plantedEpisode)) {
                    continue;
                }
                planted++;
                found += episodes.stream()
                                .anyMatch(episode -> !plantedEpisode.start().isBefore(episode.start())
                                        && !plantedEpisode.start().isAfter(episode.end()))
                        ? 1
                        : 0;
            }
        }
        assertThat(planted).isGreaterThan(50);
        assertThat(found).isEqualTo(planted);
    }

    private static boolean painLastedMoreThanADay(SimulatedPerson person, PlantedEpisode planted) {
        return person.diary().day(planted.start()).isPresent()
                && person.diary().day(planted.start()).orElseThrow().painPm().orElse(0) > 1
                && person.diary()
                        .day(planted.start().plusDays(1))
                        .map(day -> day.painPm().orElse(0) > 1)
                        .orElse(false);
    }
}
