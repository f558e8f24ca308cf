package backstop.diary;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The cell syntax as {@link Column} read it with regular expressions, for the reference reader. */
final class ReferenceCells {
    private static final Pattern WHOLE = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?|-?\\.\\d+");

    private ReferenceCells() {}

    static void read(Column column, String cell, DiaryDay.Builder day) throws Column.CellException {
        switch (column) {
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
                        .orElseThrow(() -> new Column.CellException(
                                "must be one of back, side, stomach, mixed; was '" + cell.strip() + "'")));
            case ARM_LOAD -> day.armLoad(armLoad(cell));
            case NOTE -> day.note(cell);
            case DATE -> throw new IllegalStateException("the date starts a day; it is not read into one");
        }
    }

    static LocalDate date(String cell) throws Column.CellException {
        String text = cell.strip();
        if (text.isEmpty()) {
            throw new Column.CellException("is required: every row is one day and needs its date");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException notADate) {
            // falls through to the one message for every bad date
        }
        throw new Column.CellException("must be a date written yyyy-mm-dd, such as 2026-03-14; was '" + text + "'");
    }

    private static int whole(String cell) throws Column.CellException {
        String text = cell.strip();
        if (!WHOLE.matcher(text).matches()) {
            throw new Column.CellException("must be a whole number; was '" + text + "'");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException tooLong) {
            throw new Column.CellException("is far too large; was " + text);
        }
    }

    private static double hours(String cell) throws Column.CellException {
        String text = cell.strip();
        if (!DECIMAL.matcher(text).matches() || text.length() > 20) {
            throw new Column.CellException("must be a number of hours such as 7.5; was '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static ArmLoad armLoad(String cell) throws Column.CellException {
        String reason = "must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy); was '" + cell.strip() + "'";
        String text = cell.strip();
        if (!WHOLE.matcher(text).matches() || text.length() > 2) {
            throw new Column.CellException(reason);
        }
        return ArmLoad.fromLevel(Integer.parseInt(text)).orElseThrow(() -> new Column.CellException(reason));
    }
}
