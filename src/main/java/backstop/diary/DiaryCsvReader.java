package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one diary CSV text in a single pass, collecting every bad row instead of stopping at the first. Used once, by
 * DiaryCsv. RFC 4180 as Commons CSV reads it: cells split at commas; a cell that starts with a double quote runs to
 * the next lone quote (a doubled quote is one quote, and line ends inside are part of the cell), and after it only
 * spaces may come before the comma or the line end; records end at CRLF, LF or a lone CR; empty lines are skipped.
 * Lines are counted as editors count them while reading, so a quoted note that spans lines keeps the numbers right.
 */
final class DiaryCsvReader {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Column[] COLUMNS = Column.values();

    private final String text;
    /** The same text, scanned as an array (quicker per character than {@code charAt}). */
    private final char[] chars;

    private final int length;
    /** Where reading has got to, and the line (from 1) that position is on. */
    private int position;

    private int line = 1;
    /** The line the record just read starts on. */
    private int recordLine;

    /**
     * The record just read, cell by cell, without a string per cell: cell i is {@code text[cellFrom[i], cellTo[i])},
     * or {@code cellOwn[i]} when it is not a plain stretch of the text (a quoted cell with a doubled quote).
     */
    private int cellCount;

    private int[] cellFrom = new int[16];
    private int[] cellTo = new int[16];
    private String[] cellOwn = new String[16];
    /**
     * Cell i's value when it is one to nine ASCII digits and nothing else, else −1: worked out while the cell is cut
     * out, so that the usual cell of a diary (a count, a pain score) is not scanned again to be read.
     */
    private int[] cellDigits = new int[16];
    /** The header's index of each column (by ordinal), −1 when absent. */
    private final int[] columnIndex = new int[COLUMNS.length];

    /**
     * The line of each date read so far, made only once a date comes that is not later than every one before it (a
     * diary written in date order never needs it); until then {@link #lineOfDay} keeps each day's line in order.
     */
    private Map<LocalDate, Integer> lineOfDate;

    private final List<LocalDate> dates;
    private int[] lineOfDay = new int[64];
    private LocalDate latest;
    private final List<DiaryDay> days;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private int headerSize;

    DiaryCsvReader(String text) {
        this.text = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        this.length = this.text.length();
        this.chars = this.text.toCharArray();
        // About one day per 32 characters of a diary file, so that the lists seldom grow.
        dates = new ArrayList<>(length / 32 + 16);
        days = new ArrayList<>(length / 32 + 16);
        Arrays.fill(columnIndex, -1);
    }

    CsvImport read() {
        if (text.indexOf('\0') >= 0) {
            throw new BadInputException("file", "is not a CSV text file: it contains binary data");
        }
        if (text.isBlank()) {
            throw new BadInputException("file", "is empty; a diary CSV starts with the header line " + DiaryCsv.HEADER);
        }
        // The line after the last good record: a broken record is reported from there.
        int brokenFrom = 1;
        try {
            nextRecord();
            readHeader();
            brokenFrom = line;
            while (nextRecord()) {
                readRow();
                brokenFrom = line;
            }
        } catch (NotCsv notCsv) {
            throw new BadInputException("line " + brokenFrom, notCsv.getMessage());
        }
        return new CsvImport(days, errors, warnings);
    }

    /** Reads the next record's cells into {@link #cells}, skipping empty lines; false at the end of the text. */
    private boolean nextRecord() throws NotCsv {
        cellCount = 0;
        while (position < length && lineEndAt(position)) {
            skipLineEnd();
        }
        if (position >= length) {
            return false;
        }
        recordLine = line;
        while (true) {
            if (cellCount == cellFrom.length) {
                cellFrom = Arrays.copyOf(cellFrom, cellCount * 2);
                cellTo = Arrays.copyOf(cellTo, cellCount * 2);
                cellOwn = Arrays.copyOf(cellOwn, cellCount * 2);
                cellDigits = Arrays.copyOf(cellDigits, cellCount * 2);
            }
            if (position < length && chars[position] == '"') {
                quotedCell();
            } else {
                plainCell();
            }
            cellCount++;
            if (position >= length) {
                return true;
            }
            if (chars[position] == ',') {
                position++;
            } else {
                skipLineEnd();
                return true;
            }
        }
    }

    private void plainCell() {
        int start = position;
        char[] scanned = chars;
        int at = position;
        int value = 0;
        boolean digitsOnly = true;
        while (at < length) {
            char c = scanned[at];
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else if (c == ',' || c == '\n' || c == '\r') {
                break;
            } else {
                digitsOnly = false;
            }
            at++;
        }
        position = at;
        cellFrom[cellCount] = start;
        cellTo[cellCount] = position;
        cellOwn[cellCount] = null;
        // Past nine digits the sum may have overflowed; such a cell is read the long way.
        cellDigits[cellCount] = digitsOnly && at > start && at - start <= 9 ? value : -1;
    }

    private void quotedCell() throws NotCsv {
        int start = position + 1;
        position = start;
        boolean doubled = false;
        while (true) {
            int quote = text.indexOf('"', position);
            if (quote < 0) {
                throw new NotCsv("is not valid CSV: a quoted cell is never closed (a \" is missing)");
            }
            if (quote + 1 < length && chars[quote + 1] == '"') {
                doubled = true;
                position = quote + 2;
            } else {
                countLineEnds(start, quote);
                cellDigits[cellCount] = -1;
                if (doubled) {
                    // A doubled quote is one quote; rare, so the cell gets a string of its own.
                    String own = text.substring(start, quote).replace("\"\"", "\"");
                    cellFrom[cellCount] = 0;
                    cellTo[cellCount] = own.length();
                    cellOwn[cellCount] = own;
                } else {
                    cellFrom[cellCount] = start;
                    cellTo[cellCount] = quote;
                    cellOwn[cellCount] = null;
                }
                position = quote + 1;
                break;
            }
        }
        while (position < length) {
            char c = text.charAt(position);
            if (c == ',' || lineEndAt(position)) {
                return;
            }
            if (!Character.isWhitespace(c)) {
                throw new NotCsv(
                        "is not valid CSV: after a closing quote there must be a comma or the end of the line");
            }
            position++;
        }
    }

    /** Cell i of the record just read, as a string. */
    private String cell(int index) {
        String own = cellOwn[index];
        return own != null ? own : text.substring(cellFrom[index], cellTo[index]);
    }

    private boolean lineEndAt(int at) {
        char c = chars[at];
        return c == '\n' || c == '\r';
    }

    /** Steps over one CRLF, LF or lone CR at {@link #position}. */
    private void skipLineEnd() {
        if (text.charAt(position) == '\r' && position + 1 < length && text.charAt(position + 1) == '\n') {
            position++;
        }
        position++;
        line++;
    }

    /** Counts the line ends inside a quoted cell, from {@code from} up to {@code to}. */
    private void countLineEnds(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
    }

    private void readHeader() {
        headerSize = cellCount;
        for (int index = 0; index < headerSize; index++) {
            String name = cell(index).strip();
            Column column = Column.fromHeader(name).orElse(null);
            if (column == null) {
                warnings.add(
                        name.isEmpty()
                                ? "column " + (index + 1) + " has no name and was ignored"
                                : "column '" + name + "' is not part of the diary format and was ignored");
            } else if (columnIndex[column.ordinal()] >= 0) {
                throw new BadInputException(
                        "line " + recordLine + ", " + column.header(),
                        "the column appears twice, as column " + (columnIndex[column.ordinal()] + 1) + " and column "
                                + (index + 1));
            } else {
                columnIndex[column.ordinal()] = index;
            }
        }
        if (columnIndex[Column.DATE.ordinal()] < 0) {
            throw new BadInputException(
                    "line " + recordLine,
                    "is not a diary CSV header: it has no date column." + " The first line must name the columns, e.g. "
                            + DiaryCsv.HEADER);
        }
    }

    private void readRow() {
        int rowLine = recordLine;
        int size = cellCount;
        if (size != headerSize) {
            String where = size < headerSize ? nameOfColumn(size) : "column " + (headerSize + 1);
            errors.add(new FieldError(
                    "line " + rowLine + ", " + where,
                    "the row has " + size + " cells but the header has " + headerSize));
            return;
        }
        LocalDate date;
        try {
            int index = columnIndex[Column.DATE.ordinal()];
            String own = cellOwn[index];
            date = own != null ? Column.date(own) : Column.date(chars, cellFrom[index], cellTo[index]);
        } catch (Column.CellException badDate) {
            errors.add(new FieldError("line " + rowLine + ", date", badDate.getMessage()));
            return;
        }
        Integer earlier = remember(date, rowLine);
        if (earlier != null) {
            errors.add(new FieldError(
                    "line " + rowLine + ", date",
                    date + " is already on line " + earlier + "; a diary has one row per day"));
            return;
        }
        readDay(rowLine, date);
    }

    /** Notes the line of a new date; for a date seen before, returns its first line instead. */
    private Integer remember(LocalDate date, int rowLine) {
        if (lineOfDate == null && (latest == null || date.isAfter(latest))) {
            latest = date;
            dates.add(date);
            if (dates.size() > lineOfDay.length) {
                lineOfDay = Arrays.copyOf(lineOfDay, lineOfDay.length * 2);
            }
            lineOfDay[dates.size() - 1] = rowLine;
            return null;
        }
        if (lineOfDate == null) {
            lineOfDate = new HashMap<>();
            for (int i = 0; i < dates.size(); i++) {
                lineOfDate.put(dates.get(i), lineOfDay[i]);
            }
        }
        return lineOfDate.putIfAbsent(date, rowLine);
    }

    private void readDay(int rowLine, LocalDate date) {
        DiaryDay.Builder day = DiaryDay.on(date);
        int errorsBefore = errors.size();
        for (Column column : COLUMNS) {
            int index = columnIndex[column.ordinal()];
            if (index < 0 || column == Column.DATE) {
                continue;
            }
            int digits = cellDigits[index];
            if (digits >= 0 && column.readDigits(digits, cellTo[index] - cellFrom[index], day)) {
                continue;
            }
            String own = cellOwn[index];
            char[] source = own != null ? own.toCharArray() : chars;
            int from = cellFrom[index];
            int to = cellTo[index];
            // Only a note keeps its spaces; any other cell of spaces is as empty as an empty one.
            if (column == Column.NOTE ? from == to : Column.isBlank(source, from, to)) {
                continue;
            }
            try {
                if (!column.readSimple(source, from, to, day)) {
                    column.read(new String(source, from, to - from), day);
                }
            } catch (Column.CellException bad) {
                errors.add(new FieldError("line " + rowLine + ", " + column.header(), bad.getMessage()));
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
                            errors.add(new FieldError("line " + rowLine + ", " + error.field(), error.message())));
        }
    }

    private String nameOfColumn(int index) {
        for (Column column : COLUMNS) {
            if (columnIndex[column.ordinal()] == index) {
                return column.header();
            }
        }
        return "column " + (index + 1);
    }

    /** The text is not CSV at all from the current record on. */
    private static final class NotCsv extends Exception {
        private static final long serialVersionUID = 1L;

        NotCsv(String reason) {
            super(reason, null, false, false);
        }
    }
}
