package backstop.diary;

import backstop.error.FieldError;
import java.util.List;

/** A diary file that was refused, with every error. */
public record ImportRefusedView(List<FieldError> errors, String file) {}
