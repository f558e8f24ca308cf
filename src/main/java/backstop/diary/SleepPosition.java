package backstop.diary;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the person slept last night, as written in the diary's {@code sleep_position} column. */
public enum SleepPosition {
    BACK("back"),
    SIDE("side"),
    STOMACH("stomach"),
    MIXED("mixed");

    private final String code;

    SleepPosition(String code) {
        this.code = code;
    }

    /** The lower-case word used in CSV files, forms and the API. */
    public String code() {
        return code;
    }

    /** Reads a code, ignoring case and surrounding spaces; empty when the word is not one of ours. */
    public static Optional<SleepPosition> fromCode(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(position -> position.code.equals(wanted))
                .findFirst();
    }
}
