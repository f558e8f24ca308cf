package backstop.account.pages;

import backstop.error.FieldError;
import java.util.List;
import java.util.Objects;

/** The page behind a reset link: whose password is being set, or that the link no longer works. */
public record ResetView(String token, String username, boolean valid, List<FieldError> errors) {
    public ResetView {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(username, "username");
        errors = List.copyOf(errors);
    }
}
