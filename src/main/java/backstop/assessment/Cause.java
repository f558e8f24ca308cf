package backstop.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/** The five common root causes of recurring upper back pain named in the seed article. */
public enum Cause {
    @JsonProperty("postural_strain") POSTURAL_STRAIN,
    @JsonProperty("muscle_overuse") MUSCLE_OVERUSE,
    @JsonProperty("joint_irritation") JOINT_IRRITATION,
    @JsonProperty("stress_tension") STRESS_TENSION,
    @JsonProperty("sleep_position") SLEEP_POSITION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Cause> fromKey(String key) {
        for (Cause cause : values()) {
            if (cause.key().equals(key)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
