package backstop.desk;

import backstop.account.User;
import backstop.desk.DeskViews.Recorded;
import backstop.desk.DeskViews.Summary;
import backstop.desk.DeskViews.Today;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.DateParam;
import backstop.web.JsonBodies;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The Desk page, its forms, and {@code /api/v1/desk}: events in, the working day and the break history out. */
public final class DeskPages implements Routes {
    /** Days of break history the Desk page lists. */
    static final int HISTORY_DAYS = 14;
    /** Weeks of break history the Desk page sums up. */
    static final int HISTORY_WEEKS = 8;

    private final DeskService desk;
    private final Templates templates;

    public DeskPages(DeskService desk, Templates templates) {
        this.desk = desk;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/desk", this::page, Access.SIGNED_IN);
        routes.post("/desk/day", this::dayForm, Access.SIGNED_IN);
        routes.post("/desk/settings", this::settingsForm, Access.SIGNED_IN);
        routes.post("/desk/calendar", this::calendarForm, Access.SIGNED_IN);
        routes.post("/desk/calendar/delete", this::deleteCalendar, Access.SIGNED_IN);
        routes.post("/desk/experiment", this::experimentForm, Access.SIGNED_IN);
        routes.post("/desk/suggestion", this::suggestionForm, Access.SIGNED_IN);

        api.post(
                "/api/v1/desk/events",
                this::eventJson,
                Access.SIGNED_IN,
                "Record a desk event",
                "One event per request: `type` (work_start, work_stop, break_taken, break_skipped, break_postponed),"
                        + " `at` (ISO date-time with the UTC offset, e.g. 2026-03-02T09:15:00+01:00) and `id`, an"
                        + " idempotency key the client chooses (1-64 letters, digits or . _ : -). Breaks may say their"
                        + " `kind` (micro, rest or natural; default micro); a taken break may say its length in"
                        + " `seconds` (needed for natural breaks). A repeat of an id with the same content answers 200"
                        + " and changes nothing; the same id with other content answers 409. Refused with 400 naming"
                        + " the field: events in the future or before the last one, a second working day while one"
                        + " runs, a break outside a working day, postpones or skips beyond the person's limits or in"
                        + " strict mode, more than 300 events a day. The day's desk hours, breaks and longest"
                        + " stretch go into that day's diary as measured values.",
                EventBody.class,
                "201 with the event, `repeat: false` and the day's totals; 200 with `repeat: true` for a repeat.");
        api.get(
                "/api/v1/desk/today",
                this::todayJson,
                Access.SIGNED_IN,
                "The working day now",
                "What the Desk page runs on: settings, the events since yesterday, busy times from the calendar for"
                        + " the next 24 hours, the schedule's state, today's totals and the micro-break exercises."
                        + " `offset` is the device's UTC offset (e.g. +01:00; default Z) and decides which day is"
                        + " today; `zone` (e.g. Europe/Berlin) reads calendar times that carry no zone.",
                "The working day.");
        api.get(
                "/api/v1/desk/summary",
                this::summaryJson,
                Access.SIGNED_IN,
                "Break history and does it help me",
                "Days from `from` to `to` (yyyy-mm-dd, both included; default the last 14 days): desk time, breaks"
                        + " taken, postponed and skipped, the longest unbroken stretch and that evening's pain; the"
                        + " same by week; the n-of-1 comparison (and the experiment's, if one runs) with a 95%"
                        + " interval or 'not enough data yet'; a suggested interval when the person's data shows an"
                        + " effect of long sitting.",
                "The history.");
    }

    private void page(Context ctx) {
        render(ctx, notice(ctx.queryParam("saved")), List.of());
    }

    private void render(Context ctx, String notice, List<FieldError> errors) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        // Before the page's script knows the device's offset, times are shown in the offset of the last event.
        ZoneOffset shown = desk.lastOffset(me);
        Today today = desk.today(me, shown, shown, visitor.caller());
        LocalDate to = today.date();
        // Whole weeks for the weekly table; the daily table shows the last two weeks of them.
        LocalDate from = to.minusWeeks(HISTORY_WEEKS - 1L).with(java.time.DayOfWeek.MONDAY);
        Summary summary = desk.summary(me, from, to, visitor.caller());
        templates.render(
                ctx,
                "desk/desk.jte",
                "Desk",
                DeskPageBuilder.build(today, summary, desk.calendar(me), notice, errors, shown));
    }

    private static String notice(String saved) {
        if (saved == null) {
            return "";
        }
        return switch (saved) {
            case "settings" -> "Saved your break settings.";
            case "calendar" -> "Your calendar is connected; its busy times pause the reminders.";
            case "calendar-removed" -> "Your calendar is no longer used.";
            case "experiment" -> "Your experiment has started: two weeks with reminders come first.";
            case "experiment-stopped" -> "Your experiment has stopped; reminders are back every day.";
            case "suggestion" -> "Your micro-break interval is changed.";
            case "day" -> "Saved.";
            default -> "";
        };
    }

    private void dayForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String action = ctx.formParam("action");
        EventType type =
                "start".equals(action) ? EventType.WORK_START : "stop".equals(action) ? EventType.WORK_STOP : null;
        if (type == null) {
            throw new BadInputException("action", "must be start or stop");
        }
        ZoneOffset offset = offset(ctx.formParam("offset"));
        String id = Optional.ofNullable(ctx.formParam("id")).orElse("");
        desk.startOrStop(visitor.requireUser(), id, type, offset, visitor.caller());
        ctx.redirect("/desk?saved=day");
    }

    private void settingsForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        try {
            boolean followPlan = "on".equals(ctx.formParam("follow_plan"));
            DeskSettings current = desk.settings(me, visitor.caller());
            DeskSettings chosen = new DeskSettings(
                    followPlan,
                    whole(ctx, "micro_minutes"),
                    whole(ctx, "rest_minutes"),
                    whole(ctx, "rest_length_min"),
                    whole(ctx, "daily_limit_min"),
                    whole(ctx, "postpone_minutes"),
                    whole(ctx, "max_postpones"),
                    whole(ctx, "max_skips"),
                    "on".equals(ctx.formParam("strict")),
                    "on".equals(ctx.formParam("sound")),
                    whole(ctx, "idle_minutes"));
            // Following the plan keeps its intervals; the numbers typed for them are then not the person's own.
            if (followPlan && current.followPlan()) {
                chosen = chosen.followingPlan(current.microMinutes());
            }
            desk.saveSettings(me, chosen, visitor.caller());
            ctx.redirect("/desk?saved=settings#settings");
        } catch (BadInputException e) {
            ctx.status(400);
            render(ctx, "", e.errors());
        }
    }

    private static int whole(Context ctx, String field) {
        String text = Optional.ofNullable(ctx.formParam(field)).orElse("").strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(field, "must be a whole number");
        }
    }

    private void calendarForm(Context ctx) throws IOException {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        try {
            UploadedFile file = ctx.uploadedFile("file");
            String address = Optional.ofNullable(ctx.formParam(CalendarFetcher.FIELD))
                    .orElse("")
                    .strip();
            if (file != null && file.size() > 0) {
                if (file.size() > BusyCalendar.MAX_CHARS) {
                    throw new BadInputException("file", "is larger than 2 MB");
                }
                try (InputStream in = file.content()) {
                    desk.uploadCalendar(me, new String(in.readAllBytes(), StandardCharsets.UTF_8), visitor.caller());
                }
            } else if (!address.isEmpty()) {
                desk.subscribeCalendar(me, address, visitor.caller());
            } else {
                throw new BadInputException("file", "choose an .ics file or paste your calendar's address");
            }
            ctx.redirect("/desk?saved=calendar#calendar");
        } catch (BadInputException e) {
            ctx.status(400);
            render(ctx, "", e.errors());
        }
    }

    private void deleteCalendar(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        desk.deleteCalendar(visitor.requireUser(), visitor.caller());
        ctx.redirect("/desk?saved=calendar-removed#calendar");
    }

    private void experimentForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        switch (action) {
            case "start" -> {
                desk.startExperiment(visitor.requireUser(), visitor.caller());
                ctx.redirect("/desk?saved=experiment#does-it-help");
            }
            case "stop" -> {
                desk.stopExperiment(visitor.requireUser(), visitor.caller());
                ctx.redirect("/desk?saved=experiment-stopped#does-it-help");
            }
            default -> throw new BadInputException("action", "must be start or stop");
        }
    }

    private void suggestionForm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        desk.applySuggestion(visitor.requireUser(), whole(ctx, "minutes"), visitor.caller());
        ctx.redirect("/desk?saved=suggestion#settings");
    }

    private void eventJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        DeskEvent event = JsonBodies.read(ctx, EventBody.class).event();
        Recorded recorded = desk.record(visitor.requireUser(), event, visitor.caller());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", DeskJson.event(recorded.event()));
        body.put("repeat", recorded.repeat());
        body.put("day", DeskJson.day(recorded.day()));
        ctx.status(recorded.repeat() ? 200 : 201).json(body);
    }

    private void todayJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ZoneOffset offset = offset(ctx.queryParam("offset"));
        ZoneId zone = zone(ctx.queryParam("zone"), offset);
        ctx.json(DeskJson.today(desk.today(visitor.requireUser(), offset, zone, visitor.caller())));
    }

    private void summaryJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate to = DateParam.optional("to", ctx.queryParam("to")).orElse(desk.today());
        LocalDate from = DateParam.optional("from", ctx.queryParam("from")).orElse(to.minusDays(HISTORY_DAYS - 1L));
        ctx.json(DeskJson.summary(desk.summary(visitor.requireUser(), from, to, visitor.caller())));
    }

    private static ZoneOffset offset(String text) {
        if (text == null || text.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(text.strip());
        } catch (DateTimeException e) {
            throw new BadInputException("offset", "must be a UTC offset such as +01:00, -05:30 or Z");
        }
    }

    private static ZoneId zone(String text, ZoneOffset fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new BadInputException("zone", "must be a time zone such as Europe/Berlin");
        }
    }

    /** A fresh id for the page's start/stop form, so sending it twice records one event. */
    static String newFormId() {
        return "form-" + UUID.randomUUID();
    }
}
