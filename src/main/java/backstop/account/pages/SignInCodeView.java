package backstop.account.pages;

import backstop.error.FieldError;
import java.util.List;
import java.util.Objects;

/** The second step of signing in: the code from the app (or a recovery code). */
public record SignInCodeView(String next, List<FieldError> errors) {
    public SignInCodeView {
        Objects.requireNonNull(next, "next");
        errors = List.copyOf(errors);
    }
}
