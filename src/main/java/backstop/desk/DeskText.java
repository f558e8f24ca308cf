package backstop.desk;

import backstop.desk.DeskViews.Suggestion;
import backstop.insights.AlternatingWeeks;
import backstop.insights.BreakEffect;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The sentences the Desk page and the API say about "does it help me?"; written for Backstop. */
final class DeskText {
    private DeskText() {}

    static String effect(BreakEffect effect) {
        return effect.design() == BreakEffect.Design.SITTING_STRETCH ? sitting(effect) : experiment(effect);
    }

    private static String sitting(BreakEffect effect) {
        if (effect.status() == BreakEffect.Status.NOT_ENOUGH_DATA) {
            return "Not enough data yet. This needs " + effect.rowsNeeded() + " desk days with your evening pain and"
                    + " the evening before, at least " + effect.groupNeeded() + " with a shorter and "
                    + effect.groupNeeded() + " with a longer longest stretch; you have " + effect.rows()
                    + (effect.rows() > 0
                            ? " (" + effect.firstGroup() + " shorter, " + effect.secondGroup() + " longer)"
                            : "")
                    + ".";
        }
        double difference = effect.difference().getAsDouble();
        return "On days when your longest unbroken sitting stretch was over "
                + effect.thresholdMinutes().getAsInt() + " minutes, your evening pain was "
                + amount(difference) + " than on days with shorter stretches (95% interval "
                + one(effect.low().getAsDouble()) + " to " + one(effect.high().getAsDouble()) + "; "
                + effect.rows() + " days, with yesterday's pain and the overall trend taken into account). "
                + verdict(effect) + " This compares your own days with each other; it shows what went together,"
                + " not what caused what.";
    }

    private static String experiment(BreakEffect effect) {
        if (effect.status() == BreakEffect.Status.NOT_ENOUGH_DATA) {
            return "Not enough data yet. The experiment needs " + effect.rowsNeeded() + " complete pairs of"
                    + " two-week phases (" + effect.rowsNeeded() * 2 * AlternatingWeeks.PHASE_DAYS / 7
                    + " weeks) with your evening pain on at least " + BreakEffect.MIN_DAYS_PER_PHASE
                    + " days of each; " + effect.rows() + " so far.";
        }
        double difference = effect.difference().getAsDouble();
        return "In the phases without reminders your evening pain was " + amount(difference)
                + " than in the phases with them (95% interval "
                + one(effect.low().getAsDouble()) + " to "
                + one(effect.high().getAsDouble()) + "; " + effect.rows() + " pairs of phases). " + verdict(effect);
    }

    private static String verdict(BreakEffect effect) {
        return switch (effect.verdict().orElseThrow()) {
            case BREAKS_HELP -> "For you, breaking up long sitting seems to go with less pain.";
            case OPPOSITE ->
                "The pain went the other way: something else about those days may matter more than the sitting.";
            case SMALLER_THAN_NOTICEABLE ->
                "Any difference is probably smaller than 2 points, the smallest change most people notice.";
            case UNCLEAR -> "The interval is still too wide to tell; keep going and it narrows.";
        };
    }

    static String suggestion(Suggestion suggestion) {
        return "Your own diary shows more evening pain after longer unbroken sitting (a difference of "
                + one(suggestion.evidence().difference().getAsDouble()) + " points, 95% interval "
                + one(suggestion.evidence().low().getAsDouble()) + " to "
                + one(suggestion.evidence().high().getAsDouble()) + "). A micro-break every "
                + suggestion.suggestedMinutes() + " minutes instead of " + suggestion.currentMinutes()
                + " would keep the stretches shorter. Nothing changes unless you choose it.";
    }

    private static String amount(double difference) {
        String size = one(Math.abs(difference));
        if (size.equals("0.0")) {
            return "about the same";
        }
        return size + (size.equals("1.0") ? " point " : " points ") + (difference > 0 ? "higher" : "lower");
    }

    static String one(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** "1 h 25 min", "40 min". */
    static String minutes(long minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
