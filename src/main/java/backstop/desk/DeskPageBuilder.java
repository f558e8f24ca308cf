package backstop.desk;

import backstop.desk.DeskViews.BreakExercise;
import backstop.desk.DeskViews.CalendarInfo;
import backstop.desk.DeskViews.HistoryDay;
import backstop.desk.DeskViews.HistoryWeek;
import backstop.desk.DeskViews.Summary;
import backstop.desk.DeskViews.Today;
import backstop.error.FieldError;
import backstop.insights.AlternatingWeeks;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Turns the desk service's views into the printed {@link DeskPage}. */
final class DeskPageBuilder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private DeskPageBuilder() {}

    static DeskPage build(
            Today today,
            Summary summary,
            Optional<CalendarInfo> calendar,
            String notice,
            List<FieldError> errors,
            ZoneOffset offset) {
        TimerState state = today.state();
        DeskSettings s = today.settings();
        String zoneLabel = offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
        return new DeskPage(
                notice,
                errors,
                DeskPages.newFormId(),
                state.working(),
                status(today, offset, zoneLabel),
                totals(today.totals(), s),
                new DeskPage.Form(
                        s.followPlan(),
                        s.microMinutes(),
                        s.restMinutes(),
                        s.restLengthMinutes(),
                        s.dailyLimitMinutes(),
                        s.postponeMinutes(),
                        s.maxPostpones(),
                        s.maxSkips(),
                        s.strict(),
                        s.sound(),
                        s.idleMinutes(),
                        today.exercises().stream().anyMatch(BreakExercise::fromPlan)
                                ? "Your plan asks for a micro-break every " + s.microMinutes() + " minutes."
                                : "Without a plan's desk part the micro-break comes every "
                                        + DeskSettings.DEFAULT_MICRO_MINUTES + " minutes."),
                calendar.map(info -> new DeskPage.Calendar(
                        info.source().equals("url") ? "subscribed address" : "uploaded file",
                        info.url().orElse(""),
                        info.events(),
                        info.fetchedAt().atOffset(offset).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " "
                                + zoneLabel,
                        info.error())),
                today.busy().stream()
                        .filter(pause ->
                                pause.from().atOffset(offset).toLocalDate().equals(today.date()))
                        .map(pause -> time(pause.from(), offset) + "–" + time(pause.to(), offset))
                        .toList(),
                summary.days().stream()
                        .filter(day -> !day.desk().date().isBefore(today.date().minusDays(DeskPages.HISTORY_DAYS - 1L)))
                        .map(DeskPageBuilder::row)
                        .toList(),
                summary.weeks().stream().map(DeskPageBuilder::week).toList(),
                DeskText.effect(summary.sitting()),
                experiment(summary),
                summary.suggestion()
                        .map(offer -> new DeskPage.Offer(DeskText.suggestion(offer), offer.suggestedMinutes())),
                today.exercises().stream().map(BreakExercise::name).toList(),
                today.exercises().stream().anyMatch(BreakExercise::fromPlan));
    }

    private static String status(Today today, ZoneOffset offset, String zoneLabel) {
        TimerState state = today.state();
        if (!state.working()) {
            return state.stale()
                    ? "Your last working day was left open and has ended. Start a new one when you sit down."
                    : "Not at the desk. Start your working day when you sit down.";
        }
        String since = "Working since " + time(state.since().orElseThrow(), offset) + " (" + zoneLabel + ")";
        long sinceBreak = Duration.between(state.stretchSince().orElseThrow(), today.now())
                .toMinutes();
        String next = state.nextKind().orElseThrow() == BreakKind.REST ? "rest break" : "micro-break";
        String when = state.due() ? "now" : "at " + time(state.nextAt().orElseThrow(), offset);
        String paused = state.pausedUntil()
                .map(until -> " Reminders pause until " + time(until, offset) + " ("
                        + (state.pausedFor().orElse("").equals("calendar") ? "a meeting in your calendar" : "a call")
                        + ").")
                .orElse("");
        String reminders = today.remindersOn() ? "" : " This is a reminder-free phase of your experiment.";
        return since + "; last break " + DeskText.minutes(Math.max(0, sinceBreak)) + " ago; next " + next + " " + when
                + "." + paused + reminders;
    }

    private static String totals(DeskDay day, DeskSettings settings) {
        return "Sitting today " + DeskText.minutes(day.sittingMinutes()) + " of your "
                + DeskText.minutes(settings.dailyLimitMinutes()) + " limit · " + day.breaksTaken() + " taken, "
                + day.postponed() + " postponed, " + day.skipped() + " skipped · longest stretch "
                + DeskText.minutes(day.longestStretchMinutes());
    }

    private static DeskPage.Row row(HistoryDay day) {
        DeskDay desk = day.desk();
        return new DeskPage.Row(
                desk.date().toString(),
                DeskText.minutes(desk.sittingMinutes()),
                desk.breaksTaken(),
                desk.postponed(),
                desk.skipped(),
                desk.sittingSeconds() > 0 ? DeskText.minutes(desk.longestStretchMinutes()) : "–",
                day.painPm().isPresent() ? String.valueOf(day.painPm().getAsInt()) : "–");
    }

    private static DeskPage.Week week(HistoryWeek week) {
        return new DeskPage.Week(
                week.monday().toString(),
                week.deskDays(),
                DeskText.minutes(week.sittingMinutes()),
                week.breaksTaken(),
                week.postponed(),
                week.skipped(),
                week.deskDays() > 0 ? DeskText.minutes(week.longestStretchMinutes()) : "–",
                week.meanPainPm().isPresent() ? DeskText.one(week.meanPainPm().getAsDouble()) : "–");
    }

    private static DeskPage.Experiment experiment(Summary summary) {
        Optional<AlternatingWeeks> weeks = summary.experimentWeeks();
        if (weeks.isEmpty()) {
            return new DeskPage.Experiment(false, "", Optional.empty());
        }
        AlternatingWeeks w = weeks.get();
        boolean running = w.end().isEmpty();
        String description = running
                ? "Running since " + w.start() + ": two weeks with reminders, two without, the order switching every"
                        + " four weeks."
                : "Ran from " + w.start() + " to " + w.end().get() + ".";
        return new DeskPage.Experiment(
                running, description, summary.experiment().map(DeskText::effect));
    }

    private static String time(Instant instant, ZoneOffset offset) {
        return instant.atOffset(offset).format(TIME);
    }
}
