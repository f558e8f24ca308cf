package backstop.web;

import backstop.error.BadInputException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates that arrive in paths, queries and forms: written yyyy-mm-dd, within the years a diary can describe. The
 * bounds keep "year −999999999" out of arithmetic and out of arrays sized by days.
 */
public final class DateParam {
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private DateParam() {}

    public static LocalDate parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (!ISO.matcher(value).matches()) {
            throw new BadInputException(field, "must be a date written yyyy-mm-dd");
        }
        LocalDate date;
        try {
            // The pattern has checked the digits; LocalDate.of skips the formatter's general parse (a few percent of
            // an API write's request-thread time) and refuses a day that does not exist just the same.
            date = LocalDate.of(
                    Integer.parseInt(value, 0, 4, 10),
                    Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            throw new BadInputException(field, value + " is not a real date (write it yyyy-mm-dd)");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new BadInputException(field, "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return date;
    }

    /** Empty when the parameter is absent or blank. */
    public static Optional<LocalDate> optional(String field, String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(field, text));
    }
}
