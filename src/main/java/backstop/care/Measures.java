package backstop.care;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.User;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.diary.SavedDay;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.NotFoundException;
import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Schedules, due tasks, answers and the series over time with the MCID marked. Callers have checked the link. */
final class Measures {
    static final int MIN_EVERY_DAYS = 14;
    static final int MAX_EVERY_DAYS = 28;
    static final int MAX_ACTIVITIES = 5;
    static final int MAX_ACTIVITY_TEXT = 120;
    /** Weeks of diary pain shown, and how many evenings make a week's average. */
    static final int PAIN_WEEKS = 12;

    static final int MIN_EVENINGS = 3;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryService diary;
    private final MeasureDefinitions definitions;

    Measures(Database database, AuditLog audit, Clock clock, DiaryService diary, MeasureDefinitions definitions) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.diary = diary;
        this.definitions = definitions;
    }

    MeasureDefinitions definitions() {
        return definitions;
    }

    long schedule(User clinician, User person, String measure, LocalDate firstDue, int everyDays, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (definitions
                .find(measure)
                .filter(MeasureDefinitions.Measure::schedulable)
                .isEmpty()) {
            errors.add(new FieldError("measure", "must be one of psfs, pgic"));
        }
        LocalDate today = diary.today();
        if (firstDue == null || firstDue.isBefore(today) || firstDue.isAfter(today.plusDays(MAX_EVERY_DAYS))) {
            errors.add(new FieldError("first_due", "must be today or within the next " + MAX_EVERY_DAYS + " days"));
        }
        if (everyDays < MIN_EVERY_DAYS || everyDays > MAX_EVERY_DAYS) {
            errors.add(new FieldError(
                    "every_days", "must be " + MIN_EVERY_DAYS + " to " + MAX_EVERY_DAYS + " days (2 to 4 weeks)"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return database.inTransaction(handle -> {
            Timestamp now = Timestamp.from(clock.instant());
            handle.createUpdate("""
                            UPDATE measure_schedules SET ended_at = :now
                            WHERE person_id = :person AND measure = :measure AND ended_at IS NULL""")
                    .bind("now", now)
                    .bind("person", person.id())
                    .bind("measure", measure)
                    .execute();
            long id = handle.createUpdate("""
                            INSERT INTO measure_schedules (person_id, clinician_id, clinician_name, measure, first_due,
                                every_days, created_at)
                            VALUES (:person, :clinician, :name, :measure, :first, :every, :now)""")
                    .bind("person", person.id())
                    .bind("clinician", clinician.id())
                    .bind("name", CareService.name(clinician))
                    .bind("measure", measure)
                    .bind("first", firstDue.toString())
                    .bind("every", everyDays)
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            audit.record(
                    handle,
                    caller,
                    "care.measure.schedule",
                    Optional.of(person),
                    measure + " from " + firstDue + " every " + everyDays + " days");
            return id;
        });
    }

    /** Every schedule and answer of the person, for "download my data". */
    CareExport.Measures exportFor(User person, Caller caller) {
        return PersonalData.collect(
                database, audit, person, caller, "care.measure.export", "all schedules and answers", handle -> {
                    return new CareExport.Measures(
                            handle.createQuery("""
                                    SELECT measure, clinician_name, first_due, every_days, created_at, ended_at
                                    FROM measure_schedules WHERE person_id = :person ORDER BY id""")
                                    .bind("person", person.id())
                                    .mapToMap()
                                    .list(),
                            handle.createQuery("""
                                    SELECT measure, due_date, day, score_tenths, answers_json, definitions_version
                                    FROM measure_responses WHERE person_id = :person ORDER BY day, id""")
                                    .bind("person", person.id())
                                    .map((rs, ctx) -> new CareExport.Answer(
                                            rs.getString("measure"),
                                            rs.getString("due_date"),
                                            rs.getString("day"),
                                            rs.getInt("score_tenths"),
                                            answer(rs.getString("answers_json")),
                                            rs.getInt("definitions_version")))
                                    .list());
                });
    }

    /** The person's active schedules, for the clinician's page. */
    List<String> scheduleTexts(User person) {
        return database.withHandle(handle -> schedules(handle, person.id()).stream()
                .map(s -> definitions.find(s.measure()).orElseThrow().name() + ": from " + s.firstDue() + ", every "
                        + s.everyDays() + " days (asked by " + s.clinicianName() + ")")
                .toList());
    }

    private record Schedule(long id, String measure, LocalDate firstDue, int everyDays, String clinicianName) {
        /** The latest occurrence due by {@code today}, if the first is due yet. */
        Optional<LocalDate> dueOn(LocalDate today) {
            if (today.isBefore(firstDue)) {
                return Optional.empty();
            }
            long periods = ChronoUnit.DAYS.between(firstDue, today) / everyDays;
            return Optional.of(firstDue.plusDays(periods * everyDays));
        }
    }

    /** The measures due now and not yet answered, oldest schedule first. */
    List<MeasureTask> tasks(User person, Caller caller) {
        LocalDate today = diary.today();
        return database.read(handle -> {
            audit.read(handle, caller, "care.measure.tasks", Optional.of(person), "due questionnaires");
            List<MeasureTask> tasks = new ArrayList<>();
            for (Schedule schedule : schedules(handle, person.id())) {
                Optional<LocalDate> due = schedule.dueOn(today);
                if (due.isEmpty() || answered(handle, schedule.id(), due.get())) {
                    continue;
                }
                tasks.add(new MeasureTask(
                        schedule.id(),
                        schedule.measure(),
                        definitions.find(schedule.measure()).orElseThrow().name(),
                        due.get(),
                        schedule.clinicianName(),
                        lastActivities(handle, person.id(), schedule.measure())));
            }
            return tasks;
        });
    }

    /** Stores the answer to the due occurrence of {@code measure}; bad answers are named and nothing is written. */
    void answer(User person, String measure, MeasureAnswer answer, Caller caller) {
        MeasureDefinitions.Measure definition = definitions
                .find(measure)
                .filter(MeasureDefinitions.Measure::schedulable)
                .orElseThrow(() -> new NotFoundException("no such questionnaire"));
        int score = score(definition, answer);
        LocalDate today = diary.today();
        database.useTransaction(handle -> {
            database.lockRows(handle, "users", Map.of("id", person.id()));
            Schedule schedule = schedules(handle, person.id()).stream()
                    .filter(s -> s.measure().equals(measure))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("your clinician has not asked for this questionnaire"));
            LocalDate due = schedule.dueOn(today)
                    .filter(d -> !answered(handle, schedule.id(), d))
                    .orElseThrow(() -> new BadInputException(
                            "measure",
                            "this questionnaire is not due now; you have answered it already or it is later"));
            handle.createUpdate("""
                            INSERT INTO measure_responses (person_id, schedule_id, measure, due_date, day, answered_at,
                                score_tenths, answers_json, definitions_version)
                            VALUES (:person, :schedule, :measure, :due, :day, :now, :score, :answers, :version)""")
                    .bind("person", person.id())
                    .bind("schedule", schedule.id())
                    .bind("measure", measure)
                    .bind("due", due.toString())
                    .bind("day", today.toString())
                    .bind("now", Timestamp.from(clock.instant()))
                    .bind("score", score)
                    .bind("answers", json(answer))
                    .bind("version", definitions.version())
                    .execute();
            audit.record(handle, caller, "care.measure.answer", Optional.of(person), measure + " due " + due);
        });
    }

    static int score(MeasureDefinitions.Measure definition, MeasureAnswer answer) {
        List<FieldError> errors = new ArrayList<>();
        int score = 0;
        if (definition.kind() == MeasureDefinitions.Kind.ACTIVITIES) {
            if (answer.choice().isPresent()) {
                errors.add(new FieldError("choice", "this questionnaire rates activities; send activities"));
            }
            List<MeasureAnswer.Activity> activities = answer.activities();
            if (activities.isEmpty() || activities.size() > MAX_ACTIVITIES) {
                errors.add(new FieldError("activities", "name 1 to " + MAX_ACTIVITIES + " activities"));
            }
            java.util.Set<String> names = new java.util.HashSet<>();
            int sum = 0;
            for (int i = 0; i < activities.size(); i++) {
                MeasureAnswer.Activity activity = activities.get(i);
                String text =
                        activity.activity() == null ? "" : activity.activity().strip();
                if (text.isEmpty() || text.length() > MAX_ACTIVITY_TEXT) {
                    errors.add(new FieldError(
                            "activities[" + i + "].activity",
                            "name the activity in 1 to " + MAX_ACTIVITY_TEXT + " characters"));
                } else if (!names.add(text.toLowerCase(Locale.ROOT))) {
                    errors.add(new FieldError("activities[" + i + "].activity", "is named twice"));
                }
                if (activity.rating() < 0 || activity.rating() > 10) {
                    errors.add(new FieldError("activities[" + i + "].rating", "must be 0 to 10"));
                }
                sum += activity.rating();
            }
            score = activities.isEmpty() ? 0 : (int) Math.round(10.0 * sum / activities.size());
        } else {
            if (!answer.activities().isEmpty()) {
                errors.add(new FieldError("activities", "this questionnaire asks for one choice"));
            }
            if (answer.choice().isEmpty()
                    || definition.choice(answer.choice().get()).isEmpty()) {
                errors.add(new FieldError(
                        "choice",
                        "pick one of the answers (1 to " + definition.choices().size() + ")"));
            } else {
                score = answer.choice().get() * 10;
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return score;
    }

    /** Each measure over time: the pain rating by week from the diary, then every scheduled measure answered. */
    List<MeasureSeries> seriesOf(User person, Caller caller) {
        List<MeasureSeries> all = new ArrayList<>();
        all.add(painSeries(person, caller));
        record Row(String measure, LocalDate day, int score, String answers) {}
        List<Row> rows = database.read(handle -> {
            audit.read(handle, caller, "care.measure.read", Optional.of(person), "outcome measures");
            return handle.createQuery("""
                            SELECT measure, day, score_tenths, answers_json FROM measure_responses
                            WHERE person_id = :person ORDER BY day, id""")
                    .bind("person", person.id())
                    .map((rs, ctx) -> new Row(
                            rs.getString("measure"),
                            LocalDate.parse(rs.getString("day")),
                            rs.getInt("score_tenths"),
                            rs.getString("answers_json")))
                    .list();
        });
        for (MeasureDefinitions.Measure measure : definitions.schedulable()) {
            List<MeasureSeries.Point> points = new ArrayList<>();
            Integer first = null;
            for (Row row : rows) {
                if (!row.measure().equals(measure.id())) {
                    continue;
                }
                MeasureAnswer answer = answer(row.answers());
                if (measure.kind() == MeasureDefinitions.Kind.CHOICE) {
                    MeasureDefinitions.Choice choice =
                            measure.choice(row.score() / 10).orElseThrow();
                    points.add(new MeasureSeries.Point(
                            row.day(),
                            row.score(),
                            choice.label(),
                            Optional.empty(),
                            choice.meaningful(),
                            choice.meaningful() ? "better" : "",
                            ""));
                } else {
                    Optional<Integer> change = first == null ? Optional.empty() : Optional.of(row.score() - first);
                    boolean beyond =
                            change.map(c -> Math.abs(c) >= measure.mcidTenths()).orElse(false);
                    points.add(new MeasureSeries.Point(
                            row.day(),
                            row.score(),
                            tenths(row.score()) + " of 10",
                            change,
                            beyond,
                            beyond ? (change.get() > 0 ? "better" : "worse") : "",
                            String.join(
                                    "; ",
                                    answer.activities().stream()
                                            .map(a -> a.activity() + " " + a.rating())
                                            .toList())));
                    if (first == null) {
                        first = row.score();
                    }
                }
            }
            all.add(new MeasureSeries(measure.id(), measure.name(), measure.mcidText(), points));
        }
        return all;
    }

    /** Weekly averages of evening pain (weeks from Monday, at least three evenings), compared with the first week. */
    private MeasureSeries painSeries(User person, Caller caller) {
        MeasureDefinitions.Measure nprs = definitions.find("nprs").orElseThrow();
        LocalDate today = diary.today();
        LocalDate from = today.minusWeeks(PAIN_WEEKS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, int[]> weeks = new TreeMap<>();
        for (SavedDay saved : diary.range(person, from, today, caller)) {
            var day = saved.checkIn().day();
            day.painPm().ifPresent(pain -> {
                int[] sum = weeks.computeIfAbsent(
                        day.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new int[2]);
                sum[0] += pain;
                sum[1]++;
            });
        }
        List<MeasureSeries.Point> points = new ArrayList<>();
        Integer first = null;
        for (var week : weeks.entrySet()) {
            if (week.getValue()[1] < MIN_EVENINGS) {
                continue;
            }
            int score = (int) Math.round(10.0 * week.getValue()[0] / week.getValue()[1]);
            Optional<Integer> change = first == null ? Optional.empty() : Optional.of(score - first);
            boolean beyond = change.map(c -> Math.abs(c) >= nprs.mcidTenths()).orElse(false);
            points.add(new MeasureSeries.Point(
                    week.getKey(),
                    score,
                    tenths(score) + " of 10",
                    change,
                    beyond,
                    beyond ? (change.get() < 0 ? "better" : "worse") : "",
                    week.getValue()[1] + " evenings"));
            if (first == null) {
                first = score;
            }
        }
        return new MeasureSeries(nprs.id(), nprs.name(), nprs.mcidText(), points);
    }

    static String tenths(int tenths) {
        return (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    private List<Schedule> schedules(Handle handle, long personId) {
        return handle.createQuery("""
                        SELECT id, measure, first_due, every_days, clinician_name FROM measure_schedules
                        WHERE person_id = :person AND ended_at IS NULL ORDER BY id""")
                .bind("person", personId)
                .map((rs, ctx) -> new Schedule(
                        rs.getLong("id"),
                        rs.getString("measure"),
                        LocalDate.parse(rs.getString("first_due")),
                        rs.getInt("every_days"),
                        rs.getString("clinician_name")))
                .list();
    }

    private static boolean answered(Handle handle, long scheduleId, LocalDate due) {
        return handle.createQuery(
                                "SELECT COUNT(*) FROM measure_responses WHERE schedule_id = :schedule AND due_date = :due")
                        .bind("schedule", scheduleId)
                        .bind("due", due.toString())
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    private static List<String> lastActivities(Handle handle, long personId, String measure) {
        return handle.createQuery("""
                        SELECT answers_json FROM measure_responses WHERE person_id = :person AND measure = :measure
                        ORDER BY day DESC, id DESC LIMIT 1""")
                .bind("person", personId)
                .bind("measure", measure)
                .mapTo(String.class)
                .findOne()
                .map(json -> answer(json).activities().stream()
                        .map(MeasureAnswer.Activity::activity)
                        .toList())
                .orElse(List.of());
    }

    private static MeasureAnswer answer(String json) {
        try {
            return Json.mapper().readValue(json, MeasureAnswer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is broken", e);
        }
    }

    private static String json(MeasureAnswer answer) {
        try {
            return Json.mapper().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers always serialise", e);
        }
    }
}
