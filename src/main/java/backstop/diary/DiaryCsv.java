package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The diary interchange format: RFC 4180 CSV, UTF-8, one row per day under the header {@link #HEADER}. Reading
 * accepts columns in any order, a byte order mark and any line ends; writing is canonical, so that writing and
 * reading back gives the same {@link Diary}. The format is described for people in {@code docs/formats.md}.
 */
public final class DiaryCsv {

    /** The canonical header; written first on every export. */
    public static final String HEADER =
            Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(","));

    // RFC 4180: comma, double quote, CRLF; quotes only where a cell needs them.
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private DiaryCsv() {}

    /**
     * Reads UTF-8 bytes, such as an uploaded file.
     *
     * @throws BadInputException when the file is not a diary CSV at all, or in {@link ImportMode#STRICT} when any row
     *     is bad (listing every bad row)
     */
    public static CsvImport read(InputStream in, ImportMode mode) throws IOException {
        String text = StrictUtf8.decode(in.readAllBytes(), "file", "is not a CSV text file: it is not UTF-8 text");
        return read(text, mode);
    }

    /** Reads text already decoded; see {@link #read(InputStream, ImportMode)}. */
    public static CsvImport read(String text, ImportMode mode) {
        CsvImport result = new DiaryCsvReader(text).read();
        if (mode == ImportMode.STRICT && result.hasErrors()) {
            throw new BadInputException(result.errors());
        }
        return result;
    }

    /** Writes the canonical form: the header above, dates ascending, empty cells for what was not recorded. */
    public static void write(Diary diary, Appendable out) throws IOException {
        // Not closed: the caller owns the stream (an HTTP response, a file, standard output).
        CSVPrinter printer = new CSVPrinter(out, FORMAT);
        for (Column column : Column.values()) {
            printer.print(column.header());
        }
        printer.println();
        for (DiaryDay day : diary.days()) {
            for (Column column : Column.values()) {
                printer.print(column.write(day));
            }
            printer.println();
        }
        printer.flush();
    }

    public static String toCsv(Diary diary) {
        StringBuilder text = new StringBuilder();
        try {
            write(diary, text);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to a StringBuilder failed", cannotHappen);
        }
        return text.toString();
    }
}
