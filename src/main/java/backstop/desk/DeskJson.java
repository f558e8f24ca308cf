package backstop.desk;

import backstop.desk.DeskViews.BreakExercise;
import backstop.desk.DeskViews.CalendarInfo;
import backstop.desk.DeskViews.HistoryDay;
import backstop.desk.DeskViews.HistoryWeek;
import backstop.desk.DeskViews.Summary;
import backstop.desk.DeskViews.Today;
import backstop.diary.MeasuredDay;
import backstop.insights.AlternatingWeeks;
import backstop.insights.BreakEffect;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The desk's JSON, in the API's dialect (snake_case, ISO times). Times the page's timer compares are instants in
 * UTC; events keep the offset they were written with.
 */
final class DeskJson {
    private DeskJson() {}

    static Map<String, Object> event(DeskEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type().code());
        json.put("at", event.at().toString());
        event.kind().ifPresent(kind -> json.put("kind", kind.code()));
        event.seconds().ifPresent(seconds -> json.put("seconds", seconds));
        return json;
    }

    static Map<String, Object> settings(DeskSettings s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("follow_plan", s.followPlan());
        json.put("micro_minutes", s.microMinutes());
        json.put("rest_minutes", s.restMinutes());
        json.put("rest_length_min", s.restLengthMinutes());
        json.put("daily_limit_min", s.dailyLimitMinutes());
        json.put("postpone_minutes", s.postponeMinutes());
        json.put("max_postpones", s.maxPostpones());
        json.put("max_skips", s.maxSkips());
        json.put("strict", s.strict());
        json.put("sound", s.sound());
        json.put("idle_minutes", s.idleMinutes());
        return json;
    }

    static Map<String, Object> settings(DeskStore.Stored stored) {
        Map<String, Object> json = settings(stored.settings());
        json.put("experiment", stored.experiment().map(DeskJson::experiment).orElse(null));
        return json;
    }

    static Map<String, Object> experiment(AlternatingWeeks weeks) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("start", weeks.start().toString());
        json.put("end", weeks.end().map(Object::toString).orElse(null));
        json.put("phase_days", AlternatingWeeks.PHASE_DAYS);
        json.put("washout_days", AlternatingWeeks.WASHOUT_DAYS);
        return json;
    }

    static Map<String, Object> day(DeskDay day) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", day.date().toString());
        json.put("sitting_min", day.sittingMinutes());
        json.put("desk_hours", day.deskHours());
        json.put("longest_sit_min", day.longestStretchMinutes());
        json.put("breaks_taken", day.breaksTaken());
        json.put("micro_breaks", day.microBreaks());
        json.put("rest_breaks", day.restBreaks());
        json.put("natural_breaks", day.naturalBreaks());
        json.put("breaks_postponed", day.postponed());
        json.put("breaks_skipped", day.skipped());
        json.put("sessions", day.sessions());
        return json;
    }

    static Map<String, Object> state(TimerState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("working", state.working());
        json.put("since", instant(state.since()));
        json.put("stretch_since", instant(state.stretchSince()));
        json.put("next_kind", state.nextKind().map(BreakKind::code).orElse(null));
        json.put("next_at", instant(state.nextAt()));
        json.put("due", state.due());
        json.put("paused_until", instant(state.pausedUntil()));
        json.put("paused_for", state.pausedFor().orElse(null));
        json.put("postpones_left", state.postponesLeft());
        json.put("skips_left", state.skipsLeft());
        json.put("sitting_today_seconds", state.sittingTodaySeconds());
        json.put("limit_reached", state.limitReached());
        json.put("remind", state.remind());
        json.put("stale", state.stale());
        return json;
    }

    static Map<String, Object> today(Today today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", today.date().toString());
        json.put("server_time", today.now().toString());
        json.put("settings", settings(today.settings()));
        json.put("reminders", today.remindersOn());
        json.put(
                "experiment",
                today.experiment()
                        .map(e -> {
                            Map<String, Object> phase = experiment(e.weeks());
                            phase.put("phase", e.phase() + 1);
                            phase.put("reminders", e.remindersOn());
                            phase.put("phase_ends", e.phaseEnds().toString());
                            return phase;
                        })
                        .orElse(null));
        json.put("state", state(today.state()));
        json.put("today", day(today.totals()));
        json.put("events", today.events().stream().map(DeskJson::event).toList());
        json.put(
                "busy",
                today.busy().stream()
                        .map(pause -> Map.of(
                                "from",
                                pause.from().toString(),
                                "to",
                                pause.to().toString()))
                        .toList());
        json.put("calendar", today.calendar().map(DeskJson::calendar).orElse(null));
        json.put("exercises", today.exercises().stream().map(DeskJson::exercise).toList());
        return json;
    }

    static Map<String, Object> exercise(BreakExercise exercise) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", exercise.id());
        json.put("name", exercise.name());
        json.put("dose", exercise.dose());
        json.put("seconds", exercise.seconds());
        json.put("purpose", exercise.purpose());
        json.put("cues", exercise.cues());
        json.put("from_plan", exercise.fromPlan());
        json.put("illustration", "/exercises/" + exercise.id() + "/illustration.svg");
        return json;
    }

    static Map<String, Object> calendar(CalendarInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", info.source());
        json.put("url", info.url().orElse(null));
        json.put("events", info.events());
        json.put("fetched_at", info.fetchedAt().toString());
        json.put("error", info.error().orElse(null));
        return json;
    }

    static Map<String, Object> calendarExport(DeskStore.StoredCalendar calendar) {
        Map<String, Object> json = calendar(new CalendarInfo(
                calendar.source(), calendar.url(), calendar.events(), calendar.fetchedAt(), calendar.error()));
        json.put("ics", calendar.ics());
        return json;
    }

    static Map<String, Object> measured(MeasuredDay day) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", day.date().toString());
        json.put("desk_hours", number(day.deskHours()));
        json.put("longest_sit_min", number(day.longestSitMin()));
        json.put("breaks", number(day.breaks()));
        json.put("source", day.source());
        json.put("updated_at", day.updatedAt().toString());
        return json;
    }

    static Map<String, Object> summary(Summary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", summary.from().toString());
        json.put("to", summary.to().toString());
        json.put("days", summary.days().stream().map(DeskJson::historyDay).toList());
        json.put("weeks", summary.weeks().stream().map(DeskJson::week).toList());
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("sitting_stretch", effect(summary.sitting()));
        help.put("experiment", summary.experiment().map(DeskJson::effect).orElse(null));
        json.put("does_it_help", help);
        json.put(
                "suggestion",
                summary.suggestion()
                        .map(s -> {
                            Map<String, Object> suggestion = new LinkedHashMap<>();
                            suggestion.put("current_minutes", s.currentMinutes());
                            suggestion.put("suggested_minutes", s.suggestedMinutes());
                            suggestion.put("text", DeskText.suggestion(s));
                            return suggestion;
                        })
                        .orElse(null));
        return json;
    }

    static Map<String, Object> historyDay(HistoryDay day) {
        Map<String, Object> json = day(day.desk());
        json.put("pain_pm", number(day.painPm()));
        return json;
    }

    static Map<String, Object> week(HistoryWeek week) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("week_of", week.monday().toString());
        json.put("desk_days", week.deskDays());
        json.put("sitting_min", week.sittingMinutes());
        json.put("breaks_taken", week.breaksTaken());
        json.put("breaks_postponed", week.postponed());
        json.put("breaks_skipped", week.skipped());
        json.put("longest_sit_min", week.longestStretchMinutes());
        json.put("mean_pain_pm", round(week.meanPainPm()));
        json.put("pain_days", week.painDays());
        return json;
    }

    static Map<String, Object> effect(BreakEffect effect) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("design", effect.design().name().toLowerCase(java.util.Locale.ROOT));
        json.put("status", effect.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("rows", effect.rows());
        json.put("rows_needed", effect.rowsNeeded());
        json.put("first_group", effect.firstGroup());
        json.put("second_group", effect.secondGroup());
        json.put("group_needed", effect.groupNeeded());
        json.put("threshold_min", number(effect.thresholdMinutes()));
        json.put("first_mean", round(effect.firstMean()));
        json.put("second_mean", round(effect.secondMean()));
        json.put("difference", round(effect.difference()));
        json.put("ci_low", round(effect.low()));
        json.put("ci_high", round(effect.high()));
        json.put("degrees_of_freedom", effect.degreesOfFreedom());
        json.put(
                "verdict",
                effect.verdict()
                        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                        .orElse(null));
        json.put("text", DeskText.effect(effect));
        return json;
    }

    private static Object instant(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    private static Integer number(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static Double round(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble() * 100) / 100.0 : null;
    }
}
