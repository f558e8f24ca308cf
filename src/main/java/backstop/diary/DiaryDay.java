package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One day of a person's diary. Every value except the date may be missing: an empty optional means "not
 * recorded", never zero, and an empty note means no note. Field names in errors are the CSV column names, so the
 * web form, the API and the CSV import report problems the same way.
 */
public record DiaryDay(
        LocalDate date,
        OptionalInt painAm,
        OptionalInt painPm,
        OptionalDouble deskHours,
        OptionalInt longestSitMin,
        OptionalInt breaks,
        OptionalInt exerciseMin,
        OptionalInt stress,
        OptionalInt sleepQuality,
        Optional<SleepPosition> sleepPosition,
        Optional<ArmLoad> armLoad,
        String note) {

    /** A day has 1440 minutes; a larger count cannot describe one day. */
    static final int MINUTES_PER_DAY = 1440;
    /** Years a diary day may fall in: keeps arithmetic on dates and arrays sized by days sane. */
    static final int FIRST_YEAR = 1900;

    static final int LAST_YEAR = 2100;
    /** A note is a line or two, not a document. */
    static final int MAX_NOTE = 2000;

    public DiaryDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(painAm, "painAm");
        Objects.requireNonNull(painPm, "painPm");
        Objects.requireNonNull(deskHours, "deskHours");
        Objects.requireNonNull(longestSitMin, "longestSitMin");
        Objects.requireNonNull(breaks, "breaks");
        Objects.requireNonNull(exerciseMin, "exerciseMin");
        Objects.requireNonNull(stress, "stress");
        Objects.requireNonNull(sleepQuality, "sleepQuality");
        Objects.requireNonNull(sleepPosition, "sleepPosition");
        Objects.requireNonNull(armLoad, "armLoad");
        Objects.requireNonNull(note, "note");
        // -0.0 would write as "0" and read back as a different double; there is only one zero hours.
        if (deskHours.isPresent() && deskHours.getAsDouble() == 0) {
            deskHours = OptionalDouble.of(0.0);
        }
        if (!isPlainlyValid(date, painAm, painPm, deskHours, longestSitMin, breaks, exerciseMin, stress, sleepQuality)
                || !isPlainNote(note)) {
            check(date, painAm, painPm, deskHours, longestSitMin, breaks, exerciseMin, stress, sleepQuality, note);
        }
    }

    /** Names every value out of its range; only for a day {@link #isPlainlyValid} and {@link #isPlainNote} doubt. */
    private static void check(
            LocalDate date,
            OptionalInt painAm,
            OptionalInt painPm,
            OptionalDouble deskHours,
            OptionalInt longestSitMin,
            OptionalInt breaks,
            OptionalInt exerciseMin,
            OptionalInt stress,
            OptionalInt sleepQuality,
            String note) {
        List<FieldError> errors = new ArrayList<>();
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            errors.add(new FieldError("date", "must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", was " + date));
        }
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters, was " + note.length()));
        }
        if (!note.isEmpty()
                && note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError("note", "contains a control character"));
        }
        checkWhole(errors, "pain_am", painAm, 10);
        checkWhole(errors, "pain_pm", painPm, 10);
        checkHours(errors, deskHours);
        checkWhole(errors, "longest_sit_min", longestSitMin, MINUTES_PER_DAY);
        checkWhole(errors, "breaks", breaks, MINUTES_PER_DAY);
        checkWhole(errors, "exercise_min", exerciseMin, MINUTES_PER_DAY);
        checkWhole(errors, "stress", stress, 10);
        checkWhole(errors, "sleep_quality", sleepQuality, 10);
        // A lone surrogate cannot be written as UTF-8, so such a note could not survive an export.
        if (!note.isEmpty()
                && note.codePoints().anyMatch(codePoint -> Character.getType(codePoint) == Character.SURROGATE)) {
            errors.add(new FieldError("note", "contains a broken character (an unpaired UTF-16 surrogate)"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** Starts a day with nothing recorded but its date. */
    public static Builder on(LocalDate date) {
        return new Builder(date);
    }

    /** True when nothing but the date is known, e.g. a row that only names a day. */
    public boolean isBlank() {
        return equals(on(date).build());
    }

    /**
     * True when every value is in its range, the quick check that lets a good day (nearly every one read) skip
     * collecting errors; the checks below, which name each problem, run only when it fails.
     */
    private static boolean isPlainlyValid(
            LocalDate date,
            OptionalInt painAm,
            OptionalInt painPm,
            OptionalDouble deskHours,
            OptionalInt longestSitMin,
            OptionalInt breaks,
            OptionalInt exerciseMin,
            OptionalInt stress,
            OptionalInt sleepQuality) {
        int year = date.getYear();
        return year >= FIRST_YEAR
                && year <= LAST_YEAR
                && inRange(painAm, 10)
                && inRange(painPm, 10)
                && (deskHours.isEmpty() || (deskHours.getAsDouble() >= 0 && deskHours.getAsDouble() <= 24))
                && inRange(longestSitMin, MINUTES_PER_DAY)
                && inRange(breaks, MINUTES_PER_DAY)
                && inRange(exerciseMin, MINUTES_PER_DAY)
                && inRange(stress, 10)
                && inRange(sleepQuality, 10);
    }

    private static boolean inRange(OptionalInt value, int max) {
        return value.isEmpty() || (value.getAsInt() >= 0 && value.getAsInt() <= max);
    }

    /** A note of printable ASCII, tabs and line ends within the length: nothing in it to check further. */
    private static boolean isPlainNote(String note) {
        if (note.length() > MAX_NOTE) {
            return false;
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if ((c < ' ' || c > '~') && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void checkWhole(List<FieldError> errors, String field, OptionalInt value, int max) {
        if (value.isEmpty()) {
            return;
        }
        int number = value.getAsInt();
        if (number < 0) {
            errors.add(new FieldError(field, "must be 0 or more, was " + number));
        } else if (number > max) {
            errors.add(new FieldError(field, "must be between 0 and " + max + ", was " + number));
        }
    }

    private static void checkHours(List<FieldError> errors, OptionalDouble hours) {
        if (hours.isEmpty()) {
            return;
        }
        double value = hours.getAsDouble();
        if (!Double.isFinite(value) || value < 0 || value > 24) {
            errors.add(
                    new FieldError("desk_hours", "must be between 0 and 24 hours, was " + DiaryNumbers.format(value)));
        }
    }

    /** Collects the values of a day one at a time; {@link #build()} validates them all at once. */
    public static final class Builder {
        /**
         * The optionals of every count a day can hold, made once: a file of years of days would otherwise make one
         * per value (optionals are value-based, so a shared one is as good as a new one).
         */
        private static final OptionalInt[] WHOLE = new OptionalInt[MINUTES_PER_DAY + 1];

        private static final Optional<SleepPosition>[] SLEEP_POSITIONS = optionals(SleepPosition.values());
        private static final Optional<ArmLoad>[] ARM_LOADS = optionals(ArmLoad.values());

        static {
            for (int i = 0; i < WHOLE.length; i++) {
                WHOLE[i] = OptionalInt.of(i);
            }
        }

        private static OptionalInt whole(int value) {
            return value >= 0 && value < WHOLE.length ? WHOLE[value] : OptionalInt.of(value);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static <T> Optional<T>[] optionals(T[] values) {
            Optional<T>[] optionals = new Optional[values.length];
            for (int i = 0; i < values.length; i++) {
                optionals[i] = Optional.of(values[i]);
            }
            return optionals;
        }

        private final LocalDate date;
        private OptionalInt painAm = OptionalInt.empty();
        private OptionalInt painPm = OptionalInt.empty();
        private OptionalDouble deskHours = OptionalDouble.empty();
        private OptionalInt longestSitMin = OptionalInt.empty();
        private OptionalInt breaks = OptionalInt.empty();
        private OptionalInt exerciseMin = OptionalInt.empty();
        private OptionalInt stress = OptionalInt.empty();
        private OptionalInt sleepQuality = OptionalInt.empty();
        private Optional<SleepPosition> sleepPosition = Optional.empty();
        private Optional<ArmLoad> armLoad = Optional.empty();
        private String note = "";

        private Builder(LocalDate date) {
            this.date = Objects.requireNonNull(date, "date");
        }

        public Builder painAm(int value) {
            painAm = whole(value);
            return this;
        }

        public Builder painPm(int value) {
            painPm = whole(value);
            return this;
        }

        public Builder deskHours(double value) {
            deskHours = OptionalDouble.of(value);
            return this;
        }

        public Builder longestSitMin(int value) {
            longestSitMin = whole(value);
            return this;
        }

        public Builder breaks(int value) {
            breaks = whole(value);
            return this;
        }

        public Builder exerciseMin(int value) {
            exerciseMin = whole(value);
            return this;
        }

        public Builder stress(int value) {
            stress = whole(value);
            return this;
        }

        public Builder sleepQuality(int value) {
            sleepQuality = whole(value);
            return this;
        }

        public Builder sleepPosition(SleepPosition value) {
            sleepPosition = SLEEP_POSITIONS[value.ordinal()];
            return this;
        }

        public Builder armLoad(ArmLoad value) {
            armLoad = ARM_LOADS[value.ordinal()];
            return this;
        }

        public Builder note(String value) {
            note = Objects.requireNonNull(value, "note");
            return this;
        }

        /** @throws BadInputException naming every out-of-range field, by its CSV column name */
        public DiaryDay build() {
            return new DiaryDay(
                    date,
                    painAm,
                    painPm,
                    deskHours,
                    longestSitMin,
                    breaks,
                    exerciseMin,
                    stress,
                    sleepQuality,
                    sleepPosition,
                    armLoad,
                    note);
        }
    }
}
