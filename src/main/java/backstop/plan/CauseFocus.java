package backstop.plan;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Objects;

/**
 * A cause as the assessment scored it, kept with the plan so the plan can be checked (and shown) on its own later.
 * {@code active} causes have evidence at or above the assessment's threshold: the plan must address them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CauseFocus(Cause cause, String label, int score, boolean active) {
    public CauseFocus {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(label, "label");
    }
}
