package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DiaryCsvRoundTripTest {

    @Property(tries = 300)
    void exportThenImportGivesTheSameDiaryExactly(@ForAll("diaries") Diary diary) {
        CsvImport imported = DiaryCsv.read(DiaryCsv.toCsv(diary), ImportMode.STRICT);

        assertThat(imported.errors()).isEmpty();
        assertThat(imported.warnings()).isEmpty();
        assertThat(imported.diary()).isEqualTo(diary);
    }

    @Property(tries = 100)
    void exportIsCanonicalSoASecondRoundTripWritesTheSameText(@ForAll("diaries") Diary diary) {
        String once = DiaryCsv.toCsv(diary);
        String twice = DiaryCsv.toCsv(DiaryCsv.read(once, ImportMode.STRICT).diary());

        assertThat(twice).isEqualTo(once);
    }

    @Provide
    Arbitrary<Diary> diaries() {
        Arbitrary<Integer> gapInDays = Arbitraries.integers().between(1, 40);
        Arbitrary<DayDraft> drafts = Combinators.combine(gapInDays, wholeValues(), deskHours(), notes())
                .as(DayDraft::new);
        return drafts.list().ofMaxSize(40).map(DiaryCsvRoundTripTest::toDiary);
    }

    /** Pain am/pm, longest sit, breaks, exercise, stress, sleep quality, sleep position index, arm load level. */
    private static Arbitrary<List<Optional<Integer>>> wholeValues() {
        return Combinators.combine(List.of(
                        Arbitraries.integers().between(0, 10).optional(),
                        Arbitraries.integers().between(0, 10).optional(),
                        Arbitraries.integers()
                                .between(0, DiaryDay.MINUTES_PER_DAY)
                                .optional(),
                        Arbitraries.integers()
                                .between(0, DiaryDay.MINUTES_PER_DAY)
                                .optional(),
                        Arbitraries.integers()
                                .between(0, DiaryDay.MINUTES_PER_DAY)
                                .optional(),
                        Arbitraries.integers().between(0, 10).optional(),
                        Arbitraries.integers().between(0, 10).optional(),
                        Arbitraries.integers()
                                .between(0, SleepPosition.values().length - 1)
                                .optional(),
                        Arbitraries.integers().between(0, 3).optional()))
                .as(values -> values);
    }

    private static Arbitrary<Optional<Double>> deskHours() {
        Arbitrary<Double> typed = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.valueOf(24))
                .ofScale(2)
                .map(BigDecimal::doubleValue);
        Arbitrary<Double> anyDouble = Arbitraries.doubles().between(0, 24);
        return Arbitraries.oneOf(typed, anyDouble, Arbitraries.of(0.0, 7.5, 8.0, 24.0, 0.0001))
                .optional();
    }

    /** Notes with everything that needs quoting: commas, quotes, line ends of every kind, spaces, accents, emoji. */
    private static Arbitrary<String> notes() {
        Arbitrary<String> text = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars(" ,;\"'\n\r\téüß中文—#=")
                .ofMaxLength(30);
        Arbitrary<String> emoji = Arbitraries.of("", "😀", "👍🏽", "🧘‍♀️");
        return Combinators.combine(text, emoji, text).as((before, symbol, after) -> before + symbol + after);
    }

    private static Diary toDiary(List<DayDraft> drafts) {
        List<DiaryDay> days = new ArrayList<>();
        LocalDate date = LocalDate.of(2024, 12, 1);
        for (DayDraft draft : drafts) {
            date = date.plusDays(draft.gapInDays());
            days.add(draft.on(date));
        }
        return new Diary(days);
    }

    private record DayDraft(int gapInDays, List<Optional<Integer>> whole, Optional<Double> deskHours, String note) {
        DiaryDay on(LocalDate date) {
            DiaryDay.Builder day = DiaryDay.on(date).note(note);
            whole.get(0).ifPresent(day::painAm);
            whole.get(1).ifPresent(day::painPm);
            whole.get(2).ifPresent(day::longestSitMin);
            whole.get(3).ifPresent(day::breaks);
            whole.get(4).ifPresent(day::exerciseMin);
            whole.get(5).ifPresent(day::stress);
            whole.get(6).ifPresent(day::sleepQuality);
            whole.get(7).ifPresent(index -> day.sleepPosition(SleepPosition.values()[index]));
            whole.get(8).ifPresent(level -> day.armLoad(ArmLoad.fromLevel(level).orElseThrow()));
            deskHours.ifPresent(day::deskHours);
            return day.build();
        }
    }
}
