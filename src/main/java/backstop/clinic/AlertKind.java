package backstop.clinic;

import backstop.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a patient needs attention, in the order of their weight on the roster. The rules, thresholds and sources are
 * in docs/clinical.md ("The clinic roster"). A red flag always sorts first; the others add their weight.
 */
public enum AlertKind {
    RED_FLAG("Warning sign", 100),
    FLARE("Flare-up", 5),
    PAIN_WORSE("Pain worse", 4),
    REFERRAL("Referral criteria met", 3),
    COVERAGE_GAP("Symptom only", 3),
    MEASURE_WORSE("Outcome worse", 3),
    LOW_ADHERENCE("Sessions missed", 2),
    NO_CHECK_IN("No check-in", 2);

    private final String label;
    private final int weight;

    AlertKind(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public int weight() {
        return weight;
    }

    public static AlertKind fromKey(String field, String key) {
        for (AlertKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new BadInputException(
                field,
                "must be one of " + Arrays.stream(values()).map(AlertKind::key).collect(Collectors.joining(", ")));
    }
}
