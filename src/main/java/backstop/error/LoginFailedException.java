package backstop.error;

/** A login that did not succeed. The message never says whether the name or the password was wrong. */
public final class LoginFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean throttled;

    public LoginFailedException(boolean throttled) {
        super(
                throttled
                        ? "Too many failed attempts. Please wait 15 minutes and try again."
                        : "That name and password do not match an account.");
        this.throttled = throttled;
    }

    public boolean throttled() {
        return throttled;
    }
}
