package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The diary export with every check-in field: the interchange columns of {@link DiaryCsv}, then {@code locations}
 * (where it hurt) and {@code pain_kinds} (what kind of pain), each a list of codes separated by {@code ;}. The
 * interchange reader ignores the two extra columns; {@link #readDetails} reads them back, so an export imports
 * exactly.
 */
final class CheckInCsv {
    static final List<String> DETAIL_COLUMNS = List.of("locations", "pain_kinds");

    private CheckInCsv() {}

    static String export(List<SavedDay> days) {
        StringBuilder out = new StringBuilder();
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            for (Column column : Column.values()) {
                printer.print(column.header());
            }
            for (String detail : DETAIL_COLUMNS) {
                printer.print(detail);
            }
            printer.println();
            for (SavedDay saved : days) {
                DiaryDay day = saved.checkIn().day();
                for (Column column : Column.values()) {
                    printer.print(column.write(day));
                }
                printer.print(String.join(";", saved.checkIn().details().locations()));
                printer.print(String.join(";", saved.checkIn().details().painKinds()));
                printer.println();
            }
            printer.flush();
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException("writing to a StringBuilder failed", cannotHappen);
        }
        return out.toString();
    }

    /** True when the file's header has the detail columns. */
    static boolean hasDetails(String csv) {
        String header = csv.lines().findFirst().orElse("");
        return Arrays.stream(header.split(",")).map(String::strip).anyMatch(DETAIL_COLUMNS::contains);
    }

    /**
     * Where it hurt and what kind of pain, by date, from a file whose header names {@code locations} and/or
     * {@code pain_kinds}; rows without a readable date are left to the interchange reader to report. An unknown code
     * is refused, naming the day and the column.
     */
    static Map<LocalDate, CheckInDetails> readDetails(String csv) {
        Map<LocalDate, CheckInDetails> details = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .get();
        try (CSVParser parser =
                CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (CSVRecord row : parser) {
                LocalDate date;
                try {
                    date = LocalDate.parse(
                            row.get(header.getOrDefault("date", 0)).strip());
                } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    continue;
                }
                List<String> locations = codes(row, header.get("locations"));
                List<String> kinds = codes(row, header.get("pain_kinds"));
                try {
                    details.put(date, new CheckInDetails(locations, kinds));
                } catch (BadInputException e) {
                    e.errors()
                            .forEach(error -> errors.add(new FieldError(date + ", " + error.field(), error.message())));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Map.of(); // the interchange reader reports what is wrong with the file itself
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return details;
    }

    private static List<String> codes(CSVRecord row, Integer column) {
        if (column == null || column >= row.size() || row.get(column).isBlank()) {
            return List.of();
        }
        return Arrays.stream(row.get(column).split(";"))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .toList();
    }
}
