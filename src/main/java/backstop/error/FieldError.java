package backstop.error;

import java.util.Objects;

/** One thing wrong with one field of some input: {@code field} is a path such as {@code pain.now} or {@code line 4, pain_am}. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
