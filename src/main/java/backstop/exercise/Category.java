package backstop.exercise;

/** The kind of work an exercise does; the plan balances a session across these. */
public enum Category implements Labelled {
    MOBILITY("Mobility"),
    STRENGTH("Strength"),
    POSTURE_CORRECTION("Posture correction"),
    ENDURANCE("Endurance"),
    RELAXATION_BREATHING("Relaxation and breathing"),
    // Under a minute, done at the desk between stretches of work.
    MICRO_BREAK("Desk micro-break");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
