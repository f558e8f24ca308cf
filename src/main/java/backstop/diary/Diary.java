package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One person's diary: their days in date order, at most one per date. Dates without a day are missing, not zero. */
public record Diary(List<DiaryDay> days) {

    public Diary {
        // Already in order with no date twice (as every file we write is): nothing to sort or report.
        days = isAscending(days) ? List.copyOf(days) : sortedChecked(days);
    }

    private static List<DiaryDay> sortedChecked(List<DiaryDay> days) {
        List<DiaryDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(DiaryDay::date));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            LocalDate date = sorted.get(i).date();
            if (date.equals(sorted.get(i - 1).date())) {
                errors.add(new FieldError("date", date + " appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return List.copyOf(sorted);
    }

    private static boolean isAscending(List<DiaryDay> days) {
        LocalDate previous = null;
        for (DiaryDay day : days) {
            LocalDate date = day.date();
            if (previous != null && !date.isAfter(previous)) {
                return false;
            }
            previous = date;
        }
        return true;
    }

    public static Diary empty() {
        return new Diary(List.of());
    }

    /** The day recorded on {@code date}, found by binary search since days are kept in date order. */
    public Optional<DiaryDay> day(LocalDate date) {
        int low = 0;
        int high = days.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = days.get(middle).date().compareTo(date);
            if (order == 0) {
                return Optional.of(days.get(middle));
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public Optional<LocalDate> firstDate() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0).date());
    }

    public Optional<LocalDate> lastDate() {
        return days.isEmpty()
                ? Optional.empty()
                : Optional.of(days.get(days.size() - 1).date());
    }
}
