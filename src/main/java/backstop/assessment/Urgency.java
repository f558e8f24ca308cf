package backstop.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How soon a person should see a doctor; declared from least to most urgent so that compareTo ranks them. */
public enum Urgency {
    /** No red flag: self-care with the plan is reasonable. */
    @JsonProperty("self_care")
    SELF_CARE,
    /** See a doctor within one to two weeks. */
    @JsonProperty("soon")
    SOON,
    /** See a doctor within 24 hours. */
    @JsonProperty("urgent")
    URGENT,
    /** Call emergency services now. */
    @JsonProperty("emergency")
    EMERGENCY;

    /** The name used in JSON, the rules file and the text report. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Urgency fromKey(String key) {
        for (Urgency urgency : values()) {
            if (urgency.key().equals(key)) {
                return urgency;
            }
        }
        throw new IllegalArgumentException("unknown urgency '" + key + "'");
    }
}
