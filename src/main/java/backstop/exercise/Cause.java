package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The five root causes of recurring upper back pain named in PRODUCT.md; the code is how data files spell it. */
public enum Cause {
    POSTURAL_STRAIN("Postural strain"),
    MUSCLE_OVERUSE("Muscle overuse"),
    JOINT_IRRITATION("Joint irritation"),
    STRESS_TENSION("Stress-related tension"),
    SLEEP_POSITION("Sleep position");

    private final String label;

    Cause(String label) {
        this.label = label;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }
}
