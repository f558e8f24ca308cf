package backstop.exercise;

/** What an exercise needs. {@link #NONE} is always at hand and never combined with anything else. */
public enum Equipment implements Labelled {
    NONE("No equipment"),
    BAND("Resistance band"),
    CHAIR("Chair"),
    WALL("Wall or door frame"),
    FOAM_ROLLER("Foam roller"),
    TOWEL("Towel"),
    LIGHT_WEIGHTS("Light weights");

    private final String label;

    Equipment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
