package backstop.diary;

import java.util.Arrays;
import java.util.Optional;

/** How much lifting and sustained arm work the day held; written as a level 0–3 in the {@code arm_load} column. */
public enum ArmLoad {
    NONE(0, "none"),
    LIGHT(1, "light"),
    MODERATE(2, "moderate"),
    HEAVY(3, "heavy");

    private final int level;
    private final String label;

    ArmLoad(int level, String label) {
        this.level = level;
        this.label = label;
    }

    /** The number written in CSV files; a higher level means more load, so it can be used as a habit value. */
    public int level() {
        return level;
    }

    /** The word shown to people next to the level. */
    public String label() {
        return label;
    }

    public static Optional<ArmLoad> fromLevel(int level) {
        return Arrays.stream(values()).filter(load -> load.level == level).findFirst();
    }
}
