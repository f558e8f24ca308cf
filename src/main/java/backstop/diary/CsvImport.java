package backstop.diary;

import backstop.error.FieldError;
import java.util.List;

/**
 * What reading a diary CSV gave: the good days in date order, the rows refused (field {@code "line 4, pain_am"}),
 * and warnings about things that were read but ignored, such as unknown columns.
 */
public record CsvImport(List<DiaryDay> days, List<FieldError> errors, List<String> warnings) {

    public CsvImport {
        days = new Diary(days).days();
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public Diary diary() {
        return new Diary(days);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
