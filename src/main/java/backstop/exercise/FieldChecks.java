package backstop.exercise;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem with a record before refusing it, so one run of the loader reports all of them. */
final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    FieldChecks require(boolean condition, String field, String message) {
        if (!condition) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    FieldChecks text(String value, String field, int maxLength) {
        return require(!value.isBlank(), field, "must not be blank")
                .require(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    }

    FieldChecks texts(List<String> values, String field, int min, int maxLength) {
        require(values.size() >= min, field, "needs at least " + min + " entries");
        for (int i = 0; i < values.size(); i++) {
            text(values.get(i), field + "[" + i + "]", maxLength);
        }
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }
}
