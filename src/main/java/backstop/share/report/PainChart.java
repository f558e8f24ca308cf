package backstop.share.report;

import backstop.diary.DiaryDay;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pain over the report's dates as SVG: morning and evening pain (0–10) as lines broken where a day was not
 * recorded, episodes shaded, flare-ups as bars along the top, the plan's start as a dashed line. Pure text; the PDF
 * keeps it as vector graphics.
 */
public final class PainChart {
    static final int WIDTH = 680;
    static final int HEIGHT = 220;
    private static final int LEFT = 30;
    private static final int RIGHT = 10;
    private static final int TOP = 18;
    private static final int BOTTOM = 24;
    static final String MORNING = "#6a9fd4";
    static final String EVENING = "#1f3b73";
    static final String EPISODE = "#f3e3c3";
    static final String FLARE = "#c0392b";
    static final String PLAN = "#2e7d32";

    private PainChart() {}

    public static String svg(
            LocalDate from,
            LocalDate to,
            List<DiaryDay> days,
            List<ReportFigures.Period> episodes,
            List<ReportFigures.Period> flares,
            Optional<LocalDate> planStart) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        Function<LocalDate, Double> x = date -> LEFT + plotWidth * ChronoUnit.DAYS.between(from, date) / span;
        Function<Integer, Double> y = pain -> TOP + plotHeight * (10 - pain) / 10.0;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
                WIDTH,
                HEIGHT,
                WIDTH,
                HEIGHT));
        for (ReportFigures.Period episode : episodes) {
            if (episode.end().isBefore(from) || episode.start().isAfter(to)) {
                continue;
            }
            double x0 = x.apply(max(episode.start(), from));
            double x1 = x.apply(min(episode.end(), to));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
                    x0,
                    TOP,
                    Math.max(1.5, x1 - x0),
                    plotHeight,
                    EPISODE));
        }
        for (int pain = 0; pain <= 10; pain += 5) {
            double yy = y.apply(pain);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#cccccc\" stroke-width=\"0.5\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-family=\"DejaVu Sans\" font-size=\"9\" text-anchor=\"end\">%d</text>",
                    LEFT,
                    yy,
                    WIDTH - RIGHT,
                    yy,
                    LEFT - 4,
                    yy + 3,
                    pain));
        }
        for (ReportFigures.Period flare : flares) {
            if (flare.end().isBefore(from) || flare.start().isAfter(to)) {
                continue;
            }
            double x0 = x.apply(max(flare.start(), from));
            double x1 = x.apply(min(flare.end(), to));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"5\" fill=\"%s\"/>",
                    x0,
                    TOP - 8,
                    Math.max(2, x1 - x0),
                    FLARE));
        }
        Map<LocalDate, DiaryDay> byDate = new TreeMap<>();
        days.forEach(day -> byDate.put(day.date(), day));
        line(svg, from, to, byDate, DiaryDay::painAm, x, y, MORNING);
        line(svg, from, to, byDate, DiaryDay::painPm, x, y, EVENING);
        if (planStart.isPresent()
                && !planStart.get().isBefore(from)
                && !planStart.get().isAfter(to)) {
            double px = x.apply(planStart.get());
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\""
                            + " stroke-dasharray=\"4,3\"/>",
                    px,
                    TOP - 10,
                    px,
                    HEIGHT - BOTTOM,
                    PLAN));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-family=\"DejaVu Sans\" font-size=\"9\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-family=\"DejaVu Sans\" font-size=\"9\" text-anchor=\"end\">%s</text>",
                LEFT,
                HEIGHT - 8,
                from,
                WIDTH - RIGHT,
                HEIGHT - 8,
                to));
        svg.append("</svg>");
        return svg.toString();
    }

    private static void line(
            StringBuilder svg,
            LocalDate from,
            LocalDate to,
            Map<LocalDate, DiaryDay> days,
            Function<DiaryDay, OptionalInt> value,
            Function<LocalDate, Double> x,
            Function<Integer, Double> y,
            String colour) {
        StringBuilder points = new StringBuilder();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            DiaryDay day = days.get(date);
            OptionalInt pain = day == null ? OptionalInt.empty() : value.apply(day);
            if (pain.isEmpty()) {
                flush(svg, points, colour);
                continue;
            }
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(date), y.apply(pain.getAsInt())));
        }
        flush(svg, points, colour);
    }

    private static void flush(StringBuilder svg, StringBuilder points, String colour) {
        if (points.length() == 0) {
            return;
        }
        String text = points.toString().strip();
        if (text.contains(" ")) {
            svg.append("<polyline fill=\"none\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"1.2\" points=\"")
                    .append(text)
                    .append("\"/>");
        } else {
            String[] xy = text.split(",");
            svg.append("<circle cx=\"")
                    .append(xy[0])
                    .append("\" cy=\"")
                    .append(xy[1])
                    .append("\" r=\"1.5\" fill=\"")
                    .append(colour)
                    .append("\"/>");
        }
        points.setLength(0);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
