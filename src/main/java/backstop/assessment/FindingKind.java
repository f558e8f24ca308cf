package backstop.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * Signs reported apart from the causes: they decide whether an injection referral is worth raising (nerve irritation,
 * trigger points) or change what the plan says (the inflammatory pattern, which also sends the person to a doctor).
 */
public enum FindingKind {
    @JsonProperty("nerve_irritation")
    NERVE_IRRITATION(1),
    @JsonProperty("trigger_points")
    TRIGGER_POINTS(1),
    /** An inflammatory pattern of back pain (ASAS criteria); added with version 2 of the rules. */
    @JsonProperty("inflammatory_pattern")
    INFLAMMATORY_PATTERN(2);

    private final int since;

    FindingKind(int since) {
        this.since = since;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first version of the rules that has this finding. */
    int since() {
        return since;
    }

    static Optional<FindingKind> fromKey(String key) {
        for (FindingKind kind : values()) {
            if (kind.key().equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
