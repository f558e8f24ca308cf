package backstop.share.report;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The visit report as XHTML for the PDF renderer: who and which dates, the latest assessment, pain over the dates,
 * the habits that went with pain, the plan, desk breaks, and where each number comes from. It never names a
 * diagnosis. Every text is escaped; the chart is the SVG {@link PainChart} drew.
 */
public final class ReportHtml {
    static final String NOT_A_DIAGNOSIS = "This report is not a diagnosis. It shows what the person recorded and how"
            + " Backstop's published rules scored their answers, for a clinician to read with their own examination.";

    private ReportHtml() {}

    public static String html(ReportFigures f, String chartSvg) {
        StringBuilder h = new StringBuilder();
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<title>Backstop visit report</title><style>")
                .append("@page { size: A4; margin: 16mm 15mm; @bottom-center { content: 'Backstop visit report, page '"
                        + " counter(page) ' of ' counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; } }")
                .append("body { font-family: 'DejaVu Sans'; font-size: 9.5pt; line-height: 1.35; color: #222; }")
                .append("h1 { font-size: 16pt; margin: 0 0 4pt 0; } h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0;"
                        + " border-bottom: 0.5pt solid #999; }")
                .append("table { border-collapse: collapse; width: 100%; } td, th { text-align: left;"
                        + " vertical-align: top; padding: 2pt 4pt; border-bottom: 0.3pt solid #ddd; }")
                .append(".note { color: #555; font-size: 8.5pt; } .key { display: inline-block; width: 12pt;"
                        + " height: 6pt; margin-right: 3pt; }")
                .append("</style></head><body>");
        h.append("<h1>Visit report: ").append(esc(f.name())).append("</h1>");
        h.append("<p id=\"range\">Dates: ")
                .append(f.from())
                .append(" to ")
                .append(f.to())
                .append(" (")
                .append(f.daysInRange())
                .append(" days; diary filled in on ")
                .append(f.daysRecorded())
                .append(" of them). Made by Backstop on ")
                .append(f.madeAt().toString(), 0, 10)
                .append(".</p>");
        h.append("<p class=\"note\">").append(esc(NOT_A_DIAGNOSIS)).append("</p>");

        h.append("<h2>Latest assessment</h2>");
        if (f.assessment().isEmpty()) {
            h.append("<p>No assessment was taken by the last of these dates.</p>");
        } else {
            var a = f.assessment().get();
            h.append(a.takenOn().isBefore(f.from()) ? "<p>Taken before these dates, on " : "<p>Taken on ")
                    .append(a.takenOn())
                    .append(". Urgency: <b>")
                    .append(esc(urgencyWords(a.urgency())))
                    .append("</b>. ")
                    .append(esc(a.urgencyAdvice()))
                    .append("</p>");
            if (!a.causes().isEmpty()) {
                h.append(
                        "<table><tr><th>Possible cause</th><th>Score (0-100)</th><th>Answers behind the score</th></tr>");
                for (var cause : a.causes()) {
                    h.append("<tr><td>")
                            .append(esc(cause.label()))
                            .append(cause.active() ? " (addressed by the plan)" : "")
                            .append("</td><td>Score ")
                            .append(cause.score())
                            .append("</td><td>");
                    if (cause.evidence().isEmpty()) {
                        h.append("none");
                    }
                    cause.evidence().forEach(e -> h.append(esc(e)).append("<br/>"));
                    h.append("</td></tr>");
                }
                h.append("</table>");
            }
            h.append("<p class=\"note\">Scores by ").append(esc(a.rules())).append(".</p>");
        }

        h.append("<h2>Pain over these dates</h2>");
        h.append("<div>").append(chartSvg).append("</div>");
        h.append("<p class=\"note\"><span class=\"key\" style=\"background:")
                .append(PainChart.MORNING)
                .append("\"></span>morning pain <span class=\"key\" style=\"background:")
                .append(PainChart.EVENING)
                .append("\"></span>evening pain (0-10) <span class=\"key\" style=\"background:")
                .append(PainChart.EPISODE)
                .append("\"></span>episode <span class=\"key\" style=\"background:")
                .append(PainChart.FLARE)
                .append("\"></span>flare-up <span class=\"key\" style=\"background:")
                .append(PainChart.PLAN)
                .append("\"></span>plan began")
                .append(f.planStart().map(d -> " (" + d + ")").orElse(""))
                .append("</p>");
        h.append("<p id=\"pain\">Mean morning pain: ")
                .append(number(f.meanMorningPain()))
                .append(" (on ")
                .append(f.morningPainDays())
                .append(" days). Mean evening pain: ")
                .append(number(f.meanEveningPain()))
                .append(" (on ")
                .append(f.eveningPainDays())
                .append(" days). Episodes: ")
                .append(f.episodes().size())
                .append(". Flare-ups: ")
                .append(f.flares().size())
                .append(".</p>");
        if (!f.flares().isEmpty()) {
            h.append("<p class=\"note\">Flare-ups: ");
            f.flares().stream()
                    .limit(12)
                    .forEach(p -> h.append(p.start())
                            .append(p.end().equals(p.start()) ? "" : " to " + p.end())
                            .append(" (peak ")
                            .append(p.peak())
                            .append("); "));
            h.append(f.flares().size() > 12 ? "and " + (f.flares().size() - 12) + " more." : "")
                    .append("</p>");
        }

        h.append("<h2>Habits that went with evening pain</h2>");
        if (f.habits().isEmpty()) {
            h.append("<p>")
                    .append(esc(capitalise(f.habitsNote().orElse("none"))))
                    .append(".</p>");
        } else {
            h.append("<table><tr><th>Habit</th><th>Days later</th><th>Change in evening pain per unit"
                    + " (95% interval)</th><th>Days</th></tr>");
            for (var habit : f.habits()) {
                h.append("<tr><td>")
                        .append(esc(habit.habit()))
                        .append("</td><td>")
                        .append(habit.lag())
                        .append("</td><td>")
                        .append(signed(habit.effect()))
                        .append(" (")
                        .append(signed(habit.ciLow()))
                        .append(" to ")
                        .append(signed(habit.ciHigh()))
                        .append(")</td><td>")
                        .append(habit.days())
                        .append("</td></tr>");
            }
            h.append("</table>");
        }

        h.append("<h2>Plan</h2>");
        if (f.adherence().isEmpty()) {
            h.append("<p>No plan in these dates.</p>");
        } else {
            var adherence = f.adherence().get();
            h.append("<p id=\"adherence\">Plan began ")
                    .append(f.planStart().map(Object::toString).orElse("-"))
                    .append(". Sessions planned: ")
                    .append(adherence.plannedDays())
                    .append(". Sessions done: ")
                    .append(adherence.loggedDays())
                    .append(" (")
                    .append(adherence.percent())
                    .append("%).</p>");
        }
        if (f.desk().isPresent()) {
            var desk = f.desk().get();
            h.append("<h2>Desk breaks</h2><p id=\"desk\">Breaks from sitting: ")
                    .append(String.format(Locale.ROOT, "%.1f", desk.meanBreaks()))
                    .append(" a day (on ")
                    .append(desk.breakDays())
                    .append(" days). Hours at a desk: ")
                    .append(number(desk.meanDeskHours()))
                    .append(" a day (on ")
                    .append(desk.deskDays())
                    .append(" days).</p>");
        }

        h.append("<h2>Outcome measures</h2>");
        if (f.measures().isEmpty()) {
            h.append("<p>No outcome questionnaire answered in these dates.</p>");
        } else {
            h.append("<table id=\"measures\"><tr><th>Questionnaire</th><th>Date</th><th>Score</th>")
                    .append("<th>Change from first</th><th>Beyond the MCID?</th></tr>");
            for (ReportFigures.Measure measure : f.measures()) {
                for (ReportFigures.MeasurePoint point : measure.points()) {
                    h.append("<tr><td>")
                            .append(esc(measure.name()))
                            .append("</td><td>")
                            .append(point.date())
                            .append("</td><td>")
                            .append(esc(point.score()))
                            .append("</td><td>")
                            .append(point.changeTenths()
                                    .map(change -> (change > 0 ? "+" : "")
                                            + java.math.BigDecimal.valueOf(change, 1)
                                                    .toPlainString())
                                    .orElse("-"))
                            .append("</td><td>")
                            .append(
                                    point.beyondMcid()
                                            ? "yes" + (point.direction().isEmpty() ? "" : ", " + esc(point.direction()))
                                            : "no")
                            .append("</td></tr>");
                }
            }
            h.append("</table><p class=\"note\">MCID, the smallest change that matters to people: ");
            h.append(esc(String.join(
                    "; ",
                    f.measures().stream()
                            .map(measure -> measure.name() + ": " + measure.mcid())
                            .toList())));
            h.append(". Sources: docs/clinical.md.</p>");
        }
        h.append("<h2>Injection referrals</h2>");
        if (f.referrals().isEmpty()) {
            h.append("<p>No injection referral by the end of these dates.</p>");
        } else {
            h.append("<ul id=\"referrals\">");
            for (ReportFigures.ReferralLine referral : f.referrals()) {
                h.append("<li>")
                        .append(referral.referredOn())
                        .append(": ")
                        .append(esc(referral.kind()))
                        .append(referral.referredTo().isBlank() ? "" : ", to " + esc(referral.referredTo()))
                        .append(referral.by().isBlank() ? "" : ", referred by " + esc(referral.by()))
                        .append(referral.reason().isBlank() ? "" : ". Why: " + esc(referral.reason()))
                        .append(". Outcome: ")
                        .append(referral.outcome()
                                .map(outcome -> outcome
                                        + referral.outcomeOn()
                                                .map(on -> " on " + on)
                                                .orElse(""))
                                .orElse("not recorded yet"))
                        .append(".</li>");
            }
            h.append("</ul>");
        }

        h.append("<h2>Where the numbers come from</h2><p class=\"note\">")
                .append(esc("Pain, habits and breaks are what the person entered in their Backstop diary (desk"
                        + " values may have been measured by Backstop's Desk page); a mean is over the days that"
                        + " recorded the value, and a day left empty is not counted as zero. Scores come from the"
                        + " person's answers to Backstop's intake, by its published rules. Episodes follow de Vet et"
                        + " al. 2002 (pain for more than a day with a month free of pain before and after), made for"
                        + " low back pain; flare-ups are evening pain clearly above the person's own recent level."
                        + " Habits are associations in this person's diary (least squares on the diary, adjusted for"
                        + " yesterday's pain and the weekday; 95% intervals, Benjamini-Hochberg corrected): they"
                        + " show what went with pain, not what caused it. Sessions planned are days with a session"
                        + " in the plan up to the day before the report; done are days with a logged session."
                        + " Sources and definitions: docs/clinical.md."))
                .append("</p>");
        h.append("</body></html>");
        return h.toString();
    }

    static String urgencyWords(String key) {
        return switch (key) {
            case "self_care" -> "self-care is reasonable";
            case "soon" -> "see a doctor soon";
            case "urgent" -> "see a doctor urgently";
            case "emergency" -> "emergency";
            default -> key;
        };
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "not recorded";
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
