package backstop.care;

import backstop.account.User;

/** A patient who has no plan yet. */
public record NoPlanView(User person) {}
