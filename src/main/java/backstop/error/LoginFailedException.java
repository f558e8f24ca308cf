package backstop.error;

import java.time.Duration;

/**
 * A login that did not succeed. The message never says whether the name or the password was wrong. When throttled,
 * {@link #retryAfter()} says how long to wait; the wait is always bounded.
 */
public final class LoginFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public LoginFailedException(Duration retryAfter) {
        super(
                retryAfter.isZero()
                        ? "That name and password do not match an account."
                        : "Too many failed attempts. Please wait " + words(retryAfter) + " and try again.");
        this.retryAfter = retryAfter;
    }

    public static LoginFailedException wrong() {
        return new LoginFailedException(Duration.ZERO);
    }

    public boolean throttled() {
        return !retryAfter.isZero();
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    static String words(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
