package backstop.account.pages;

import backstop.account.User;
import java.util.List;

/** What the accounts page shows: every account, a notice and a reset link just made. */
public record UsersView(List<User> users, String notice, String resetLink) {}
