package backstop.assessment;

import backstop.error.BadInputException;
import java.util.HashSet;
import java.util.List;

/** Guards the intake records use, so an Intake built in code is held to the same limits as one read from JSON. */
final class FieldCheck {
    private FieldCheck() {}

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new BadInputException(field, "is missing; please answer this question.");
        }
        return value;
    }

    static int within(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new BadInputException(field, "should be between " + min + " and " + max + ".");
        }
        return value;
    }

    /** Returns an unmodifiable copy; answers may be picked once each, and some lists need at least one. */
    static <T> List<T> distinct(List<T> values, String field, boolean atLeastOne) {
        present(values, field);
        if (atLeastOne && values.isEmpty()) {
            throw new BadInputException(field, "needs at least one answer.");
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new BadInputException(field, "lists the same answer more than once.");
        }
        values.forEach(value -> present(value, field));
        return List.copyOf(values);
    }
}
