package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an exercise works. The upper back is loaded by its neighbours too, so they are areas of their own. */
public enum BodyArea {
    THORACIC_SPINE("Upper back (thoracic spine)"),
    SHOULDER_BLADES("Between and around the shoulder blades"),
    NECK("Neck"),
    CHEST("Chest"),
    SHOULDERS("Shoulders"),
    LATS("Sides of the back (lats)"),
    HIPS("Hips"),
    RIBS_BREATHING("Ribs and breathing");

    private final String label;

    BodyArea(String label) {
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
