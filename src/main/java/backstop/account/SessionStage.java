package backstop.account;

import java.util.Locale;

/** How far a browser session has got with signing in. Only {@link #FULL} is signed in. */
public enum SessionStage {
    /** Signed in. */
    FULL,
    /** The password was right; the two-factor code is still to come. */
    SECOND_FACTOR,
    /** The password was right, and two-factor is required for the role but not set up yet: set it up first. */
    ENROL;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SessionStage fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
