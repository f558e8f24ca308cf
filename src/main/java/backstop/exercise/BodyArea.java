package backstop.exercise;

/** Where an exercise works. The upper back is loaded by its neighbours too, so they are areas of their own. */
public enum BodyArea implements Labelled {
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

    @Override
    public String label() {
        return label;
    }
}
