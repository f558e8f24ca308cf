package backstop.account.pages;

import backstop.error.FieldError;
import java.util.List;

/** What the sign-up page shows: the values typed so far and what was wrong with them. */
public record RegisterView(String username, String displayName, List<FieldError> errors) {}
