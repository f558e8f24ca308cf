package backstop.assessment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/** Signs reported apart from the causes, because they later decide whether an injection referral is worth raising. */
public enum FindingKind {
    @JsonProperty("nerve_irritation")
    NERVE_IRRITATION,
    @JsonProperty("trigger_points")
    TRIGGER_POINTS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
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
