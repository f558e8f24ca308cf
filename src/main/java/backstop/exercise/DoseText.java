package backstop.exercise;

/** A dose in plain words, e.g. "2 sets of 12 each side, 3 times a week". */
public final class DoseText {
    private DoseText() {}

    public static String describe(Dose dose) {
        StringBuilder text = new StringBuilder();
        if (dose.holdSeconds() > 0) {
            text.append(dose.sets() > 1 ? dose.sets() + " sets of " : "")
                    .append(dose.reps())
                    .append(dose.reps() == 1 ? " hold of " : " holds of ")
                    .append(dose.holdSeconds())
                    .append(" s");
        } else {
            text.append(dose.sets())
                    .append(dose.sets() == 1 ? " set of " : " sets of ")
                    .append(dose.reps());
        }
        if (dose.eachSide()) {
            text.append(" each side");
        }
        text.append(", ");
        if (dose.times() == 1) {
            text.append("once a ");
        } else if (dose.times() == 2) {
            text.append("twice a ");
        } else {
            text.append(dose.times()).append(" times a ");
        }
        text.append(dose.per() == Period.DAY ? "day" : "week");
        return text.toString();
    }

    /** About how long one round takes, rounded up to a half minute. */
    public static String duration(Dose dose) {
        int halfMinutes = (dose.estimatedSeconds() + 29) / 30;
        return halfMinutes <= 1
                ? "about 30 s"
                : halfMinutes % 2 == 0 ? "about " + halfMinutes / 2 + " min" : "about " + halfMinutes / 2 + "½ min";
    }
}
