package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiaryCsvImportTest {
    private static final String HEADER = DiaryCsv.HEADER + "\n";
    private static final String GOOD_ROW = "2026-03-02,3,5,8,95,4,0,6,5,side,1,\n";

    private static CsvImport skippingBad(String csv) {
        return DiaryCsv.read(csv, ImportMode.SKIP_BAD);
    }

    private static FieldError onlyError(String row) {
        CsvImport result = skippingBad(HEADER + GOOD_ROW + row);
        assertThat(result.days()).hasSize(1);
        assertThat(result.errors()).hasSize(1);
        return result.errors().get(0);
    }

    @Test
    void aValidFileGivesEveryDayWithEmptyCellsAsNotRecorded() throws IOException {
        CsvImport result = readResource("valid-small.csv", ImportMode.STRICT);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.days())
                .extracting(DiaryDay::date)
                .containsExactly(
                        LocalDate.parse("2026-03-02"),
                        LocalDate.parse("2026-03-03"),
                        LocalDate.parse("2026-03-04"),
                        LocalDate.parse("2026-03-06"),
                        LocalDate.parse("2026-03-07"),
                        LocalDate.parse("2026-03-08"));
        DiaryDay march4 = result.diary().day(LocalDate.parse("2026-03-04")).orElseThrow();
        assertThat(march4.painAm()).isEmpty();
        assertThat(march4.longestSitMin()).isEmpty();
        assertThat(march4.painPm()).hasValue(3);
        assertThat(result.days().get(1).deskHours()).hasValue(7.5);
        assertThat(result.days().get(1).note()).isEqualTo("felt stiff after the meeting, better after a walk");
        assertThat(result.days().get(3).note()).isEqualTo("deadline; said \"no more overtime\"");
        assertThat(result.days().get(4).note()).isEqualTo("moved the sofa\nthen rested");
        assertThat(result.days().get(4).armLoad()).contains(ArmLoad.HEAVY);
        assertThat(result.days().get(5).isBlank()).isFalse();
        assertThat(result.days().get(5).painAm()).hasValue(1);
    }

    @Test
    void strictModeRefusesTheWholeFileListingEveryBadRowWithLineColumnAndReason() {
        assertThatThrownBy(() -> readResource("bad-rows.csv", ImportMode.STRICT))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        refused -> assertThat(refused.errors())
                                .containsExactlyInAnyOrderElementsOf(expectedErrorsOfBadRowsSample()));
    }

    @Test
    void skipBadModeKeepsTheGoodRowsAndReportsTheRest() throws IOException {
        CsvImport result = readResource("bad-rows.csv", ImportMode.SKIP_BAD);

        assertThat(result.days())
                .extracting(DiaryDay::date)
                .containsExactly(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-07"));
        assertThat(result.days().get(0).note()).isEqualTo("fine day");
        assertThat(result.errors()).containsExactlyInAnyOrderElementsOf(expectedErrorsOfBadRowsSample());
    }

    private static List<FieldError> expectedErrorsOfBadRowsSample() {
        return List.of(
                new FieldError(
                        "line 3, date", "must be a date written yyyy-mm-dd, such as 2026-03-14; was '2026-03-32'"),
                new FieldError("line 4, pain_pm", "must be between 0 and 10, was 11"),
                new FieldError("line 5, desk_hours", "must be between 0 and 24 hours, was 25"),
                new FieldError("line 5, sleep_position", "must be one of back, side, stomach, mixed; was 'couch'"),
                new FieldError("line 6, breaks", "must be a whole number; was '4.5'"),
                new FieldError("line 6, exercise_min", "must be 0 or more, was -10"),
                new FieldError("line 6, arm_load", "must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy); was '4'"),
                new FieldError("line 7, date", "2026-03-02 is already on line 2; a diary has one row per day"),
                new FieldError("line 8, breaks", "the row has 5 cells but the header has 12"));
    }

    @Test
    void aDateThatIsNotIsoIsRefused() {
        assertThat(onlyError("03/04/2026,3,5,8,95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError(
                        "line 3, date", "must be a date written yyyy-mm-dd, such as 2026-03-14; was '03/04/2026'"));
    }

    @Test
    void aRowWithoutADateIsRefused() {
        assertThat(onlyError(",3,5,8,95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, date", "is required: every row is one day and needs its date"));
    }

    @Test
    void aSecondRowForTheSameDateNamesBothLines() {
        assertThat(onlyError("2026-03-02,1,1,,,,,,,,,\n"))
                .isEqualTo(
                        new FieldError("line 3, date", "2026-03-02 is already on line 2; a diary has one row per day"));
    }

    @Test
    void painAboveTenIsOutOfRange() {
        assertThat(onlyError("2026-03-03,12,5,8,95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, pain_am", "must be between 0 and 10, was 12"));
    }

    @Test
    void aDecimalWhereAWholeNumberBelongsIsRefused() {
        assertThat(onlyError("2026-03-03,3,5,8,95,4,0,6.5,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, stress", "must be a whole number; was '6.5'"));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThat(onlyError("2026-03-03,3,5,8,-95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, longest_sit_min", "must be 0 or more, was -95"));
    }

    @Test
    void anUnknownSleepPositionIsRefused() {
        assertThat(onlyError("2026-03-03,3,5,8,95,4,0,6,5,upright,1,\n"))
                .isEqualTo(new FieldError(
                        "line 3, sleep_position", "must be one of back, side, stomach, mixed; was 'upright'"));
    }

    @Test
    void anArmLoadOutsideZeroToThreeIsRefused() {
        assertThat(onlyError("2026-03-03,3,5,8,95,4,0,6,5,side,heavy,\n"))
                .isEqualTo(new FieldError(
                        "line 3, arm_load", "must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy); was 'heavy'"));
    }

    @Test
    void moreThanTwentyFourDeskHoursIsRefused() {
        assertThat(onlyError("2026-03-03,3,5,24.5,95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, desk_hours", "must be between 0 and 24 hours, was 24.5"));
    }

    @Test
    void deskHoursThatAreNotANumberAreRefused() {
        assertThat(onlyError("2026-03-03,3,5,7h,95,4,0,6,5,side,1,\n"))
                .isEqualTo(new FieldError("line 3, desk_hours", "must be a number of hours such as 7.5; was '7h'"));
    }

    @Test
    void aRowWithTooManyCellsNamesTheFirstExtraColumn() {
        assertThat(onlyError("2026-03-03,3,5,8,95,4,0,6,5,side,1,,surprise\n"))
                .isEqualTo(new FieldError("line 3, column 13", "the row has 13 cells but the header has 12"));
    }

    @Test
    void aRowWithTooFewCellsNamesTheFirstMissingColumn() {
        assertThat(onlyError("2026-03-03,3,5\n"))
                .isEqualTo(new FieldError("line 3, desk_hours", "the row has 3 cells but the header has 12"));
    }

    @Test
    void lineNumbersCountTheLinesOfMultiLineNotesAndBlankLines() {
        String csv = HEADER + "2026-03-01,1,1,,,,,,,,,\"two\nlines\"\n\n2026-03-02,11,1,,,,,,,,,\n";
        assertThat(skippingBad(csv).errors())
                .containsExactly(new FieldError("line 5, pain_am", "must be between 0 and 10, was 11"));
    }

    @Test
    void aNoteWithDoubledQuotesAcrossLinesKeepsOneQuoteEachAndTheLineCount() {
        String csv =
                HEADER + "2026-03-01,1,1,,,,,,,,,\"said \"\"no\"\"\r\nthen \"\"\"\"\nyes\"\n2026-03-02,11,1,,,,,,,,,\n";
        CsvImport result = skippingBad(csv);
        assertThat(result.days()).extracting(DiaryDay::note).containsExactly("said \"no\"\r\nthen \"\"\nyes");
        assertThat(result.errors())
                .containsExactly(new FieldError("line 5, pain_am", "must be between 0 and 10, was 11"));
    }

    @Test
    void columnsMayComeInAnyOrderAndMissingOnesAreNotRecorded() {
        CsvImport result = DiaryCsv.read("note,pain_pm,date\n\"late, tired\",6,2026-03-02\n", ImportMode.STRICT);

        assertThat(result.days())
                .containsExactly(DiaryDay.on(LocalDate.parse("2026-03-02"))
                        .painPm(6)
                        .note("late, tired")
                        .build());
    }

    @Test
    void anUnknownColumnIsIgnoredWithAWarningNamingIt() {
        CsvImport result = DiaryCsv.read("date,mood,pain_pm\n2026-03-02,grumpy,6\n", ImportMode.STRICT);

        assertThat(result.days())
                .containsExactly(
                        DiaryDay.on(LocalDate.parse("2026-03-02")).painPm(6).build());
        assertThat(result.warnings()).containsExactly("column 'mood' is not part of the diary format and was ignored");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreTolerated() throws IOException {
        String csv = "\uFEFF" + DiaryCsv.HEADER + "\r\n" + GOOD_ROW.replace("\n", "\r\n")
                + "2026-03-03,2,4,7.5,80,5,20,5,6,back,0,\"two\r\nlines\"\r\n";
        InputStream bytes = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));

        CsvImport result = DiaryCsv.read(bytes, ImportMode.STRICT);

        assertThat(result.days()).hasSize(2);
        assertThat(result.days().get(0).date()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(result.days().get(1).note()).isEqualTo("two\r\nlines");
    }

    @Test
    void aFileWithoutADateColumnIsNotADiary() {
        assertThatThrownBy(() -> DiaryCsv.read("{\"days\": []}\n", ImportMode.SKIP_BAD))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        refused -> assertThat(refused.errors())
                                .containsExactly(new FieldError(
                                        "line 1",
                                        "is not a diary CSV header: it has no date column. The first line"
                                                + " must name the columns, e.g. " + DiaryCsv.HEADER)));
    }

    @Test
    void binaryAndNonUtf8FilesAreNotCsv() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        assertThatThrownBy(() -> DiaryCsv.read(new ByteArrayInputStream(png), ImportMode.SKIP_BAD))
                .hasMessage("file: is not a CSV text file: it is not UTF-8 text");
        assertThatThrownBy(() -> DiaryCsv.read("date\u0000\u0001", ImportMode.SKIP_BAD))
                .hasMessage("file: is not a CSV text file: it contains binary data");
    }

    @Test
    void anEmptyFileSaysWhatItShouldStartWith() {
        assertThatThrownBy(() -> DiaryCsv.read("\n\n", ImportMode.SKIP_BAD))
                .hasMessage("file: is empty; a diary CSV starts with the header line " + DiaryCsv.HEADER);
    }

    @Test
    void anUnclosedQuoteIsReportedAsBrokenCsv() {
        assertThatThrownBy(() -> DiaryCsv.read(
                        HEADER + GOOD_ROW + "2026-03-03,1,1,,,,,,,,,\"never closed\n", ImportMode.SKIP_BAD))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        refused -> assertThat(refused.errors())
                                .containsExactly(new FieldError(
                                        "line 3",
                                        "is not valid CSV: a quoted cell is never closed (a \" is missing)")));
    }

    @Test
    void textAfterAClosingQuoteIsReportedAsBrokenCsvOnItsLine() {
        assertThatThrownBy(() -> DiaryCsv.read(
                        HEADER + GOOD_ROW + "2026-03-03,1,1,,,,,,,,,\"quoted\" then more\n", ImportMode.SKIP_BAD))
                .hasMessage(
                        "line 3: is not valid CSV: after a closing quote there must be a comma or the end of the line");
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        assertThatThrownBy(() -> DiaryCsv.read("date,pain_pm,pain_pm\n", ImportMode.SKIP_BAD))
                .hasMessage("line 1, pain_pm: the column appears twice, as column 2 and column 3");
    }

    private static CsvImport readResource(String name, ImportMode mode) throws IOException {
        try (InputStream in = DiaryCsvImportTest.class.getResourceAsStream("/diary/" + name)) {
            return DiaryCsv.read(in, mode);
        }
    }
}
