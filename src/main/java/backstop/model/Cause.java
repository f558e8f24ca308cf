package backstop.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * The five common root causes of recurring upper back pain named in the seed article. The one vocabulary for
 * causes: the assessment scores them, the exercise catalogue and the plan say which of them they address.
 */
public enum Cause {
    @JsonProperty("postural_strain")
    POSTURAL_STRAIN("Postural strain"),
    @JsonProperty("muscle_overuse")
    MUSCLE_OVERUSE("Muscle overuse"),
    @JsonProperty("joint_irritation")
    JOINT_IRRITATION("Joint irritation"),
    @JsonProperty("stress_tension")
    STRESS_TENSION("Stress-related tension"),
    @JsonProperty("sleep_position")
    SLEEP_POSITION("Sleep position");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    /** How data files and JSON spell the cause. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name a person reads; the same as the cause labels in the assessment rules file. */
    public String label() {
        return label;
    }

    public static Optional<Cause> fromKey(String key) {
        for (Cause cause : values()) {
            if (cause.key().equals(key)) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }
}
