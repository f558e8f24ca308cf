package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The diary CSV reader as it was before the one-pass reader, on Commons CSV and regular expressions: kept in the tests
 * as the reference that {@link DiaryCsvReader} must agree with on every text ({@code DiaryCsvReaderAgreementTest}).
 */
final class CommonsCsvDiaryReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String text;
    private final LineNumbers lines;
    private final Map<Column, Integer> columnIndex = new EnumMap<>(Column.class);
    private final Map<LocalDate, Long> lineOfDate = new HashMap<>();
    private final List<DiaryDay> days = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int headerSize;

    CommonsCsvDiaryReader(String text) {
        this.text = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        this.lines = new LineNumbers(this.text);
    }

    CsvImport read() {
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException("file", "is not a CSV text file: it contains binary data");
        }
        if (text.isBlank()) {
            throw new BadInputException("file", "is empty; a diary CSV starts with the header line " + DiaryCsv.HEADER);
        }
        CSVParser parser = parser();
        Iterator<CSVRecord> records = parser.iterator();
        // Lines read up to the end of the last good record: a broken record starts on the next line.
        long linesRead = 0;
        try {
            readHeader(records.next());
            linesRead = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                readRow(records.next());
                linesRead = parser.getCurrentLineNumber();
            }
        } catch (UncheckedIOException notCsv) {
            throw new BadInputException("line " + (linesRead + 1), notCsvReason(notCsv));
        }
        return new CsvImport(days, errors, warnings);
    }

    private CSVParser parser() {
        try {
            return org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(new StringReader(text));
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("reading from a string failed", cannotHappen);
        }
    }

    private static String notCsvReason(UncheckedIOException problem) {
        String message = String.valueOf(
                problem.getCause() == null
                        ? problem.getMessage()
                        : problem.getCause().getMessage());
        if (message.contains("EOF")) {
            return "is not valid CSV: a quoted cell is never closed (a \" is missing)";
        }
        return "is not valid CSV: after a closing quote there must be a comma or the end of the line";
    }

    private void readHeader(CSVRecord header) {
        long line = lines.lineOf(header.getCharacterPosition());
        headerSize = header.size();
        for (int index = 0; index < header.size(); index++) {
            String name = header.get(index).strip();
            Column column = Column.fromHeader(name).orElse(null);
            if (column == null) {
                warnings.add(
                        name.isEmpty()
                                ? "column " + (index + 1) + " has no name and was ignored"
                                : "column '" + name + "' is not part of the diary format and was ignored");
            } else if (columnIndex.containsKey(column)) {
                throw new BadInputException(
                        "line " + line + ", " + column.header(),
                        "the column appears twice, as column " + (columnIndex.get(column) + 1) + " and column "
                                + (index + 1));
            } else {
                columnIndex.put(column, index);
            }
        }
        if (!columnIndex.containsKey(Column.DATE)) {
            throw new BadInputException(
                    "line " + line,
                    "is not a diary CSV header: it has no date column." + " The first line must name the columns, e.g. "
                            + DiaryCsv.HEADER);
        }
    }

    private void readRow(CSVRecord row) {
        long line = lines.lineOf(row.getCharacterPosition());
        if (row.size() != headerSize) {
            String where = row.size() < headerSize ? nameOfColumn(row.size()) : "column " + (headerSize + 1);
            errors.add(new FieldError(
                    "line " + line + ", " + where,
                    "the row has " + row.size() + " cells but the header has " + headerSize));
            return;
        }
        LocalDate date;
        try {
            date = ReferenceCells.date(row.get(columnIndex.get(Column.DATE)));
        } catch (Column.CellException badDate) {
            errors.add(new FieldError("line " + line + ", date", badDate.getMessage()));
            return;
        }
        Long earlier = lineOfDate.putIfAbsent(date, line);
        if (earlier != null) {
            errors.add(new FieldError(
                    "line " + line + ", date",
                    date + " is already on line " + earlier + "; a diary has one row per day"));
            return;
        }
        readDay(row, line, date);
    }

    private void readDay(CSVRecord row, long line, LocalDate date) {
        DiaryDay.Builder day = DiaryDay.on(date);
        int errorsBefore = errors.size();
        for (Map.Entry<Column, Integer> entry : columnIndex.entrySet()) {
            Column column = entry.getKey();
            String cell = row.get(entry.getValue());
            // Only a note keeps its spaces; any other cell of spaces is as empty as an empty one.
            if (column == Column.DATE || (column == Column.NOTE ? cell.isEmpty() : cell.isBlank())) {
                continue;
            }
            try {
                ReferenceCells.read(column, cell, day);
            } catch (Column.CellException bad) {
                errors.add(new FieldError("line " + line + ", " + column.header(), bad.getMessage()));
            }
        }
        // Build even after a bad cell, so that the row's range errors are reported in the same pass.
        try {
            DiaryDay built = day.build();
            if (errors.size() == errorsBefore) {
                days.add(built);
            }
        } catch (BadInputException outOfRange) {
            outOfRange
                    .errors()
                    .forEach(error ->
                            errors.add(new FieldError("line " + line + ", " + error.field(), error.message())));
        }
    }

    private String nameOfColumn(int index) {
        return columnIndex.entrySet().stream()
                .filter(entry -> entry.getValue() == index)
                .map(entry -> entry.getKey().header())
                .findFirst()
                .orElse("column " + (index + 1));
    }
}
