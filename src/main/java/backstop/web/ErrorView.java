package backstop.web;

import backstop.error.FieldError;
import java.util.List;

/** An error page: the status, the message and the fields at fault. */
public record ErrorView(int status, String message, List<FieldError> errors) {}
