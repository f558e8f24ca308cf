package backstop.diary;

import backstop.account.User;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.StrictUtf8;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The daily check-in, the diary's days and history, CSV upload and download, and {@code /api/v1/diary}. */
public final class DiaryPages implements Routes {
    /** How many days the diary page lists, so gaps of the last two weeks are visible at a glance. */
    static final int RECENT_DAYS = 14;

    private final DiaryService diary;
    private final Templates templates;
    private final LoggedMinutes loggedExerciseMinutes;

    /**
     * @param loggedExerciseMinutes minutes of exercise the plan logged on a day, offered in the check-in when the
     *     day has none recorded yet
     */
    public DiaryPages(DiaryService diary, Templates templates, LoggedMinutes loggedExerciseMinutes) {
        this.diary = diary;
        this.templates = templates;
        this.loggedExerciseMinutes = loggedExerciseMinutes;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/diary", this::overview, Access.SIGNED_IN);
        routes.get("/diary/export.csv", this::export, Access.SIGNED_IN);
        routes.post("/diary/import", this::upload, Access.SIGNED_IN);
        routes.get("/diary/chart", this::chart, Access.SIGNED_IN);
        routes.get("/diary/{date}", this::showCheckIn, Access.SIGNED_IN);
        routes.post("/diary/{date}", this::checkIn, Access.SIGNED_IN);
        routes.get("/diary/{date}/history", this::history, Access.SIGNED_IN);

        api.get(
                "/api/v1/diary",
                this::listJson,
                Access.SIGNED_IN,
                "My diary",
                "Days from `from` to `to` (yyyy-mm-dd, both included; default the last 90 days). Days without a"
                        + " check-in are absent: nothing is filled in.",
                "A list of days.");
        api.get(
                "/api/v1/diary/export",
                this::export,
                Access.SIGNED_IN,
                "Export my diary as CSV",
                "The whole diary in the CSV interchange format (see docs/formats.md).",
                "text/csv");
        api.post(
                "/api/v1/diary/import",
                this::importJson,
                Access.SIGNED_IN,
                "Import a diary CSV",
                "Send the CSV as the body (Content-Type text/csv). A file with any bad row is refused whole, naming"
                        + " every bad row by line and column, unless `skip_bad=true`: then the good rows are imported"
                        + " and the bad ones reported.",
                Map.of("type", "string", "contentMediaType", "text/csv"),
                "Counts of days added, updated and unchanged, and skipped rows.");
        api.get(
                "/api/v1/diary/{date}",
                this::dayJson,
                Access.SIGNED_IN,
                "One day",
                "The check-in of one day (yyyy-mm-dd).",
                "The day.");
        api.put(
                "/api/v1/diary/{date}",
                this::putJson,
                Access.SIGNED_IN,
                "Check in",
                "Saves the day's values; every field is optional and a missing one means not recorded. An edit keeps"
                        + " the earlier values in the day's history. With an `Idempotency-Key` header (1-64 letters,"
                        + " digits or . _ : -; the check-in page sends one for a check-in kept offline) a second"
                        + " request with the same key changes nothing and answers with the day as it is.",
                CheckInBody.class,
                "The saved day.");
        api.get(
                "/api/v1/diary/{date}/history",
                this::historyJson,
                Access.SIGNED_IN,
                "A day's history",
                "Every saved version of the day, newest first.",
                "A list of revisions.");
    }

    private void overview(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate today = diary.today();
        LocalDate from = today.minusDays(RECENT_DAYS - 1L);
        Map<LocalDate, SavedDay> saved = new LinkedHashMap<>();
        diary.range(visitor.requireUser(), from, today, visitor.caller())
                .forEach(day -> saved.put(day.checkIn().day().date(), day));
        List<Map.Entry<LocalDate, Optional<SavedDay>>> days = new ArrayList<>();
        for (LocalDate date = today; !date.isBefore(from); date = date.minusDays(1)) {
            days.add(Map.entry(date, Optional.ofNullable(saved.get(date))));
        }
        templates.render(
                ctx,
                "diary/overview.jte",
                "Your diary",
                new DiaryOverviewView(days, today, savedDate(ctx.queryParam("saved"))));
    }

    /** The chart page, with its text alternative: a summary in words and the last month as a table. */
    private void chart(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate today = diary.today();
        List<SavedDay> days = new ArrayList<>(
                diary.range(visitor.requireUser(), today.minusDays(30), today, visitor.caller()).stream()
                        .filter(SavedDay::checkedIn)
                        .toList());
        java.util.Collections.reverse(days);
        templates.render(ctx, "diary/chart.jte", "Pain over time", new ChartView(days, ChartSummary.of(days)));
    }

    /** The day just saved, echoed only when it is a real date. */
    private static String savedDate(String text) {
        try {
            return DateParam.optional("saved", text).map(LocalDate::toString).orElse("");
        } catch (BadInputException e) {
            return "";
        }
    }

    private void showCheckIn(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        Optional<SavedDay> saved = diary.day(visitor.requireUser(), date, visitor.caller());
        Map<String, Object> values =
                saved.map(day -> DiaryFields.toMap(day.checkIn())).orElseGet(LinkedHashMap::new);
        Optional<CarryOver> carry = CarryOver.latest(
                date,
                diary.range(
                        visitor.requireUser(),
                        date.minusDays(CarryOver.DAYS_BACK),
                        date.minusDays(1),
                        visitor.caller()));
        boolean nothingCarried = values.get("sleep_position") == null
                && saved.map(day -> day.checkIn().details().isEmpty()).orElse(true);
        if (!nothingCarried) {
            carry = Optional.empty();
        } else if (carry.isPresent() && ctx.queryParam("same") != null) {
            // Without script, the "same as yesterday" link reloads the form with the answers filled in.
            values.put("locations", carry.get().locations());
            values.put("pain_kinds", carry.get().painKinds());
            if (!carry.get().sleepPosition().isEmpty()) {
                values.put("sleep_position", carry.get().sleepPosition());
            }
        }
        if (values.get("exercise_min") == null) {
            loggedExerciseMinutes
                    .on(visitor.requireUser(), date, visitor.caller())
                    .ifPresent(minutes -> values.put("exercise_min", minutes));
        }
        renderForm(
                ctx,
                date,
                values,
                saved.map(SavedDay::revision).orElse(0),
                List.of(),
                saved.map(SavedDay::measured).orElse(java.util.Set.of()),
                carry);
    }

    private void checkIn(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        Map<String, List<String>> form = ctx.formParamMap();
        try {
            diary.save(visitor.requireUser(), DiaryFields.fromForm(date, form), "check-in", visitor.caller());
            ctx.redirect("/diary?saved=" + date);
        } catch (BadInputException e) {
            Map<String, Object> values = new LinkedHashMap<>();
            form.forEach((name, list) -> values.put(
                    name,
                    name.equals("locations") || name.equals("pain_kinds") ? list : list.isEmpty() ? "" : list.get(0)));
            ctx.status(400);
            renderForm(ctx, date, values, 0, e.errors(), java.util.Set.of(), Optional.empty());
        }
    }

    private void renderForm(
            Context ctx,
            LocalDate date,
            Map<String, Object> values,
            int revision,
            List<FieldError> errors,
            java.util.Set<String> measured,
            Optional<CarryOver> carry) {

        CheckInView view = new CheckInView(
                date, values, revision, errors, CheckInDetails.LOCATIONS, CheckInDetails.PAIN_KINDS, measured, carry);
        templates.render(ctx, "diary/checkin.jte", "Check-in for " + date, view);
    }

    private void history(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        templates.render(
                ctx,
                "diary/history.jte",
                "History of " + date,
                new DayHistoryView(date, diary.revisions(visitor.requireUser(), date, visitor.caller())));
    }

    private void upload(Context ctx) throws IOException {
        Visitor visitor = Visitor.of(ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            throw new BadInputException("file", "choose a CSV file to upload");
        }
        String csv;
        try (InputStream in = file.content()) {
            csv = utf8(in.readAllBytes(), "file");
        }
        ImportMode mode = "on".equals(ctx.formParam("skip_bad")) ? ImportMode.SKIP_BAD : ImportMode.STRICT;
        try {
            ImportReport report = diary.importCsv(visitor.requireUser(), csv, mode, visitor.caller());
            templates.render(ctx, "diary/imported.jte", "Import done", new ImportedView(report, file.filename()));
        } catch (BadInputException e) {
            ctx.status(400);
            templates.render(
                    ctx,
                    "diary/import_refused.jte",
                    "Import refused",
                    new ImportRefusedView(e.errors(), file.filename()));
        }
    }

    private void export(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        String csv = diary.exportCsv(me, visitor.caller());
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-diary-" + me.username() + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv);
    }

    private void listJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate to = optionalDate(ctx, "to").orElse(diary.today());
        LocalDate from = optionalDate(ctx, "from").orElse(to.minusDays(89));
        if (from.getYear() < DateParam.FIRST_YEAR) {
            from = LocalDate.of(DateParam.FIRST_YEAR, 1, 1);
        }
        ctx.json(diary.range(visitor.requireUser(), from, to, visitor.caller()).stream()
                .map(DiaryPages::json)
                .toList());
    }

    private void dayJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        SavedDay day = diary.day(visitor.requireUser(), date, visitor.caller())
                .orElseThrow(() -> new backstop.error.NotFoundException("no check-in on " + date));
        ctx.json(json(day));
    }

    private void putJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        CheckIn checkIn = DiaryFields.fromBody(date, JsonBodies.read(ctx, CheckInBody.class));
        Optional<String> submission = Optional.ofNullable(ctx.header("Idempotency-Key"));
        ctx.json(json(diary.save(
                visitor.requireUser(),
                checkIn,
                submission.isPresent() ? "check-in" : "api",
                submission,
                visitor.caller())));
    }

    private void historyJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        LocalDate date = date(ctx);
        ctx.json(diary.revisions(visitor.requireUser(), date, visitor.caller()).stream()
                .map(revision -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("revision", revision.revision());
                    view.put("saved_at", revision.savedAt().toString());
                    view.put("saved_by", revision.savedBy());
                    view.put("source", revision.source());
                    view.put("values", DiaryFields.toMap(revision.checkIn()));
                    return view;
                })
                .toList());
    }

    private void importJson(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String type = ctx.contentType() == null
                ? ""
                : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.equals("text/csv")) {
            throw new BadInputException("Content-Type", "send the diary as text/csv");
        }
        ImportMode mode = "true".equals(ctx.queryParam("skip_bad")) ? ImportMode.SKIP_BAD : ImportMode.STRICT;
        ctx.json(diary.importCsv(visitor.requireUser(), utf8(ctx.bodyAsBytes(), "body"), mode, visitor.caller()));
    }

    private static String utf8(byte[] bytes, String field) {
        return StrictUtf8.decode(bytes, field, "is not UTF-8 text; save the CSV as UTF-8 and try again");
    }

    static Map<String, Object> json(SavedDay saved) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", saved.checkIn().day().date().toString());
        view.putAll(DiaryFields.toMap(saved.checkIn()));
        view.put("revision", saved.revision());
        view.put("updated_at", saved.updatedAt().toString());
        view.put(
                "measured",
                MeasuredDay.FIELDS.stream()
                        .filter(saved.measured()::contains)
                        .sorted()
                        .toList());
        return view;
    }

    private static LocalDate date(Context ctx) {
        return DateParam.parse("date", ctx.pathParam("date"));
    }

    private static Optional<LocalDate> optionalDate(Context ctx, String name) {
        return DateParam.optional(name, ctx.queryParam(name));
    }

    /** Minutes of exercise the plan logged on a day (a read of the person's plan logs, audited by the plan). */
    @FunctionalInterface
    public interface LoggedMinutes {
        OptionalInt on(User person, LocalDate date, backstop.account.Caller caller);
    }
}
