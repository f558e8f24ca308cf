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
        days = List.copyOf(sorted);
    }

    public static Diary empty() {
        return new Diary(List.of());
    }

    public Optional<DiaryDay> day(LocalDate date) {
        return days.stream().filter(day -> day.date().equals(date)).findFirst();
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    public Optional<LocalDate> firstDate() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0).date());
    }

    public Optional<LocalDate> lastDate() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(days.size() - 1).date());
    }
}
