package backstop.account.pages;

/** What the sign-in page shows: the name typed, the error, where to go next and any notice. */
public record LoginView(String username, String error, String next, String notice) {}
