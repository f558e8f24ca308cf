package backstop.diary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The columns of the diary CSV format in their canonical order, each knowing how to read its cell into a
 * {@link DiaryDay.Builder} and write it back. Cells are read for their syntax here; ranges are checked once, by
 * {@link DiaryDay}.
 */
enum Column {
    DATE("date"),
    PAIN_AM("pain_am"),
    PAIN_PM("pain_pm"),
    DESK_HOURS("desk_hours"),
    LONGEST_SIT_MIN("longest_sit_min"),
    BREAKS("breaks"),
    EXERCISE_MIN("exercise_min"),
    STRESS("stress"),
    SLEEP_QUALITY("sleep_quality"),
    SLEEP_POSITION("sleep_position"),
    ARM_LOAD("arm_load"),
    NOTE("note");

    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?|-?\\.\\d+");

    private final String header;

    Column(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    static Optional<Column> fromHeader(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(column -> column.header.equals(wanted))
                .findFirst();
    }

    /** Reads a non-empty cell of every column but {@link #DATE}, which starts the builder. */
    void read(String cell, DiaryDay.Builder day) throws CellException {
        switch (this) {
            case PAIN_AM -> day.painAm(whole(cell));
            case PAIN_PM -> day.painPm(whole(cell));
            case DESK_HOURS -> day.deskHours(hours(cell));
            case LONGEST_SIT_MIN -> day.longestSitMin(whole(cell));
            case BREAKS -> day.breaks(whole(cell));
            case EXERCISE_MIN -> day.exerciseMin(whole(cell));
            case STRESS -> day.stress(whole(cell));
            case SLEEP_QUALITY -> day.sleepQuality(whole(cell));
            case SLEEP_POSITION ->
                day.sleepPosition(SleepPosition.fromCode(cell)
                        .orElseThrow(() -> new CellException(
                                "must be one of back, side, stomach, mixed; was '" + cell.strip() + "'")));
            case ARM_LOAD -> day.armLoad(armLoad(cell));
            case NOTE -> day.note(cell);
            case DATE -> throw new IllegalStateException("the date starts a day; it is not read into one");
        }
    }

    String write(DiaryDay day) {
        return switch (this) {
            case DATE -> day.date().toString();
            case PAIN_AM -> text(day.painAm());
            case PAIN_PM -> text(day.painPm());
            case DESK_HOURS -> text(day.deskHours());
            case LONGEST_SIT_MIN -> text(day.longestSitMin());
            case BREAKS -> text(day.breaks());
            case EXERCISE_MIN -> text(day.exerciseMin());
            case STRESS -> text(day.stress());
            case SLEEP_QUALITY -> text(day.sleepQuality());
            case SLEEP_POSITION -> day.sleepPosition().map(SleepPosition::code).orElse("");
            case ARM_LOAD ->
                day.armLoad().map(load -> Integer.toString(load.level())).orElse("");
            case NOTE -> day.note();
        };
    }

    static LocalDate date(String cell) throws CellException {
        String text = cell.strip();
        if (text.isEmpty()) {
            throw new CellException("is required: every row is one day and needs its date");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException notADate) {
            // falls through to the one message for every bad date
        }
        throw new CellException("must be a date written yyyy-mm-dd, such as 2026-03-14; was '" + text + "'");
    }

    private static int whole(String cell) throws CellException {
        String text = cell.strip();
        if (!WHOLE.matcher(text).matches()) {
            throw new CellException("must be a whole number; was '" + text + "'");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException tooLong) {
            throw new CellException("is far too large; was " + text);
        }
    }

    private static double hours(String cell) throws CellException {
        String text = cell.strip();
        if (!DECIMAL.matcher(text).matches() || text.length() > 20) {
            throw new CellException("must be a number of hours such as 7.5; was '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static ArmLoad armLoad(String cell) throws CellException {
        String reason = "must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy); was '" + cell.strip() + "'";
        String text = cell.strip();
        if (!WHOLE.matcher(text).matches() || text.length() > 2) {
            throw new CellException(reason);
        }
        return ArmLoad.fromLevel(Integer.parseInt(text)).orElseThrow(() -> new CellException(reason));
    }

    private static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : "";
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? DiaryNumbers.format(value.getAsDouble()) : "";
    }

    /** One cell that cannot be read; the reason is shown to the person next to the line and column. */
    static final class CellException extends Exception {
        private static final long serialVersionUID = 1L;

        CellException(String reason) {
            super(reason, null, false, false);
        }
    }
}
