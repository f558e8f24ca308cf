package backstop.account.pages;

import backstop.account.ApiTokenInfo;
import backstop.account.User;
import backstop.error.FieldError;
import java.util.List;

/** What the account page shows: the account, its tokens, two-factor state and any notice. */
public record AccountView(
        User account,
        String newToken,
        List<FieldError> errors,
        List<ApiTokenInfo> tokens,
        backstop.account.TwoFactorStatus twoFactor,
        java.time.Instant now,
        String notice) {}
