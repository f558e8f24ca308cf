package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The plain reader is a shortcut, never a second opinion: a file it reads is one the full reader reads with no error
 * and no warning, into the same columns, bit for bit; every other file it declines, for the full reader to read and
 * explain. And it reads every file Backstop writes, or the shortcut would be taken for nothing.
 */
class DiaryColumnsTest {
    private static final List<String> GOLDEN = List.of(
            "/insights/golden/person-1095d-seed101.csv",
            "/insights/golden/person-1095d-seed202-null.csv",
            "/insights/golden/person-180d-seed303.csv",
            "/insights/gappy/191-days-2025-and-4-days-2026.csv",
            "/insights/gappy/4-days.csv");

    /** Cells as Backstop writes them, per column after the date (pain_am … note). */
    private static final List<List<String>> PLAIN_CELLS = List.of(
            List.of("", "0", "3", "10"),
            List.of("", "0", "7", "10"),
            List.of("", "0", "7.5", "8", "24", "0.25", "10.125"),
            List.of("", "0", "95", "1440"),
            List.of("", "0", "4", "1440"),
            List.of("", "0", "30", "1440"),
            List.of("", "0", "5", "10"),
            List.of("", "0", "8", "10"),
            List.of("", "back", "side", "stomach", "mixed"),
            List.of("", "0", "1", "2", "3"),
            List.of(
                    "",
                    "long drive",
                    "\"carried boxes, all day\"",
                    "\"a \"\"quoted\"\" word\"",
                    "\"\"",
                    "  spaces kept  "));

    /** Cells a person may write, or get wrong, in any column: each makes the plain reader decline or agree. */
    private static final List<String> ANY_CELLS = List.of(
            "",
            " ",
            "5",
            " 5",
            "5 ",
            "-0",
            "-3",
            "+3",
            "11",
            "007",
            "00000",
            "1441",
            "99999",
            "7.5",
            ".5",
            "7.",
            "24.5",
            "24.0001",
            "1e3",
            "back",
            "Back",
            " side",
            "stomach ",
            "sid",
            "couch",
            "4",
            "\"5\"",
            "\"x\" ",
            "\"two\nlines\"",
            "\"open",
            "x\"y",
            "tab\there",
            "caf\u00e9",
            "\u00a0",
            "2026-03-02",
            "note");

    private static final List<String> LINE_ENDS = List.of("\r", "\n\n", "\r\n\r\n", "");

    @Example
    void theGoldenAndGappyDiariesArePlainAndGiveTheFullReadersColumns() throws Exception {
        for (String name : GOLDEN) {
            byte[] bytes;
            try (var in = getClass().getResourceAsStream(name)) {
                bytes = in.readAllBytes();
            }
            assertThat(DiaryColumns.readPlainCsv(bytes)).as(name).isPresent();
            assertAgree(bytes);
        }
    }

    @Property(tries = 200)
    void everyDiaryBackstopWritesIsPlain(
            @ForAll @IntRange(min = 1, max = 400) int days, @ForAll @IntRange(min = 1, max = 10_000) int seed) {
        Diary diary =
                DiarySimulator.simulate(SimulatorSettings.defaults(days, seed)).diary();
        byte[] csv = DiaryCsv.toCsv(diary).getBytes(StandardCharsets.UTF_8);

        Optional<DiaryColumns> plain = DiaryColumns.readPlainCsv(csv);

        // A diary with no day at all (a header alone) is left to the full reader, which says so.
        assertThat(plain.isPresent()).isEqualTo(!diary.isEmpty());
        plain.ifPresent(columns -> assertSameColumns(columns, DiaryColumns.of(diary)));
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void aPlainFileIsReadAndGivesTheFullReadersColumns(@ForAll("plainDiaries") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(DiaryColumns.readPlainCsv(bytes)).as(shown(text)).isPresent();
        assertAgree(bytes);
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.MIXIN)
    void anyOtherFileIsDeclinedOrReadAsTheFullReaderReadsIt(@ForAll("diaryShaped") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Statistics.label("plain").collect(DiaryColumns.readPlainCsv(bytes).isPresent());
        Statistics.label("refused by the full reader").collect(refused(text));
        assertAgree(bytes);
        // Not vacuous: many texts are read as plain, and many are ones the full reader refuses.
        Statistics.label("plain").coverage(plain -> plain.check(true).percentage(p -> p > 15));
        Statistics.label("refused by the full reader")
                .coverage(refused -> refused.check(true).percentage(p -> p > 15));
    }

    private static boolean refused(String text) {
        try {
            return DiaryCsv.read(text, ImportMode.STRICT).hasErrors();
        } catch (BadInputException refused) {
            return true;
        }
    }

    @Example
    void whatIsNotPlainIsDeclined() {
        String row = "2026-03-02,3,4,7.5,95,4,30,5,8,side,1,fine";
        for (String text : List.of(
                "",
                DiaryCsv.HEADER,
                DiaryCsv.HEADER + "\n",
                "\uFEFF" + DiaryCsv.HEADER + "\n" + row,
                DiaryCsv.HEADER.toUpperCase(java.util.Locale.ROOT) + "\n" + row,
                DiaryCsv.HEADER.replace("pain_am,pain_pm", "pain_pm,pain_am") + "\n" + row,
                DiaryCsv.HEADER + ",mood\n" + row + ",5",
                DiaryCsv.HEADER + "\r" + row,
                DiaryCsv.HEADER + "\n\n" + row,
                DiaryCsv.HEADER + "\n" + row + "\n\n",
                DiaryCsv.HEADER + "\n" + row.replace(",3,", ", 3,"),
                DiaryCsv.HEADER + "\n" + row.replace(",3,", ",11,"),
                DiaryCsv.HEADER + "\n" + row.replace(",95,", ",1441,"),
                DiaryCsv.HEADER + "\n" + row.replace(",7.5,", ",24.5,"),
                DiaryCsv.HEADER + "\n" + row.replace(",side,", ",Side,"),
                DiaryCsv.HEADER + "\n" + row.replace(",1,fine", ",4,fine"),
                DiaryCsv.HEADER + "\n" + row.replace("fine", "caf\u00e9"),
                DiaryCsv.HEADER + "\n" + row.replace("fine", "a\tb"),
                DiaryCsv.HEADER + "\n" + row.replace("fine", "x".repeat(DiaryDay.MAX_NOTE + 1)),
                DiaryCsv.HEADER + "\n" + row.replace("fine", "\"two\nlines\""),
                DiaryCsv.HEADER + "\n" + row.replace("fine", "\"quoted\" "),
                DiaryCsv.HEADER + "\n" + row + ",extra",
                DiaryCsv.HEADER + "\n" + row.replace(",fine", ""),
                DiaryCsv.HEADER + "\n" + row.replace("2026-03-02", "1899-12-31"),
                DiaryCsv.HEADER + "\n" + row.replace("2026-03-02", "2026-02-29"),
                DiaryCsv.HEADER + "\n" + row.replace("2026-03-02", "2026-3-2"),
                DiaryCsv.HEADER + "\n" + row + "\n" + row,
                DiaryCsv.HEADER + "\n" + row + "\n" + row.replace("2026-03-02", "2026-03-01"))) {
            assertThat(DiaryColumns.readPlainCsv(text.getBytes(StandardCharsets.UTF_8)))
                    .as(shown(text))
                    .isEmpty();
        }
    }

    @Example
    void aPlainFileLaysTheDaysOnTheCalendarWithGapsUnrecorded() {
        String text = DiaryCsv.HEADER + "\r\n"
                + "2024-02-28,1,2,7.5,95,4,30,5,8,stomach,1,\r\n"
                + "2024-03-01,,3,,,,,,,back,,\"rain, all day\"\r\n";

        DiaryColumns columns = DiaryColumns.readPlainCsv(text.getBytes(StandardCharsets.US_ASCII))
                .orElseThrow();

        assertThat(columns.first()).isEqualTo(java.time.LocalDate.of(2024, 2, 28));
        assertThat(columns.length()).isEqualTo(3);
        assertThat(columns.recorded()).containsExactly(true, false, true);
        assertThat(columns.painAm()).containsExactly(1, Double.NaN, Double.NaN);
        assertThat(columns.painPm()).containsExactly(2, Double.NaN, 3);
        assertThat(columns.habit(Habit.DESK_HOURS)).containsExactly(7.5, Double.NaN, Double.NaN);
        assertThat(columns.habit(Habit.SLEEP_POSITION_STOMACH)).containsExactly(1, Double.NaN, 0);
        assertThat(columns.habit(Habit.SLEEP_POSITION_SIDE)).containsExactly(0, Double.NaN, 0);
        assertThat(columns.habit(Habit.ARM_LOAD)).containsExactly(1, Double.NaN, Double.NaN);
        assertAgree(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Provide
    Arbitrary<String> plainDiaries() {
        return Combinators.combine(
                        Arbitraries.of("\n", "\r\n"),
                        plainRow().list().ofMinSize(1).ofMaxSize(12),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(true, false))
                .as((end, rows, start, finalLineEnd) -> diary(end, rows, start, finalLineEnd, false));
    }

    /**
     * Plain diaries with one thing changed, mostly a single cell (so that a cell the plain reader gets wrong is not
     * hidden by another that makes it decline), sometimes a row of any cells, a line end or the order of the dates.
     */
    @Provide
    Arbitrary<String> diaryShaped() {
        Arbitrary<List<List<String>>> rows = Combinators.combine(
                        plainRow().list().ofMinSize(1).ofMaxSize(8),
                        Arbitraries.integers().between(0, 7),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.of(ANY_CELLS),
                        Arbitraries.of(ANY_CELLS).list().ofMinSize(9).ofMaxSize(13),
                        Arbitraries.frequency(Tuple.of(1, "none"), Tuple.of(6, "cell"), Tuple.of(1, "row")))
                .as((plain, row, column, cell, anyRow, change) -> {
                    List<List<String>> changed = new ArrayList<>(plain);
                    int at = row % changed.size();
                    if (change.equals("cell")) {
                        List<String> cells = new ArrayList<>(changed.get(at));
                        cells.set(column, cell);
                        changed.set(at, cells);
                    } else if (change.equals("row")) {
                        changed.set(at, anyRow);
                    }
                    return changed;
                });
        Arbitrary<String> end = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("\n", "\r\n")), Tuple.of(1, Arbitraries.of(LINE_ENDS)));
        return Combinators.combine(
                        end,
                        rows,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(true, false),
                        Arbitraries.frequency(Tuple.of(1, true), Tuple.of(5, false)))
                .as((lineEnd, changedRows, start, finalLineEnd, shuffleDates) ->
                        diary(lineEnd, changedRows, start, finalLineEnd, shuffleDates));
    }

    /** The cells after the date of one row, each as Backstop might write it. */
    private Arbitrary<List<String>> plainRow() {
        List<Arbitrary<String>> cells = new ArrayList<>();
        for (List<String> column : PLAIN_CELLS) {
            cells.add(Arbitraries.of(column));
        }
        return Combinators.combine(cells).as(ArrayList::new);
    }

    /**
     * A diary text: the header, then the rows on days from 2024-02-27 on, one, two or more days apart (across the
     * leap day and a month's end), or when {@code shuffled} on days that may repeat and go backwards.
     */
    private static String diary(
            String end, List<List<String>> rows, int start, boolean finalLineEnd, boolean shuffled) {
        StringBuilder text = new StringBuilder(DiaryCsv.HEADER).append(end);
        java.time.LocalDate date = java.time.LocalDate.of(2024, 2, 27);
        for (int i = 0; i < rows.size(); i++) {
            int step = (start + i * 7) % 4;
            date = shuffled ? date.plusDays(step - 1) : date.plusDays(step == 0 ? 1 : step);
            text.append(date).append(',').append(String.join(",", rows.get(i)));
            if (i < rows.size() - 1 || finalLineEnd) {
                text.append(end);
            }
        }
        return text.toString();
    }

    /**
     * When the plain reader reads the file, the full reader reads it with no error and no warning, into the same
     * columns; when it declines, nothing is claimed (the full reader decides).
     */
    private static void assertAgree(byte[] bytes) {
        Optional<DiaryColumns> plain = DiaryColumns.readPlainCsv(bytes);
        if (plain.isEmpty()) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        CsvImport full;
        try {
            full = DiaryCsv.read(text, ImportMode.STRICT);
        } catch (BadInputException refused) {
            throw new AssertionError(
                    "read as plain, but the full reader refuses it (" + refused.getMessage() + "): " + shown(text));
        }
        assertThat(full.warnings()).as(shown(text)).isEmpty();
        assertSameColumns(plain.get(), DiaryColumns.of(full.diary()));
    }

    private static void assertSameColumns(DiaryColumns actual, DiaryColumns expected) {
        assertThat(actual.first()).isEqualTo(expected.first());
        assertThat(actual.length()).isEqualTo(expected.length());
        assertThat(actual.recorded()).isEqualTo(expected.recorded());
        // Arrays of doubles compare bit for bit here (NaN equals NaN, 0.0 is not -0.0).
        assertThat(actual.painAm()).isEqualTo(expected.painAm());
        assertThat(actual.painPm()).isEqualTo(expected.painPm());
        for (Habit habit : Habit.values()) {
            assertThat(actual.habit(habit)).as(habit.name()).isEqualTo(expected.habit(habit));
        }
    }

    private static String shown(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
