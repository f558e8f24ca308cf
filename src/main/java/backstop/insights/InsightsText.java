package backstop.insights;

import java.util.List;

/** The report as plain text, for {@code backstop insights --format text}. */
public final class InsightsText {
    private InsightsText() {}

    public static String format(InsightReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Diary: ").append(report.days()).append(" days recorded");
        report.firstDate()
                .ifPresent(first -> out.append(", ")
                        .append(first)
                        .append(" to ")
                        .append(report.lastDate().orElseThrow()));
        out.append('\n');
        report.reason().ifPresent(reason -> out.append(sentence(reason)).append('\n'));
        report.model()
                .ifPresent(model -> out.append("Model: ")
                        .append(
                                model.equals(TriggerModel.JOINT)
                                        ? "all habits fitted together"
                                        : "one habit at a time, adjusted for the other habits that day")
                        .append('\n'));
        out.append('\n').append("Episodes (").append(report.episodes().size()).append("):\n");
        for (Episode episode : report.episodes()) {
            out.append("  ")
                    .append(episode.start())
                    .append(" to ")
                    .append(episode.end())
                    .append(", peak ")
                    .append(episode.peak())
                    .append(caveats(episode).isEmpty() ? "" : ", " + caveats(episode))
                    .append('\n');
        }
        out.append("Flare-ups (").append(report.flares().size()).append("):\n");
        for (Flare flare : report.flares()) {
            out.append("  ")
                    .append(flare.start())
                    .append(flare.days() > 1 ? " to " + flare.end() : "")
                    .append(", peak ")
                    .append(flare.peak())
                    .append(" against a usual ")
                    .append(Numbers.plain(flare.baseline()))
                    .append('\n');
        }
        Recurrence recurrence = report.recurrence();
        out.append('\n').append("Recurrence: ").append(rates(recurrence)).append('\n');
        recurrence
                .timeToRecurrence()
                .ifPresentOrElse(
                        curve -> out.append("  Median time to a new episode: ")
                                .append(
                                        curve.medianDays().isPresent()
                                                ? Numbers.plain(curve.medianDays()
                                                                .getAsDouble()) + " days"
                                                : "not reached (more than half of the pain-free intervals were still going on)")
                                .append('\n')
                                .append("  ")
                                .append(RECURRENCE_REFERENCE)
                                .append('\n'),
                        () -> recurrence
                                .timeToRecurrenceReason()
                                .ifPresent(reason -> out.append("  Time to recurrence: ")
                                        .append(reason)
                                        .append('\n')));
        recurrence.sincePlan().ifPresent(plan -> {
            out.append("  ").append(plan.episodes().text()).append('\n');
            out.append("  ").append(plan.flares().text()).append('\n');
        });
        List<InsightCard> cards = InsightCards.from(report);
        out.append('\n')
                .append("What went with your pain (")
                .append(cards.size())
                .append("):\n");
        if (cards.isEmpty() && report.status().equals(InsightReport.OK)) {
            out.append("  No habit stood out clearly yet.\n");
        }
        for (InsightCard card : cards) {
            out.append("  ")
                    .append(card.text())
                    .append(" [")
                    .append(InsightCards.causeWords(card.cause()))
                    .append("]\n");
        }
        long refused = report.triggers().stream()
                .filter(trigger -> !trigger.isEstimated())
                .map(Trigger::habit)
                .distinct()
                .count();
        if (refused > 0) {
            out.append("  Not enough data yet for:\n");
            report.triggers().stream()
                    .filter(trigger -> !trigger.isEstimated() && trigger.lag() == 0)
                    .forEach(trigger -> out.append("    ")
                            .append(InsightCards.habitWords(trigger.habit()))
                            .append(": ")
                            .append(trigger.reason().orElse(""))
                            .append('\n'));
        }
        Forecast forecast = report.forecast();
        out.append('\n').append("Tomorrow: ");
        if (forecast.probability().isPresent()) {
            out.append(Math.round(forecast.probability().getAsDouble() * 100))
                    .append("% chance of a flare-up (evening" + " pain of ")
                    .append(Numbers.plain(forecast.flareThreshold().getAsDouble()))
                    .append(" or more), with ")
                    .append(forecast.habitsAssumed().orElse(""))
                    .append('\n');
        } else {
            out.append("no forecast: ").append(forecast.reason().orElse("")).append('\n');
        }
        forecast.trackRecord()
                .ifPresent(track -> out.append("  ").append(track.text()).append('\n'));
        out.append('\n');
        for (String note : report.notes()) {
            out.append(note).append('\n');
        }
        return out.toString();
    }

    /** The published figure a person's own time to recurrence can be read against (docs/clinical.md). */
    public static final String RECURRENCE_REFERENCE = "For comparison: in studies of low back pain the median time to"
            + " a recurrence was 139 days (da Silva 2019); no such figure exists for the upper back.";

    /** "Not enough data yet: …" from a reason that starts in lower case, without saying it twice. */
    public static String sentence(String reason) {
        if (reason.isEmpty()) {
            return reason;
        }
        String text = Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * How often episodes and flare-ups came, counted over the days with pain recorded only; below the minimum it says
     * what is missing instead of a number.
     */
    public static String rates(Recurrence recurrence) {
        String counted = count(recurrence.episodes(), "episode") + " and " + count(recurrence.flares(), "flare-up")
                + " in " + recurrence.recordedDays() + " days with pain recorded";
        if (recurrence.episodesPerYear().isEmpty()) {
            return counted + ". Not enough data yet for a rate per year: "
                    + recurrence.ratesReason().orElse("") + ".";
        }
        return counted + ": about "
                + Numbers.decimals(recurrence.episodesPerYear().getAsDouble(), 1)
                + " episodes and " + Numbers.decimals(recurrence.flaresPerYear().getAsDouble(), 1)
                + " flare-ups per year of recorded days.";
    }

    /** What an episode's edges leave open, in the same words on the page and in the CLI. */
    public static String caveats(Episode episode) {
        List<String> open = new java.util.ArrayList<>();
        if (!episode.painFreeBefore()) {
            open.add("may have begun earlier");
        }
        if (!episode.painFreeAfter()) {
            open.add("may still be going on");
        }
        return String.join(", ", open);
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
