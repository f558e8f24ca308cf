package backstop.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input a person or a client sent that we refuse, with every problem named by field. The web layer turns it into
 * a 400 (JSON for the API, a page for the browser), the CLI into exit code 2. Nothing may have been written when
 * it is thrown.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<FieldError> errors;

    public BadInputException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a BadInputException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public BadInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
