package backstop.insights;

import java.util.List;
import java.util.Locale;

/**
 * A small forest plot of one habit's effect at lags 0, 1 and 2 (dot = estimate, line = 95% interval, dashed line
 * = no effect), drawn as SVG on the server so the page needs no script for it.
 */
public final class TriggerChart {
    private static final int WIDTH = 320;
    private static final int ROW = 26;
    private static final int LEFT = 92;
    private static final int RIGHT = 16;

    private TriggerChart() {}

    /** The chart for {@code habit}'s estimated lags; empty text when none was estimated. */
    public static String svg(String habit, List<Trigger> triggers) {
        List<Trigger> rows = triggers.stream()
                .filter(trigger ->
                        trigger.habit().equals(habit) && trigger.effect().isPresent())
                .toList();
        if (rows.isEmpty()) {
            return "";
        }
        double extent = 0.1;
        for (Trigger row : rows) {
            extent = Math.max(
                    extent,
                    Math.max(
                            Math.abs(row.ciLow().getAsDouble()),
                            Math.abs(row.ciHigh().getAsDouble())));
        }
        extent *= 1.1;
        int height = ROW * rows.size() + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                        + "class=\"trigger-chart\" role=\"img\" aria-label=\"Effect of %s on evening pain, by lag\">",
                WIDTH,
                height,
                escape(habit)));
        double zero = x(0, extent);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"#9aa8ad\" " + "stroke-dasharray=\"3 3\"/>",
                zero,
                zero,
                height - 22));
        for (int i = 0; i < rows.size(); i++) {
            Trigger row = rows.get(i);
            double y = 16 + i * ROW;
            String colour = row.significant() ? "#a3322a" : "#5a6b76";
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"4\" y=\"%.1f\" font-size=\"12\" fill=\"#1d2a33\">%s</text>",
                    y + 4,
                    row.lag() == 0 ? "same day" : row.lag() == 1 ? "next day" : "2 days later"));
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" " + "stroke-width=\"2\"/>",
                    x(row.ciLow().getAsDouble(), extent),
                    y,
                    x(row.ciHigh().getAsDouble(), extent),
                    y,
                    colour));
            svg.append(String.format(
                    Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>",
                    x(row.effect().getAsDouble(), extent),
                    y,
                    colour));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#5a6b76\">%+.2f</text>",
                LEFT,
                height - 6,
                -extent));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#5a6b76\" " + "text-anchor=\"middle\">0</text>",
                zero,
                height - 6));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#5a6b76\" " + "text-anchor=\"end\">%+.2f</text>",
                WIDTH - RIGHT,
                height - 6,
                extent));
        svg.append("</svg>");
        return svg.toString();
    }

    private static double x(double value, double extent) {
        return LEFT + (value + extent) / (2 * extent) * (WIDTH - LEFT - RIGHT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
