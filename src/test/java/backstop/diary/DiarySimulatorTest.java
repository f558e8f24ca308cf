package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backstop.error.BadInputException;
import java.time.DayOfWeek;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DiarySimulatorTest {
    private static final List<Effect> DESK_EFFECT = List.of(Effect.parse("desk_hours:0:0.3"));

    @Test
    void theSameSeedGivesTheSameCsvByteForByte() {
        assertThat(DiarySimulator.simulateToCsv(365, 42, DESK_EFFECT))
                .isEqualTo(DiarySimulator.simulateToCsv(365, 42, DESK_EFFECT));
    }

    @Test
    void aDifferentSeedGivesADifferentPerson() {
        assertThat(DiarySimulator.simulateToCsv(365, 42, DESK_EFFECT))
                .isNotEqualTo(DiarySimulator.simulateToCsv(365, 43, DESK_EFFECT));
    }

    @Test
    void theCsvReadsBackWithoutErrorsAndStartsOnTheStartDate() {
        SimulatedPerson person =
                DiarySimulator.simulate(SimulatorSettings.defaults(200, 7).withMissing(0, 0.03));

        CsvImport imported = DiaryCsv.read(person.toCsv(), ImportMode.STRICT);

        assertThat(imported.diary()).isEqualTo(person.diary());
        assertThat(imported.diary().firstDate()).contains(SimulatorSettings.DEFAULT_START);
        assertThat(imported.diary().lastDate()).contains(SimulatorSettings.DEFAULT_START.plusDays(199));
    }

    @Test
    void plantingAnEffectChangesThePainButNotTheHabitsOrWhatIsMissing() {
        SimulatorSettings settings = SimulatorSettings.defaults(365, 11);
        Diary without = DiarySimulator.simulate(settings).diary();
        Diary with = DiarySimulator.simulate(settings.withEffects(List.of(Effect.parse("stress:0:0.5"))))
                .diary();

        assertThat(with.days())
                .extracting(DiaryDay::date)
                .isEqualTo(without.days().stream().map(DiaryDay::date).toList());
        assertThat(with.days())
                .extracting(DiaryDay::deskHours)
                .isEqualTo(without.days().stream().map(DiaryDay::deskHours).toList());
        assertThat(with.days())
                .extracting(DiaryDay::painPm)
                .isNotEqualTo(without.days().stream().map(DiaryDay::painPm).toList());
    }

    @Test
    void ordinaryLeastSquaresOnTheRecordedDiaryRecoversThePlantedDeskHoursEffect() {
        SimulatedPerson person =
                DiarySimulator.simulate(SimulatorSettings.defaults(3000, 2026).withEffects(DESK_EFFECT));

        double[] fit =
                EveningPainRegression.fit(person.diary(), List.of(new EveningPainRegression.Term(Habit.DESK_HOURS, 0)));

        assertThat(fit[2]).as("β desk_hours lag 0").isCloseTo(0.3, within(0.06));
        assertThat(fit[1]).as("φ").isCloseTo(person.persistence(), within(0.06));
    }

    @Test
    void withoutFlareUpsOrdinaryLeastSquaresRecoversEveryPlantedTermOfTheModel() {
        List<Effect> effects = Arrays.stream("desk_hours:0:0.3 stress:0:0.2 sleep_quality:1:-0.15".split(" "))
                .map(Effect::parse)
                .toList();
        SimulatedPerson person = DiarySimulator.simulate(
                SimulatorSettings.defaults(3000, 99).withEffects(effects).withFlaresPerYear(0));

        double[] fit = EveningPainRegression.fit(
                person.diary(),
                List.of(
                        new EveningPainRegression.Term(Habit.DESK_HOURS, 0),
                        new EveningPainRegression.Term(Habit.STRESS, 0),
                        new EveningPainRegression.Term(Habit.SLEEP_QUALITY, 1)));

        assertThat(fit[1]).as("φ").isCloseTo(0.5, within(0.05));
        assertThat(fit[2]).as("β desk_hours").isCloseTo(0.3, within(0.06));
        assertThat(fit[3]).as("β stress").isCloseTo(0.2, within(0.05));
        assertThat(fit[4]).as("β sleep_quality lag 1").isCloseTo(-0.15, within(0.05));
        // Saturday and Sunday are 0.5 below Monday (+0.2 versus −0.3).
        assertThat(fit[5 + 4]).as("Saturday").isCloseTo(-0.5, within(0.2));
        assertThat(fit[5 + 5]).as("Sunday").isCloseTo(-0.5, within(0.2));
    }

    @Test
    void everyRecordedValueIsTheTrueValueOfThatDay() {
        SimulatedPerson person = DiarySimulator.simulate(SimulatorSettings.defaults(500, 5));

        for (DiaryDay recorded : person.diary().days()) {
            DiaryDay truth = person.complete().day(recorded.date()).orElseThrow();
            recorded.painPm().ifPresent(pain -> assertThat(truth.painPm()).hasValue(pain));
            recorded.painAm().ifPresent(pain -> assertThat(truth.painAm()).hasValue(pain));
            recorded.deskHours()
                    .ifPresent(hours -> assertThat(truth.deskHours()).hasValue(hours));
            recorded.sleepPosition()
                    .ifPresent(position -> assertThat(truth.sleepPosition()).contains(position));
        }
        assertThat(person.complete().days()).hasSize(500);
    }

    @Test
    void daysGoMissingInRunsOfOneToAFortnightAndSomeCellsAreLeftEmpty() {
        SimulatedPerson person = DiarySimulator.simulate(SimulatorSettings.defaults(3000, 3));
        List<DiaryDay> days = person.diary().days();

        double missingDays = 1 - days.size() / 3000.0;
        assertThat(missingDays).isBetween(0.05, 0.11);
        List<Long> gaps = IntStream.range(1, days.size())
                .mapToObj(i -> ChronoUnit.DAYS.between(
                                days.get(i - 1).date(), days.get(i).date())
                        - 1)
                .filter(gap -> gap > 0)
                .toList();
        assertThat(gaps).contains(1L).anyMatch(gap -> gap >= 5).allMatch(gap -> gap <= 14 + 14);
        double emptyPain = days.stream().filter(day -> day.painPm().isEmpty()).count() / (double) days.size();
        assertThat(emptyPain).isBetween(0.01, 0.05);
    }

    @Test
    void habitsLookLikeAnOfficeWorker() {
        Diary complete =
                DiarySimulator.simulate(SimulatorSettings.defaults(730, 21)).complete();
        Map<Boolean, Double> deskByWeekend = complete.days().stream()
                .collect(Collectors.partitioningBy(
                        day -> day.date().getDayOfWeek().getValue() >= 6,
                        Collectors.averagingDouble(day -> day.deskHours().orElseThrow())));

        assertThat(deskByWeekend.get(false)).as("weekday desk hours").isGreaterThan(5);
        assertThat(deskByWeekend.get(true)).as("weekend desk hours").isLessThan(2);
        assertThat(shareExercising(complete.days().subList(430, 730)))
                .as("exercise adherence grows")
                .isGreaterThan(shareExercising(complete.days().subList(0, 60)));
        Map<SleepPosition, Long> positions = complete.days().stream()
                .collect(Collectors.groupingBy(day -> day.sleepPosition().orElseThrow(), Collectors.counting()));
        assertThat(positions.values().stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("one position is the person's usual")
                .isGreaterThan(730 / 3);
    }

    @Test
    void plantedEpisodesLieInTheDiaryAndRaiseEveningPain() {
        SimulatedPerson person = DiarySimulator.simulate(SimulatorSettings.defaults(3000, 8));
        List<PlantedEpisode> episodes = person.episodes();

        assertThat(episodes).as("about 4 a year").hasSizeBetween(18, 50);
        for (int i = 1; i < episodes.size(); i++) {
            assertThat(episodes.get(i).start()).isAfter(episodes.get(i - 1).end());
        }
        assertThat(episodes.get(0).start()).isAfterOrEqualTo(SimulatorSettings.DEFAULT_START);
        Map<Boolean, Double> painByEpisode = person.complete().days().stream()
                .collect(Collectors.partitioningBy(
                        day -> episodes.stream().anyMatch(episode -> episode.contains(day.date())),
                        Collectors.averagingInt(day -> day.painPm().orElseThrow())));
        assertThat(painByEpisode.get(true) - painByEpisode.get(false)).isGreaterThan(1.5);
        assertThat(painByEpisode.get(false)).as("baseline").isCloseTo(4.5, within(0.5));
        PlantedEpisode firstEpisode = episodes.get(0);
        DiaryDay firstDay = person.complete().day(firstEpisode.start()).orElseThrow();
        DiaryDay dayBefore =
                person.complete().day(firstEpisode.start().minusDays(1)).orElseThrow();
        assertThat(firstDay.painPm().getAsInt())
                .isGreaterThan(dayBefore.painPm().getAsInt());
    }

    @Test
    void theInterceptIsDerivedSoThatPlantedEffectsDoNotMovePainAwayFromTheBaseline() {
        SimulatedPerson person = DiarySimulator.simulate(
                SimulatorSettings.defaults(2000, 4).withEffects(DESK_EFFECT).withFlaresPerYear(0));

        double meanPain = person.complete().days().stream()
                .mapToInt(day -> day.painPm().orElseThrow())
                .average()
                .orElseThrow();
        assertThat(meanPain).isCloseTo(4.5, within(0.3));
        assertThat(person.intercept()).isLessThan((1 - 0.5) * 4.5);
    }

    @Test
    void settingsRefuseWhatTheModelCannotMean() {
        SimulatorSettings defaults = SimulatorSettings.defaults(90, 1);
        Effect twice = Effect.parse("stress:0:0.2");
        assertThatThrownBy(() -> defaults.withEffects(List.of(twice, twice)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("effect: stress at lag 0 is given twice");
        assertThatThrownBy(() -> defaults.withPain(3.5, 1.0, 1.0))
                .hasMessage("persistence: φ must be at least 0 and below 1");
        assertThatThrownBy(() -> SimulatorSettings.defaults(0, 1)).hasMessageStartingWith("days: must be between 1");
        assertThat(defaults.dayOfWeek()).containsEntry(DayOfWeek.WEDNESDAY, 0.0).hasSize(7);
    }

    private static double shareExercising(List<DiaryDay> days) {
        return days.stream().filter(day -> day.exerciseMin().orElseThrow() > 0).count() / (double) days.size();
    }
}
