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
        report.reason()
                .ifPresent(reason ->
                        out.append("Not enough data yet: ").append(reason).append('\n'));
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
                    .append(episode.painFreeBefore() ? "" : ", may have begun earlier")
                    .append(episode.painFreeAfter() ? "" : ", may still be going on")
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
        out.append('\n')
                .append("Recurrence: ")
                .append(Numbers.decimals(recurrence.episodesPerYear(), 1))
                .append(" episodes and ")
                .append(Numbers.decimals(recurrence.flaresPerYear(), 1))
                .append(" flare-ups per year\n");
        recurrence
                .timeToRecurrence()
                .ifPresentOrElse(
                        curve -> out.append("  Median time to a new episode: ")
                                .append(
                                        curve.medianDays().isPresent()
                                                ? Numbers.plain(curve.medianDays()
                                                                .getAsDouble()) + " days"
                                                : "not reached (more than half of the pain-free intervals were still going on)")
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
                    .append(card.cause())
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
                            .append(trigger.habit())
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
}
