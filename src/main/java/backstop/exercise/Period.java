package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How often a dose repeats: so many times a day, or so many times a week. */
public enum Period {
    DAY,
    WEEK;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
