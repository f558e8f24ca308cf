package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.error.BadInputException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass reader reads every text as the reader on Commons CSV and regular expressions did (kept in the tests
 * as {@link CommonsCsvDiaryReader}): the same days, the same errors naming the same lines and fields, the same
 * warnings, or the same refusal of the whole file.
 */
class DiaryCsvReaderAgreementTest {
    private static final List<String> CELLS = List.of(
            "",
            " ",
            "  ",
            "5",
            "0",
            "-3",
            "11",
            "007",
            "7.5",
            ".5",
            "-.5",
            "7.",
            ".",
            "-",
            "1e3",
            "24",
            "24.5",
            "0.25",
            "12345678901234567",
            "99999999999",
            "2147483648",
            "-2147483648",
            "4.5",
            "03",
            "3",
            "4",
            "-1",
            "2026-03-02",
            "2026-03-03",
            " 2026-03-04 ",
            "2026-02-30",
            "2026-3-02",
            "0000-01-01",
            "2201-01-01",
            "+202-01-01",
            "2026-03-0x",
            "03/04/2026",
            "back",
            " SIDE ",
            "stomach",
            "mixed",
            "couch",
            "note",
            "a,b",
            "\"quoted\"",
            "\"a\"\"b\"",
            "\"x\" ",
            "\"x\"\t",
            "\"x\"y",
            "\"two\nlines\"",
            "\"cr\rlf\r\n\"",
            "\"\"",
            "\"",
            "x\"y",
            "\"open",
            "date",
            "pain_pm",
            "\u00a0",
            "\u2003",
            "é",
            "\"\"\"\"");
    private static final List<String> HEADERS = List.of(
            "date",
            "pain_am",
            "pain_pm",
            "desk_hours",
            "longest_sit_min",
            "breaks",
            "exercise_min",
            "stress",
            "sleep_quality",
            "sleep_position",
            "arm_load",
            "note",
            "mood",
            "",
            " Pain_PM ",
            "\"date\"",
            "date");
    private static final List<String> LINE_ENDS = List.of("\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "");

    @Property(tries = 1000)
    void bothReadersAgreeOnDiaryShapedTexts(@ForAll("diaryShaped") String text) {
        assertAgree(text);
    }

    @Property(tries = 1000)
    void bothReadersAgreeOnArbitraryTexts(@ForAll("anyText") String body) {
        assertAgree(DiaryCsv.HEADER + "\n" + body);
        assertAgree(body);
    }

    @Example
    void bothReadersAgreeOnTheGoldenDiaries() throws Exception {
        for (String name : List.of("person-1095d-seed101", "person-1095d-seed202-null", "person-180d-seed303")) {
            try (var in = getClass().getResourceAsStream("/insights/golden/" + name + ".csv")) {
                assertAgree(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Provide
    Arbitrary<String> diaryShaped() {
        Arbitrary<String> header =
                Arbitraries.of(HEADERS).list().ofMinSize(1).ofMaxSize(13).map(h -> String.join(",", h));
        Arbitrary<String> row =
                Arbitraries.of(CELLS).list().ofMinSize(0).ofMaxSize(14).map(c -> String.join(",", c));
        Arbitrary<String> end = Arbitraries.of(LINE_ENDS);
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(row, end).as(String::concat);
        return net.jqwik.api.Combinators.combine(
                        Arbitraries.of("", "\uFEFF", "\n", "\r\n"),
                        Arbitraries.oneOf(header, Arbitraries.just(DiaryCsv.HEADER)),
                        end,
                        line.list().ofMaxSize(8))
                .as((bom, h, e, rows) -> bom + h + e + String.join("", rows));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings()
                .withChars(",\"\n\r \t0123456789-.:abdeklmnoprst=\u00a0\u2003")
                .ofMaxLength(120);
    }

    private static void assertAgree(String text) {
        Object expected = outcome(() -> new CommonsCsvDiaryReader(text).read());
        Object actual = outcome(() -> new DiaryCsvReader(text).read());
        assertThat(actual)
                .as("reading %s", text.replace("\r", "\\r").replace("\n", "\\n"))
                .isEqualTo(expected);
    }

    private static Object outcome(java.util.function.Supplier<CsvImport> read) {
        try {
            return read.get();
        } catch (BadInputException refused) {
            return refused.errors();
        }
    }
}
