package backstop.diary;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A diary laid out on the calendar, a column per measure, as the insights engine reads it: slot 0 is the first
 * recorded date, one slot per calendar day, and NaN wherever nothing was recorded (a missing day or an empty cell).
 * Sleep position is three 0/1 columns (side, stomach, mixed; back is all three 0); arm load is its level.
 *
 * <p>Two ways in, with the same result for the same diary: {@link #of(Diary)} from the days, and
 * {@link #readPlainCsv(byte[])} straight from the bytes of a <em>plain</em> diary CSV — the canonical header, ASCII,
 * no quotes, every cell written as Backstop writes it, dates ascending — without a {@link DiaryDay} or a string per
 * row. That is every file Backstop itself writes and the bulk of a clinic's roster; anything else, including every
 * file with a mistake in it, is declined and goes to {@link DiaryCsv}, which reads it in full and says what is wrong.
 *
 * <p>The arrays are handed over, not copied: whoever asked for the columns owns them.
 */
public final class DiaryColumns {
    private static final Habit[] HABITS = Habit.values();
    private static final ArmLoad[] ARM_LOADS = ArmLoad.values();
    private static final byte[] HEADER = DiaryCsv.HEADER.getBytes(StandardCharsets.US_ASCII);
    private static final int PAIN_MAX = 10;
    /** The exact divisors {@code Column} uses for hours, so that both readers give the same double. */
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000};

    private final LocalDate first;
    private final int length;
    private final boolean[] recorded;
    private final double[] painAm;
    private final double[] painPm;
    private final double[][] habit;

    /** Columns of zeros, for a reader that writes every slot: a recorded day's, and the others as unrecorded. */
    private DiaryColumns(LocalDate first, int length) {
        this.first = first;
        this.length = length;
        recorded = new boolean[length];
        painAm = new double[length];
        painPm = new double[length];
        habit = new double[HABITS.length][];
        for (int h = 0; h < HABITS.length; h++) {
            habit[h] = new double[length];
        }
    }

    /** Slots from..to−1 not recorded: NaN in every column. */
    private void unrecorded(int from, int to) {
        if (from >= to) {
            return;
        }
        Arrays.fill(painAm, from, to, Double.NaN);
        Arrays.fill(painPm, from, to, Double.NaN);
        for (double[] values : habit) {
            Arrays.fill(values, from, to, Double.NaN);
        }
    }

    /** The first recorded date; {@link LocalDate#EPOCH} for an empty diary. */
    public LocalDate first() {
        return first;
    }

    /** Calendar days from the first recorded date to the last, both included; 0 for an empty diary. */
    public int length() {
        return length;
    }

    /** recorded[t]: a check-in exists for day t, even one with every cell empty. */
    public boolean[] recorded() {
        return recorded;
    }

    public double[] painAm() {
        return painAm;
    }

    public double[] painPm() {
        return painPm;
    }

    /** The column of one habit. */
    public double[] habit(Habit which) {
        return habit[which.ordinal()];
    }

    public static DiaryColumns of(Diary diary) {
        if (diary.isEmpty()) {
            return new DiaryColumns(LocalDate.EPOCH, 0);
        }
        List<DiaryDay> days = diary.days();
        LocalDate first = days.get(0).date();
        long firstDay = first.toEpochDay();
        int length = (int) (days.get(days.size() - 1).date().toEpochDay() - firstDay) + 1;
        // Every slot is written, as by the plain reader: a day's by the day, the days between as unrecorded.
        DiaryColumns columns = new DiaryColumns(first, length);
        double[][] habit = columns.habit;
        LocalDate previous = null;
        int t = -1;
        int written = 0;
        for (DiaryDay day : days) {
            LocalDate date = day.date();
            // Most days follow the day before: one comparison instead of an epoch-day calculation.
            t = previous != null && date.getDayOfMonth() > 1 && isNextDay(previous, date)
                    ? t + 1
                    : (int) (date.toEpochDay() - firstDay);
            previous = date;
            columns.unrecorded(written, t);
            written = t + 1;
            columns.recorded[t] = true;
            columns.painPm[t] = orNaN(day.painPm());
            columns.painAm[t] = orNaN(day.painAm());
            habit[Habit.DESK_HOURS.ordinal()][t] =
                    day.deskHours().isPresent() ? day.deskHours().getAsDouble() : Double.NaN;
            habit[Habit.LONGEST_SIT_MIN.ordinal()][t] = orNaN(day.longestSitMin());
            habit[Habit.BREAKS.ordinal()][t] = orNaN(day.breaks());
            habit[Habit.EXERCISE_MIN.ordinal()][t] = orNaN(day.exerciseMin());
            habit[Habit.STRESS.ordinal()][t] = orNaN(day.stress());
            habit[Habit.SLEEP_QUALITY.ordinal()][t] = orNaN(day.sleepQuality());
            habit[Habit.ARM_LOAD.ordinal()][t] =
                    day.armLoad().isPresent() ? day.armLoad().get().level() : Double.NaN;
            columns.sleepPosition(t, day.sleepPosition());
        }
        return columns;
    }

    /**
     * The columns of a plain diary CSV (see the class comment), read from its bytes in one pass; empty when the file
     * is anything else, which {@link DiaryCsv} must then read. A file read here is one {@link DiaryCsv} reads with no
     * error and no warning, into the same days.
     */
    public static Optional<DiaryColumns> readPlainCsv(byte[] csv) {
        return Optional.ofNullable(new PlainCsv(csv).read());
    }

    /** The three sleep-position columns of slot t: 0/1 for a position (back is all 0), NaN for none. */
    private void sleepPosition(int t, Optional<SleepPosition> recordedPosition) {
        double side = Double.NaN;
        double stomach = Double.NaN;
        double mixed = Double.NaN;
        if (recordedPosition.isPresent()) {
            SleepPosition position = recordedPosition.get();
            side = position == SleepPosition.SIDE ? 1 : 0;
            stomach = position == SleepPosition.STOMACH ? 1 : 0;
            mixed = position == SleepPosition.MIXED ? 1 : 0;
        }
        habit[Habit.SLEEP_POSITION_SIDE.ordinal()][t] = side;
        habit[Habit.SLEEP_POSITION_STOMACH.ordinal()][t] = stomach;
        habit[Habit.SLEEP_POSITION_MIXED.ordinal()][t] = mixed;
    }

    /** True when {@code date} is the day after {@code previous} within one month (the caller has day of month > 1). */
    private static boolean isNextDay(LocalDate previous, LocalDate date) {
        return previous.getDayOfMonth() + 1 == date.getDayOfMonth()
                && previous.getMonthValue() == date.getMonthValue()
                && previous.getYear() == date.getYear();
    }

    private static double orNaN(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : Double.NaN;
    }

    /**
     * The plain reader. Each step stops at the first byte that is not what a plain file has there and marks the file
     * declined; nothing is reported, since the full reader will, with the right line and column.
     */
    private static final class PlainCsv {
        private static final int EMPTY = -1;
        /** Each position's Optional, made once. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static final Optional<SleepPosition>[] SLEEP_POSITION =
                Arrays.stream(SleepPosition.values()).map(Optional::of).toArray(Optional[]::new);

        private final byte[] csv;
        private final int end;
        private int at;
        private boolean declined;

        /** The date read last, to step to the next day without a calendar calculation. */
        private int lastYear;

        private int lastMonth;
        private int lastDay;
        private long lastEpochDay;

        PlainCsv(byte[] csv) {
            this.csv = csv;
            this.end = csv.length;
        }

        DiaryColumns read() {
            if (!startsWithHeader()) {
                return null;
            }
            // The rows are in date order, so the first and the last row give the calendar's length.
            long firstDay = epochDay(at);
            long lastDay = epochDay(lastRowStart());
            if (declined || lastDay < firstDay) {
                return null;
            }
            // Every slot is written: a recorded day's by its row, the days between rows as unrecorded.
            DiaryColumns columns = new DiaryColumns(LocalDate.ofEpochDay(firstDay), (int) (lastDay - firstDay) + 1);
            int previous = -1;
            while (at < end) {
                int t = (int) (epochDay(at) - firstDay);
                if (declined || t <= previous || t >= columns.length) {
                    return null;
                }
                columns.unrecorded(previous + 1, t);
                previous = t;
                at += 11;
                readCells(columns, t);
                if (declined || !lineEnd()) {
                    return null;
                }
            }
            return columns;
        }

        private boolean startsWithHeader() {
            if (end < HEADER.length || !Arrays.equals(csv, 0, HEADER.length, HEADER, 0, HEADER.length)) {
                return false;
            }
            at = HEADER.length;
            return lineEnd() && at < end;
        }

        /** The cells after the date, in the canonical order, into slot t (only once the whole row is plain). */
        private void readCells(DiaryColumns columns, int t) {
            int painAm = whole(PAIN_MAX);
            int painPm = whole(PAIN_MAX);
            double deskHours = hours();
            int longestSit = whole(DiaryDay.MINUTES_PER_DAY);
            int breaks = whole(DiaryDay.MINUTES_PER_DAY);
            int exercise = whole(DiaryDay.MINUTES_PER_DAY);
            int stress = whole(PAIN_MAX);
            int sleepQuality = whole(PAIN_MAX);
            int position = sleepPosition();
            int armLoad = armLoad();
            note();
            if (declined) {
                return;
            }
            double[][] habit = columns.habit;
            columns.recorded[t] = true;
            columns.painAm[t] = value(painAm);
            columns.painPm[t] = value(painPm);
            habit[Habit.DESK_HOURS.ordinal()][t] = deskHours;
            habit[Habit.LONGEST_SIT_MIN.ordinal()][t] = value(longestSit);
            habit[Habit.BREAKS.ordinal()][t] = value(breaks);
            habit[Habit.EXERCISE_MIN.ordinal()][t] = value(exercise);
            habit[Habit.STRESS.ordinal()][t] = value(stress);
            habit[Habit.SLEEP_QUALITY.ordinal()][t] = value(sleepQuality);
            habit[Habit.ARM_LOAD.ordinal()][t] = value(armLoad);
            columns.sleepPosition(t, position == EMPTY ? Optional.empty() : SLEEP_POSITION[position]);
        }

        private static double value(int cell) {
            return cell == EMPTY ? Double.NaN : cell;
        }

        /** A date written yyyy-mm-dd and the comma after it, at {@code from}, as days since the epoch. */
        private long epochDay(int from) {
            if (from + 10 >= end || csv[from + 4] != '-' || csv[from + 7] != '-' || csv[from + 10] != ',') {
                return decline();
            }
            int year = digits(from, 4);
            int month = digits(from + 5, 2);
            int day = digits(from + 8, 2);
            // As DiaryDay has it: a real date in the years a diary day may have.
            if (year < DiaryDay.FIRST_YEAR
                    || year > DiaryDay.LAST_YEAR
                    || month < 1
                    || month > 12
                    || day < 1
                    || (day > 28 && day > Month.of(month).length(Year.isLeap(year)))) {
                return decline();
            }
            long epochDay = year == lastYear && month == lastMonth && day == lastDay + 1
                    ? lastEpochDay + 1
                    : LocalDate.of(year, month, day).toEpochDay();
            lastYear = year;
            lastMonth = month;
            lastDay = day;
            lastEpochDay = epochDay;
            return epochDay;
        }

        /** {@code count} ASCII digits at {@code from} as a number; −1 if one is not a digit. */
        private int digits(int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                int digit = csv[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = value * 10 + digit;
            }
            return value;
        }

        /** Where the file's last line starts (a line end after it is allowed). */
        private int lastRowStart() {
            int last = end;
            if (last > 0 && csv[last - 1] == '\n') {
                last--;
            }
            if (last > 0 && csv[last - 1] == '\r') {
                last--;
            }
            while (last > 0 && csv[last - 1] != '\n' && csv[last - 1] != '\r') {
                last--;
            }
            return last;
        }

        /** One to four ASCII digits, at most {@code max}, or nothing (EMPTY); then the comma. */
        private int whole(int max) {
            int start = at;
            int value = 0;
            while (at < end && at - start < 4 && isDigit(csv[at])) {
                value = value * 10 + (csv[at++] - '0');
            }
            int count = at - start;
            // A fifth digit, a sign, a space: not a comma, so not plain.
            if (!comma() || value > max) {
                return decline();
            }
            return count == 0 ? EMPTY : value;
        }

        /**
         * Hours as {@code Column} reads them, written the plain way (one or two digits, then optionally a point and
         * one to three digits; at most 24), or nothing (NaN); then the comma.
         */
        private double hours() {
            long digits = 0;
            int whole = 0;
            while (at < end && whole < 2 && isDigit(csv[at])) {
                digits = digits * 10 + (csv[at++] - '0');
                whole++;
            }
            int decimals = 0;
            if (whole > 0 && at < end && csv[at] == '.') {
                at++;
                while (at < end && decimals < 3 && isDigit(csv[at])) {
                    digits = digits * 10 + (csv[at++] - '0');
                    decimals++;
                }
                if (decimals == 0) {
                    return decline();
                }
            }
            if (!comma()) {
                return decline();
            }
            if (whole == 0) {
                return Double.NaN;
            }
            // The same division as Column's, so the same double.
            double value = digits / POWERS_OF_TEN[decimals];
            return value <= 24 ? value : decline();
        }

        /** A sleep position's exact code (its ordinal) or nothing (EMPTY); then the comma. */
        private int sleepPosition() {
            if (comma()) {
                return EMPTY;
            }
            // The first letter, and for s the second, tell the four codes apart.
            SleepPosition position = switch (csv[at]) {
                case 'b' -> SleepPosition.BACK;
                case 'm' -> SleepPosition.MIXED;
                case 's' -> at + 1 < end && csv[at + 1] == 'i' ? SleepPosition.SIDE : SleepPosition.STOMACH;
                default -> null;
            };
            if (position == null) {
                return decline();
            }
            String code = position.code();
            int after = at + code.length();
            if (after >= end || csv[after] != ',' || !isCode(code)) {
                return decline();
            }
            at = after + 1;
            return position.ordinal();
        }

        private boolean isCode(String code) {
            for (int i = 0; i < code.length(); i++) {
                if (csv[at + i] != code.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** One digit that is an arm load's level, or nothing (EMPTY); then the comma. */
        private int armLoad() {
            if (comma()) {
                return EMPTY;
            }
            if (at + 1 < end && csv[at + 1] == ',') {
                int level = csv[at] - '0';
                if (level >= 0 && level < ARM_LOADS.length && ARM_LOADS[level].level() == level) {
                    at += 2;
                    return level;
                }
            }
            return decline();
        }

        /**
         * The note, up to the line end: printable ASCII, no longer than a note may be, either bare (no comma or quote,
         * either of which would make the full reader see another cell or a quoted one) or in quotes (the way a note
         * with a comma or a quote is written: a quote inside doubled) with the line end right after. Not kept: no
         * insight reads it.
         */
        private void note() {
            boolean quoted = at < end && csv[at] == '"';
            int start = quoted ? ++at : at;
            int doubled = 0;
            while (at < end) {
                byte c = csv[at];
                if (quoted && c == '"') {
                    if (at + 1 < end && csv[at + 1] == '"') {
                        doubled++;
                        at += 2;
                        continue;
                    }
                    break;
                }
                if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                }
                if (c < ' ' || c > '~' || (!quoted && (c == ',' || c == '"'))) {
                    decline();
                    return;
                }
                at++;
            }
            if (at - start - doubled > DiaryDay.MAX_NOTE) {
                decline();
            } else if (quoted) {
                // Past the closing quote, which must be there; the caller wants the line end next.
                if (at == end || csv[at] != '"') {
                    decline();
                }
                at++;
            }
        }

        /** Steps over a comma, if one is next. */
        private boolean comma() {
            if (at < end && csv[at] == ',') {
                at++;
                return true;
            }
            return false;
        }

        /**
         * Steps over one LF or CRLF ending a line, or accepts the end of the file; false for a lone CR, or an empty
         * line after the line end (the full reader skips those; a plain file has none).
         */
        private boolean lineEnd() {
            if (at == end) {
                return true;
            }
            if (csv[at] == '\r') {
                at++;
                if (at == end || csv[at] != '\n') {
                    return false;
                }
            }
            if (csv[at] != '\n') {
                return false;
            }
            at++;
            return at == end || (csv[at] != '\n' && csv[at] != '\r');
        }

        private static boolean isDigit(byte c) {
            return c >= '0' && c <= '9';
        }

        /** Marks the file not plain; the value returned only fills the caller's return. */
        private int decline() {
            declined = true;
            return EMPTY;
        }
    }
}
