package backstop.diary;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

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

    private static final Column[] VALUES = values();
    private static final SleepPosition[] SLEEP_POSITIONS = SleepPosition.values();
    private static final ArmLoad[] ARM_LOADS = ArmLoad.values();
    /** 10^0 .. 10^22, each exact as a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final String header;

    Column(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    static Optional<Column> fromHeader(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(VALUES)
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
                day.sleepPosition(sleepPosition(cell)
                        .orElseThrow(() -> new CellException(
                                "must be one of back, side, stomach, mixed; was '" + cell.strip() + "'")));
            case ARM_LOAD -> day.armLoad(armLoad(cell));
            case NOTE -> day.note(cell);
            case DATE -> throw new IllegalStateException("the date starts a day; it is not read into one");
        }
    }

    /**
     * Reads a non-empty cell, {@code source[from, to)}, of every column but {@link #DATE} when it is written the
     * simple way the files we write have it (a short whole number, hours with up to 15 digits, a sleep position's
     * exact code, an arm-load digit, any note), with no string made for it; false for anything else, which
     * {@link #read} then reads, with its message when it is wrong. Both give the same value.
     */
    boolean readSimple(char[] source, int from, int to, DiaryDay.Builder day) {
        if (this == NOTE) {
            day.note(new String(source, from, to - from));
            return true;
        }
        if (this == SLEEP_POSITION) {
            for (SleepPosition position : SLEEP_POSITIONS) {
                String code = position.code();
                if (isCode(code, source, from, to)) {
                    day.sleepPosition(position);
                    return true;
                }
            }
            return false;
        }
        while (from < to && isWhitespace(source[from])) {
            from++;
        }
        while (to > from && isWhitespace(source[to - 1])) {
            to--;
        }
        if (this == DESK_HOURS) {
            return simpleHours(source, from, to, day);
        }
        boolean negative = from < to && source[from] == '-';
        int start = negative ? from + 1 : from;
        if (to - start < 1 || to - start > 9) {
            return false;
        }
        int value = digits(source, start, to);
        if (value < 0) {
            return false;
        }
        value = negative ? -value : value;
        switch (this) {
            case PAIN_AM -> day.painAm(value);
            case PAIN_PM -> day.painPm(value);
            case LONGEST_SIT_MIN -> day.longestSitMin(value);
            case BREAKS -> day.breaks(value);
            case EXERCISE_MIN -> day.exerciseMin(value);
            case STRESS -> day.stress(value);
            case SLEEP_QUALITY -> day.sleepQuality(value);
            case ARM_LOAD -> {
                if (negative || to - start > 1 || value >= ARM_LOADS.length || ARM_LOADS[value].level() != value) {
                    return false;
                }
                day.armLoad(ARM_LOADS[value]);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a cell that is {@code length} ASCII digits and nothing else, whose value the reader has already worked
     * out: the same value {@link #readSimple} gives it, for the columns that hold a whole number or hours; false for
     * the others, and for an arm load other than one digit, which {@link #readSimple} then reads.
     */
    boolean readDigits(int value, int length, DiaryDay.Builder day) {
        switch (this) {
            case PAIN_AM -> day.painAm(value);
            case PAIN_PM -> day.painPm(value);
            case DESK_HOURS -> day.deskHours(value);
            case LONGEST_SIT_MIN -> day.longestSitMin(value);
            case BREAKS -> day.breaks(value);
            case EXERCISE_MIN -> day.exerciseMin(value);
            case STRESS -> day.stress(value);
            case SLEEP_QUALITY -> day.sleepQuality(value);
            case ARM_LOAD -> {
                if (length != 1 || value >= ARM_LOADS.length || ARM_LOADS[value].level() != value) {
                    return false;
                }
                day.armLoad(ARM_LOADS[value]);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@link #hours} of {@code source[from, to)}, already stripped, when it has at most 15 digits; else false. */
    private static boolean simpleHours(char[] source, int from, int to, DiaryDay.Builder day) {
        boolean negative = from < to && source[from] == '-';
        int start = negative ? from + 1 : from;
        long digits = 0;
        int count = 0;
        int point = -1;
        for (int i = start; i < to; i++) {
            char c = source[i];
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return false;
            }
        }
        int decimals = point < 0 ? 0 : to - point - 1;
        // As hours() has it: some digit, no point without a digit after it, at most 15 digits and 20 characters.
        if (count == 0 || count > 15 || (point >= 0 && decimals == 0) || to - from > 20) {
            return false;
        }
        double value = digits / POWERS_OF_TEN[decimals];
        day.deskHours(negative ? -value : value);
        return true;
    }

    /** True when {@code source[from, to)} is only white space, as {@link String#isBlank} has it. */
    static boolean isBlank(char[] source, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isWhitespace(source[i])) {
                return false;
            }
        }
        return true;
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

    /** A date written yyyy-mm-dd (ASCII digits, as ISO 8601 and {@code LocalDate.parse} have it). */
    static LocalDate date(String cell) throws CellException {
        String text = cell.strip();
        if (text.isEmpty()) {
            throw new CellException("is required: every row is one day and needs its date");
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException noSuchDay) {
                    // falls through to the one message for every bad date
                }
            }
        }
        throw new CellException("must be a date written yyyy-mm-dd, such as 2026-03-14; was '" + text + "'");
    }

    /** {@link #date(String)} of {@code source[from, to)}, without a string made for the usual yyyy-mm-dd. */
    static LocalDate date(char[] source, int from, int to) throws CellException {
        if (to - from == 10 && source[from + 4] == '-' && source[from + 7] == '-') {
            int year = digits(source, from, from + 4);
            int month = digits(source, from + 5, from + 7);
            int day = digits(source, from + 8, from + 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
                return LocalDate.of(year, month, day);
            }
        }
        return date(new String(source, from, to - from));
    }

    /** The number written in ASCII digits from {@code from} to {@code to}, or −1 when another character is there. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@link #digits(String, int, int)} of a character array. */
    private static int digits(char[] text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@link Character#isWhitespace}, answered at once for the characters from '!' to U+167F (none of them is). */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= '\u1680') && Character.isWhitespace(c);
    }

    private static boolean isCode(String code, char[] source, int from, int to) {
        if (code.length() != to - from) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (source[from + i] != code.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The length of a run of ASCII digits starting at {@code from}. */
    private static int digitRun(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at - from;
    }

    /** True for an optional minus sign and then ASCII digits only, at least one. */
    private static boolean isWhole(String text) {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        return text.length() > start && digitRun(text, start) == text.length() - start;
    }

    private static int whole(String cell) throws CellException {
        String text = cell.strip();
        if (!isWhole(text)) {
            throw new CellException("must be a whole number; was '" + text + "'");
        }
        boolean negative = text.charAt(0) == '-';
        int start = negative ? 1 : 0;
        if (text.length() - start <= 9) {
            int value = digits(text, start, text.length());
            return negative ? -value : value;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException tooLong) {
            throw new CellException("is far too large; was " + text);
        }
    }

    /**
     * Hours written as an optional minus sign, digits and an optional decimal part ({@code 7}, {@code 7.5},
     * {@code .5}), at most 20 characters. Up to 15 digits the value is the digits over a power of ten, both exact as
     * doubles, so the one division rounds correctly and gives what {@link Double#parseDouble} gives.
     */
    private static double hours(String cell) throws CellException {
        String text = cell.strip();
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        int whole = digitRun(text, start);
        int fraction = -1;
        int end = start + whole;
        if (end < text.length() && text.charAt(end) == '.') {
            fraction = digitRun(text, end + 1);
            end += 1 + fraction;
        }
        boolean wellFormed = end == text.length() && (whole > 0 || fraction > 0) && fraction != 0;
        if (!wellFormed || text.length() > 20) {
            throw new CellException("must be a number of hours such as 7.5; was '" + text + "'");
        }
        int decimals = Math.max(fraction, 0);
        if (whole + decimals > 15) {
            return Double.parseDouble(text);
        }
        long digits = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '.') {
                digits = digits * 10 + (c - '0');
            }
        }
        double value = digits / POWERS_OF_TEN[decimals];
        return start == 1 ? -value : value;
    }

    /** The position named exactly by its code, as the files we write have it, or else by {@link SleepPosition#fromCode}. */
    private static Optional<SleepPosition> sleepPosition(String cell) {
        for (SleepPosition position : SLEEP_POSITIONS) {
            if (position.code().equals(cell)) {
                return Optional.of(position);
            }
        }
        return SleepPosition.fromCode(cell);
    }

    private static ArmLoad armLoad(String cell) throws CellException {
        String text = cell.strip();
        if (isWhole(text) && text.length() <= 2) {
            int level = text.charAt(0) == '-' ? -digits(text, 1, text.length()) : digits(text, 0, text.length());
            for (ArmLoad load : ARM_LOADS) {
                if (load.level() == level) {
                    return load;
                }
            }
        }
        throw new CellException("must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy); was '" + text + "'");
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
