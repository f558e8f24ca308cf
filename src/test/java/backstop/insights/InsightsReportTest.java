package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backstop.diary.ArmLoad;
import backstop.diary.Diary;
import backstop.diary.DiaryColumns;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.Habit;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.diary.SleepPosition;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InsightsReportTest {
    private static final InsightSettings DEFAULTS = InsightSettings.defaults();
    private static final List<Effect> PLANTED = List.of(
            Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"), Effect.parse("sleep_quality:1:-0.15"));

    @Test
    void aReportStraightFromAPlainFileIsTheReportOfTheDiaryReadInFull() throws Exception {
        for (String name : List.of(
                "/insights/golden/person-1095d-seed101.csv",
                "/insights/golden/person-180d-seed303.csv",
                "/insights/gappy/191-days-2025-and-4-days-2026.csv",
                "/insights/gappy/4-days.csv")) {
            byte[] csv;
            try (var in = getClass().getResourceAsStream(name)) {
                csv = in.readAllBytes();
            }
            Diary diary = DiaryCsv.read(new String(csv, StandardCharsets.UTF_8), ImportMode.STRICT)
                    .diary();
            Optional<LocalDate> planStart = diary.firstDate().map(first -> first.plusDays(90));
            DiaryColumns columns = DiaryColumns.readPlainCsv(csv).orElseThrow();

            assertThat(Insights.report(columns, InsightSettings.defaults(), planStart))
                    .as(name)
                    .isEqualTo(Insights.report(diary, InsightSettings.defaults(), planStart));
        }
    }

    @Test
    void twentySevenDaysOfEveningPainIsNotEnoughDataYetAndSaysHowMuchIsNeeded() {
        Diary diary = simulated(27, 1, List.of(), 0);

        InsightReport report = Insights.report(diary, DEFAULTS, Optional.empty());

        assertThat(report.status()).isEqualTo(InsightReport.INSUFFICIENT_DATA);
        assertThat(report.reason())
                .hasValue(
                        "not enough data yet: 27 days with evening pain recorded, and finding triggers needs at least 28");
        assertThat(report.triggers()).isEmpty();
        assertThat(report.model()).isEmpty();
        assertThat(report.forecast().status()).isEqualTo(InsightReport.INSUFFICIENT_DATA);
    }

    @Test
    void anEmptyDiaryIsNotEnoughDataAndNothingElseBreaks() {
        InsightReport report = Insights.report(Diary.empty(), DEFAULTS, Optional.empty());

        assertThat(report.status()).isEqualTo(InsightReport.INSUFFICIENT_DATA);
        assertThat(report.episodes()).isEmpty();
        assertThat(report.flares()).isEmpty();
        assertThat(report.firstDate()).isEmpty();
        assertThat(report.recurrence().episodesPerYear()).isEmpty();
        assertThat(report.recurrence().ratesReason())
                .hasValue("a rate per year needs at least 90 days with pain recorded; the diary has 0");
    }

    @Test
    void twentyEightDaysAreEnoughToStartButEachHabitStillNeedsItsOwnCompleteDays() {
        InsightReport report = Insights.report(simulated(28, 1, List.of(), 0), DEFAULTS, Optional.empty());

        assertThat(report.status()).isEqualTo(InsightReport.OK);
        assertThat(report.triggers()).allSatisfy(trigger -> {
            assertThat(trigger.status()).isEqualTo(InsightReport.INSUFFICIENT_DATA);
            assertThat(trigger.reason().orElseThrow()).startsWith("only ").contains("at least 28");
        });
    }

    @Test
    void aHabitThatNeverChangesHasNoEffectToShowAndSaysSo() {
        Diary diary = withEveryDay(simulated(365, 3, List.of(), 0), ArmLoad.NONE, SleepPosition.SIDE);

        InsightReport report = Insights.report(diary, DEFAULTS, Optional.empty());

        Map<String, Trigger> lagZero = report.triggers().stream()
                .filter(trigger -> trigger.lag() == 0)
                .collect(Collectors.toMap(Trigger::habit, trigger -> trigger));
        assertThat(lagZero.get("arm_load").reason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("arm_load was 0 on all ")
                        .endsWith("an effect can only show when the habit varies"));
        assertThat(lagZero.get("sleep_position=side").reason())
                .hasValueSatisfying(reason ->
                        assertThat(reason).startsWith("every one of the ").contains("needs some nights on the back"));
        assertThat(lagZero.get("sleep_position=stomach").reason())
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("none of the "));
        assertThat(lagZero.get("desk_hours").isEstimated()).isTrue();
        assertThat(lagZero.get("arm_load").effect()).isEmpty();
    }

    @Test
    void threeYearsFitAllHabitsJointlyAndHalfAYearOneAtATime() {
        assertThat(Insights.report(simulated(1095, 5, PLANTED, 0.08), DEFAULTS, Optional.empty())
                        .model())
                .hasValue("joint");
        assertThat(Insights.report(simulated(180, 5, PLANTED, 0.08), DEFAULTS, Optional.empty())
                        .model())
                .hasValue("per_habit");
    }

    @Test
    void everyHabitAndLagIsReportedOnceWithQValuesNoSmallerThanPValues() {
        InsightReport report = Insights.report(simulated(365, 8, PLANTED, 0.08), DEFAULTS, Optional.empty());

        assertThat(report.triggers()).hasSize(Habit.values().length * 3);
        assertThat(report.triggers()).filteredOn(Trigger::isEstimated).allSatisfy(trigger -> {
            assertThat(trigger.qValue().getAsDouble())
                    .isGreaterThanOrEqualTo(trigger.pValue().getAsDouble());
            assertThat(trigger.ciLow().getAsDouble())
                    .isLessThan(trigger.effect().getAsDouble());
            assertThat(trigger.significant()).isEqualTo(trigger.qValue().getAsDouble() < 0.05);
        });
    }

    @Test
    void tomorrowsFlareChanceRisesWithTheDeskHoursPlannedWhenDeskHoursWentWithPain() {
        Diary diary = simulated(1095, 11, List.of(Effect.parse("desk_hours:0:0.5")), 0.08);

        InsightReport light = Insights.report(diary, DEFAULTS, Optional.empty(), Map.of(Habit.DESK_HOURS, 0.0));
        InsightReport heavy = Insights.report(diary, DEFAULTS, Optional.empty(), Map.of(Habit.DESK_HOURS, 12.0));

        assertThat(light.forecast().terms()).contains("desk_hours (lag 0)");
        assertThat(heavy.forecast().probability().getAsDouble())
                .isGreaterThan(light.forecast().probability().getAsDouble());
        assertThat(heavy.forecast().date()).isEqualTo(diary.lastDate().map(date -> date.plusDays(1)));
        Forecast.TrackRecord track = heavy.forecast().trackRecord().orElseThrow();
        assertThat(track.evaluatedDays()).isGreaterThan(500);
        assertThat(track.flareDays()).isBetween(1, track.evaluatedDays());
        assertThat(track.brierSkill()).isCloseTo(1 - track.brier() / track.climatologyBrier(), within(1e-12));
    }

    @Test
    void theFlareChanceComesFromTheRoundedPredictiveNormal() {
        assertThat(FlareForecaster.chanceAtLeast(7, 6.5, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(FlareForecaster.chanceAtLeast(7, 5.5, 1)).isCloseTo(0.158655253931457, within(1e-12));
        assertThat(FlareForecaster.chanceAtLeast(11, 10, 1)).isZero();
    }

    @Test
    void theFastTailUsedForTheTrackRecordIsWithinOneInTenMillionOfTheExactOne() {
        for (double mean = -3; mean <= 13; mean += 0.01) {
            for (double variance : new double[] {0.3, 1, 2.5}) {
                assertThat(FlareForecaster.approximateChanceAtLeast(6, mean, variance))
                        .isCloseTo(FlareForecaster.chanceAtLeast(6, mean, variance), within(1.5e-7));
            }
        }
    }

    @Test
    void withoutEveningPainOnTheLastDayThereIsNoForecastAndItSaysWhy() {
        Diary diary = simulated(200, 4, List.of(), 0);
        List<DiaryDay> days = new java.util.ArrayList<>(diary.days());
        DiaryDay last = days.remove(days.size() - 1);
        days.add(DiaryDay.on(last.date()).painAm(3).build());

        Forecast forecast =
                Insights.report(new Diary(days), DEFAULTS, Optional.empty()).forecast();

        assertThat(forecast.probability()).isEmpty();
        assertThat(forecast.reason())
                .hasValue("the last diary day has no evening pain, and tomorrow's forecast starts from it");
    }

    @Test
    void theJsonUsesTheContractsSnakeCaseNamesAndLeavesOutNumbersThatDoNotExist() throws Exception {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Diary diary = withEveryDay(simulated(365, 3, PLANTED, 0.08), ArmLoad.NONE, SleepPosition.SIDE);

        JsonNode json = mapper.valueToTree(Insights.report(
                diary, DEFAULTS, Optional.of(diary.firstDate().orElseThrow().plusDays(180))));

        assertThat(json.get("status").asText()).isEqualTo("ok");
        assertThat(json.has("reason")).isFalse();
        assertThat(json.get("days").asInt()).isEqualTo(diary.days().size());
        assertThat(json.get("model").asText()).isEqualTo("per_habit");
        assertThat(json.get("first_date").asText()).isEqualTo("2025-01-06");
        JsonNode desk = json.get("triggers").get(0);
        assertThat(desk.get("habit").asText()).isEqualTo("desk_hours");
        assertThat(desk.fieldNames())
                .toIterable()
                .contains("lag", "effect", "ci_low", "ci_high", "p_value", "q_value", "significant");
        JsonNode armLoad = json.get("triggers").get(18);
        assertThat(armLoad.get("habit").asText()).isEqualTo("arm_load");
        assertThat(armLoad.has("effect")).isFalse();
        assertThat(armLoad.get("reason").asText()).contains("was 0");
        assertThat(json.get("recurrence")
                        .get("since_plan")
                        .get("flares")
                        .get("verdict")
                        .asText())
                .isNotEmpty();
        assertThat(json.get("forecast").get("track_record").get("brier").isNumber())
                .isTrue();
        assertThat(json.get("episodes").get(0).fieldNames()).toIterable().contains("start", "end", "peak");
    }

    static Diary simulated(int days, long seed, List<Effect> effects, double missingDays) {
        return DiarySimulator.simulate(SimulatorSettings.defaults(days, seed)
                        .withEffects(effects)
                        .withMissing(missingDays, missingDays == 0 ? 0 : 0.03))
                .diary();
    }

    private static Diary withEveryDay(Diary diary, ArmLoad armLoad, SleepPosition position) {
        return new Diary(diary.days().stream()
                .map(day -> new DiaryDay(
                        day.date(),
                        day.painAm(),
                        day.painPm(),
                        day.deskHours(),
                        day.longestSitMin(),
                        day.breaks(),
                        day.exerciseMin(),
                        day.stress(),
                        day.sleepQuality(),
                        Optional.of(position),
                        Optional.of(armLoad),
                        day.note()))
                .toList());
    }
}
