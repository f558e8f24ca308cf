package backstop.desk;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.User;
import backstop.db.Database;
import backstop.desk.DeskViews.BreakExercise;
import backstop.desk.DeskViews.CalendarInfo;
import backstop.desk.DeskViews.ExperimentToday;
import backstop.desk.DeskViews.HistoryDay;
import backstop.desk.DeskViews.HistoryWeek;
import backstop.desk.DeskViews.Recorded;
import backstop.desk.DeskViews.Suggestion;
import backstop.desk.DeskViews.Summary;
import backstop.desk.DeskViews.Today;
import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.DiaryService;
import backstop.diary.MeasuredDay;
import backstop.error.BadInputException;
import backstop.error.ConflictException;
import backstop.exercise.Category;
import backstop.exercise.Exercise;
import backstop.exercise.ExerciseCatalogue;
import backstop.insights.AlternatingWeeks;
import backstop.insights.BreakEffect;
import backstop.model.Cause;
import backstop.plan.DeskHabits;
import backstop.plan.PlanExercise;
import backstop.plan.PlanService;
import backstop.plan.StoredPlan;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The desk companion: records what the Desk page saw (idempotently, by the client's id), keeps the measured desk
 * values of each day in the diary, holds the person's settings, calendar and experiment, and answers with the
 * working day's state, the break history beside evening pain, and whether breaks seem to help this person.
 */
public final class DeskService implements PersonalData<DeskExport> {
    /** A subscribed calendar is fetched again when its copy is older than this. */
    static final Duration CALENDAR_REFRESH = Duration.ofHours(1);
    /** The shortest micro-break interval Backstop suggests on its own (McLean 2001 tested 20 minutes). */
    static final int SHORTEST_SUGGESTED_MINUTES = 20;

    static final int SUGGESTION_STEP_MINUTES = 10;
    /** Busy times are sent for this long ahead, so the page can pause without asking again. */
    static final Duration BUSY_AHEAD = Duration.ofHours(24);

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryService diary;
    private final PlanService plans;
    private final ExerciseCatalogue exercises;
    private final CalendarFetcher fetcher;
    private final DeskStore store = new DeskStore();

    public DeskService(
            Database database,
            AuditLog audit,
            Clock clock,
            DiaryService diary,
            PlanService plans,
            ExerciseCatalogue exercises) {
        this(database, audit, clock, diary, plans, exercises, CalendarFetcher.publicOnly());
    }

    DeskService(
            Database database,
            AuditLog audit,
            Clock clock,
            DiaryService diary,
            PlanService plans,
            ExerciseCatalogue exercises,
            CalendarFetcher fetcher) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.diary = diary;
        this.plans = plans;
        this.exercises = exercises;
        this.fetcher = fetcher;
    }

    /**
     * Records one event. A repeat of an id already recorded with the same content changes nothing and says so; the
     * same id with other content is a conflict. Otherwise the event must fit the day ({@link EventCheck}); it is
     * written together with the day's new measured values and its audit line.
     */
    Recorded record(User person, DeskEvent event, Caller caller) {
        DeskSettings settings = settings(person, caller);
        // The checks read the person's recent events and then write: concurrent events of one person (two tabs, two
        // servers) queue on the person's row, and a unique clash of the same id is retried and answered as a repeat.
        return database.inTransactionRetryingConflicts(handle -> {
            database.lockRows(handle, "users", Map.of("id", person.id()));
            Optional<Recorded> repeat = repeat(handle, person, event);
            if (repeat.isPresent()) {
                return repeat.get();
            }
            Instant now = clock.instant();
            Instant windowStart =
                    windowStart(handle, person, event.instant(), event.at().getOffset());
            List<DeskEvent> history = store.since(handle, person.id(), windowStart);
            EventCheck.check(settings, history, event, now);
            store.insert(handle, person.id(), event, now);
            List<DeskEvent> after = new ArrayList<>(history);
            after.add(event);
            DeskDay day = measure(handle, person, after, event, now);
            audit.record(
                    handle,
                    caller,
                    "desk.event",
                    Optional.of(person),
                    event.type().code()
                            + event.kind().map(kind -> " " + kind.code()).orElse("") + " at " + event.at());
            return new Recorded(event, false, day);
        });
    }

    /**
     * Starts or stops the working day now, from the page's form: the form's id makes a resent form (a double click,
     * the back button) a repeat, whatever the time it arrives.
     */
    Recorded startOrStop(User person, String formId, EventType type, ZoneOffset offset, Caller caller) {
        Optional<DeskEvent> sent = database.withHandle(handle -> store.find(handle, person.id(), formId));
        if (sent.isPresent() && sent.get().type() == type) {
            return new Recorded(sent.get(), true, DeskDay.empty(sent.get().day()));
        }
        return record(person, DeskEvent.of(formId, type, clock.instant().atOffset(offset)), caller);
    }

    private Optional<Recorded> repeat(Handle handle, User person, DeskEvent event) {
        Optional<DeskEvent> stored = store.find(handle, person.id(), event.id());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().sameAs(event)) {
            throw new ConflictException("the id " + event.id() + " was already used for another desk event ("
                    + stored.get().type().code() + " at " + stored.get().at() + "); send a new id");
        }
        List<DeskEvent> around = store.since(
                handle,
                person.id(),
                windowStart(handle, person, event.instant(), event.at().getOffset()));
        return Optional.of(new Recorded(stored.get(), true, DeskTimeline.day(around, clock.instant(), event.day())));
    }

    /**
     * Where the events that decide about a new one begin: the start of the day before the working day still open (or
     * before the new event's day), never more than a week back. Every event of a working day lies within
     * {@link DeskTimeline#MAX_OPEN} of its start, so this holds every working day that touches the days measured.
     */
    private Instant windowStart(Handle handle, User person, Instant at, ZoneOffset offset) {
        Instant anchor = store.lastSessionEvent(handle, person.id())
                .filter(last -> last.type() == EventType.WORK_START)
                .map(DeskEvent::instant)
                .filter(open -> open.isBefore(at))
                .orElse(at);
        Instant start = anchor.atOffset(offset)
                .toLocalDate()
                .minusDays(1)
                .atStartOfDay()
                .toInstant(offset);
        Instant weekBefore = at.minus(Duration.ofDays(7));
        return start.isBefore(weekBefore) ? weekBefore : start;
    }

    /** Writes the measured values of every day the new event's working day touched; returns the event's day. */
    private DeskDay measure(Handle handle, User person, List<DeskEvent> events, DeskEvent event, Instant now) {
        LocalDate first = DeskTimeline.ordered(events).stream()
                .filter(e -> e.type() == EventType.WORK_START && !e.instant().isAfter(event.instant()))
                .reduce((a, b) -> b)
                .map(DeskEvent::day)
                .orElse(event.day());
        if (first.isAfter(event.day())) {
            first = event.day();
        }
        DeskDay eventDay = DeskDay.empty(event.day());
        for (DeskDay day : DeskTimeline.days(events, now)) {
            if (day.date().isBefore(first)) {
                continue;
            }
            if (day.date().equals(event.day())) {
                eventDay = day;
            }
            boolean measured = day.sittingSeconds() > 0 || day.breaksTaken() > 0;
            diary.recordMeasured(
                    handle,
                    person,
                    new MeasuredDay(
                            day.date(),
                            measured ? OptionalDouble.of(day.deskHours()) : OptionalDouble.empty(),
                            measured ? OptionalInt.of(day.longestStretchMinutes()) : OptionalInt.empty(),
                            measured ? OptionalInt.of(day.breaksTaken()) : OptionalInt.empty(),
                            "desk",
                            now));
        }
        return eventDay;
    }

    boolean hasEvents(User person) {
        return database.withHandle(handle -> store.count(handle, person.id())) > 0;
    }

    Diary diaryOf(User person, Caller caller) {
        return diary.diary(person, caller);
    }

    Instant clockNow() {
        return clock.instant();
    }

    /** Today by the diary's calendar (UTC), for default date ranges. */
    LocalDate today() {
        return diary.today();
    }

    /** The schedule in force: the person's own, or the plan's interval with the defaults. */
    DeskSettings settings(User person, Caller caller) {
        Optional<DeskStore.Stored> stored = database.withHandle(handle -> store.settings(handle, person.id()));
        if (stored.isPresent() && !stored.get().settings().followPlan()) {
            return stored.get().settings();
        }
        return settings(stored, planHabits(person, caller));
    }

    private static DeskSettings settings(Optional<DeskStore.Stored> stored, Optional<DeskHabits> habits) {
        if (stored.isPresent() && !stored.get().settings().followPlan()) {
            return stored.get().settings();
        }
        int planMinutes = habits.map(DeskHabits::breakIntervalMinutes).orElse(DeskSettings.DEFAULT_MICRO_MINUTES);
        return stored.map(s -> s.settings().followingPlan(planMinutes)).orElse(DeskSettings.fromPlan(planMinutes));
    }

    /** The UTC offset of the person's latest desk event: the page shows times in it before its script runs. */
    ZoneOffset lastOffset(User person) {
        return database.withHandle(handle -> store.latest(handle, person.id()))
                .map(event -> event.at().getOffset())
                .orElse(ZoneOffset.UTC);
    }

    Optional<AlternatingWeeks> experiment(User person) {
        return database.withHandle(handle -> store.settings(handle, person.id()))
                .flatMap(DeskStore.Stored::experiment);
    }

    private Optional<DeskHabits> planHabits(User person, Caller caller) {
        return plans.current(person, caller).map(StoredPlan::plan).flatMap(plan -> plan.desk());
    }

    /** Saves the person's own schedule and limits; the experiment, if any, is kept. */
    void saveSettings(User person, DeskSettings settings, Caller caller) {
        database.useTransaction(handle -> {
            Optional<AlternatingWeeks> experiment =
                    store.settings(handle, person.id()).flatMap(DeskStore.Stored::experiment);
            store.saveSettings(handle, person.id(), new DeskStore.Stored(settings, experiment), clock.instant());
            audit.record(
                    handle,
                    caller,
                    "desk.settings",
                    Optional.of(person),
                    (settings.followPlan() ? "plan's intervals" : "micro " + settings.microMinutes() + " min")
                            + ", rest " + settings.restMinutes() + " min, limit " + settings.dailyLimitMinutes()
                            + " min" + (settings.strict() ? ", strict" : ""));
        });
    }

    /** Starts the alternating-weeks experiment today (a running one starts afresh). */
    void startExperiment(User person, Caller caller) {
        DeskSettings settings = settings(person, caller);
        LocalDate today = diary.today();
        database.useTransaction(handle -> {
            store.saveSettings(
                    handle,
                    person.id(),
                    new DeskStore.Stored(settings, Optional.of(new AlternatingWeeks(today, Optional.empty()))),
                    clock.instant());
            audit.record(handle, caller, "desk.experiment", Optional.of(person), "started " + today);
        });
    }

    void stopExperiment(User person, Caller caller) {
        DeskSettings settings = settings(person, caller);
        LocalDate today = diary.today();
        database.useTransaction(handle -> {
            AlternatingWeeks running = store.settings(handle, person.id())
                    .flatMap(DeskStore.Stored::experiment)
                    .filter(weeks -> weeks.end().isEmpty())
                    .orElseThrow(() -> new ConflictException("no experiment is running"));
            store.saveSettings(
                    handle,
                    person.id(),
                    new DeskStore.Stored(
                            settings, Optional.of(new AlternatingWeeks(running.start(), Optional.of(today)))),
                    clock.instant());
            audit.record(handle, caller, "desk.experiment", Optional.of(person), "stopped " + today);
        });
    }

    /** Takes the suggested interval, but only the one the person's data argues for right now. */
    void applySuggestion(User person, int minutes, Caller caller) {
        Summary summary = summary(person, diary.today().minusDays(13), diary.today(), caller);
        Suggestion suggestion = summary.suggestion()
                .filter(s -> s.suggestedMinutes() == minutes)
                .orElseThrow(() -> new BadInputException(
                        "minutes", "is not the interval your data suggests now; reload the Desk page"));
        saveSettings(person, settings(person, caller).withMicroMinutes(suggestion.suggestedMinutes()), caller);
    }

    /** The working day as the page needs it, for the person's current offset and time zone. */
    Today today(User person, ZoneOffset offset, ZoneId zone, Caller caller) {
        refreshCalendarIfOld(person, caller);
        Optional<DeskHabits> habits = planHabits(person, caller);
        DeskSettings settings = settings(database.withHandle(handle -> store.settings(handle, person.id())), habits);
        Instant now = clock.instant();
        LocalDate date = now.atOffset(offset).toLocalDate();
        Optional<AlternatingWeeks> experiment = experiment(person);
        return database.read(handle -> {
            audit.read(handle, caller, "desk.read", Optional.of(person), "today " + date);
            Instant from = windowStart(handle, person, now, offset);
            List<DeskEvent> events = store.since(handle, person.id(), from);
            Optional<DeskStore.StoredCalendar> calendar = store.calendar(handle, person.id());
            List<Pause> busy = calendar.map(c ->
                            BusyCalendar.busy(c.ics(), now.minus(Duration.ofHours(12)), now.plus(BUSY_AHEAD), zone))
                    .orElse(List.of());
            Optional<ExperimentToday> phase = experiment.flatMap(weeks -> weeks.phaseIndex(date)
                    .map(index -> new ExperimentToday(
                            weeks, index, AlternatingWeeks.withReminders(index), weeks.phaseEnd(index))));
            boolean remind = phase.map(ExperimentToday::remindersOn).orElse(true);
            TimerState state = BreakTimer.at(settings, events, busy, now, offset, remind);
            return new Today(
                    date,
                    now,
                    settings,
                    events,
                    busy,
                    calendar.map(DeskService::info),
                    state,
                    DeskTimeline.day(events, now, date),
                    breakExercises(habits),
                    phase);
        });
    }

    /** The micro-break routine of the plan, or the library's micro-breaks for postural strain without one. */
    private List<BreakExercise> breakExercises(Optional<DeskHabits> habits) {
        List<BreakExercise> list = new ArrayList<>();
        if (habits.isPresent() && !habits.get().microBreak().isEmpty()) {
            for (PlanExercise planned : habits.get().microBreak()) {
                exercises
                        .find(planned.id())
                        .ifPresent(exercise ->
                                list.add(view(exercise, planned.doseText(), planned.estimatedSeconds(), true)));
            }
        }
        if (list.isEmpty()) {
            for (Exercise exercise : exercises.all()) {
                if (exercise.category() == Category.MICRO_BREAK
                        && exercise.causes().contains(Cause.POSTURAL_STRAIN)) {
                    list.add(view(
                            exercise,
                            PlanExercise.of(exercise).doseText(),
                            exercise.dose().estimatedSeconds(),
                            false));
                }
            }
        }
        return list;
    }

    /** A micro-break shows its exercise for 30 to 60 seconds, whatever the dose's own estimate. */
    private static BreakExercise view(Exercise exercise, String dose, int estimatedSeconds, boolean fromPlan) {
        int seconds = Math.max(30, Math.min(60, estimatedSeconds));
        return new BreakExercise(
                exercise.id(), exercise.name(), dose, seconds, exercise.purpose(), exercise.cues(), fromPlan);
    }

    /** Break history from {@code from} to {@code to} beside evening pain, and "does it help me?". */
    Summary summary(User person, LocalDate from, LocalDate to, Caller caller) {
        if (to.isBefore(from)) {
            throw new BadInputException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366 * 3) {
            throw new BadInputException("from", "ask for at most three years at a time");
        }
        DeskSettings settings = settings(person, caller);
        Optional<AlternatingWeeks> weeks = experiment(person);
        Diary whole = diary.diary(person, caller);
        Instant now = clock.instant();
        List<DeskEvent> events = database.read(handle -> {
            audit.read(handle, caller, "desk.read", Optional.of(person), "history " + from + " to " + to);
            return store.days(handle, person.id(), from.minusDays(1), to.plusDays(1));
        });
        Map<LocalDate, DeskDay> desk = new TreeMap<>();
        for (DeskDay day : DeskTimeline.days(events, now)) {
            if (!day.date().isBefore(from) && !day.date().isAfter(to)) {
                desk.put(day.date(), day);
            }
        }
        List<HistoryDay> days = new ArrayList<>();
        for (LocalDate date = to; !date.isBefore(from); date = date.minusDays(1)) {
            OptionalInt pain = whole.day(date).map(DiaryDay::painPm).orElse(OptionalInt.empty());
            DeskDay day = desk.get(date);
            if (day != null || pain.isPresent()) {
                days.add(new HistoryDay(day == null ? DeskDay.empty(date) : day, pain));
            }
        }
        BreakEffect sitting = BreakEffect.sittingStretch(whole);
        Optional<BreakEffect> experiment = weeks.map(w -> BreakEffect.experiment(whole, w));
        Optional<Suggestion> suggestion = Optional.empty();
        if (sitting.verdict().orElse(null) == BreakEffect.Verdict.BREAKS_HELP
                && settings.microMinutes() > SHORTEST_SUGGESTED_MINUTES) {
            suggestion = Optional.of(new Suggestion(
                    settings.microMinutes(),
                    Math.max(SHORTEST_SUGGESTED_MINUTES, settings.microMinutes() - SUGGESTION_STEP_MINUTES),
                    sitting));
        }
        return new Summary(from, to, days, weeks(days), sitting, experiment, weeks, suggestion);
    }

    private static List<HistoryWeek> weeks(List<HistoryDay> days) {
        Map<LocalDate, List<HistoryDay>> byWeek = new TreeMap<>((a, b) -> b.compareTo(a));
        for (HistoryDay day : days) {
            LocalDate monday = day.desk().date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            byWeek.computeIfAbsent(monday, m -> new ArrayList<>()).add(day);
        }
        List<HistoryWeek> weeks = new ArrayList<>();
        byWeek.forEach((monday, list) -> {
            int painDays = 0;
            double painSum = 0;
            for (HistoryDay day : list) {
                if (day.painPm().isPresent()) {
                    painDays++;
                    painSum += day.painPm().getAsInt();
                }
            }
            weeks.add(new HistoryWeek(
                    monday,
                    (int) list.stream()
                            .filter(d -> d.desk().sittingSeconds() > 0)
                            .count(),
                    list.stream().mapToLong(d -> d.desk().sittingMinutes()).sum(),
                    list.stream().mapToInt(d -> d.desk().breaksTaken()).sum(),
                    list.stream().mapToInt(d -> d.desk().postponed()).sum(),
                    list.stream().mapToInt(d -> d.desk().skipped()).sum(),
                    list.stream()
                            .mapToInt(d -> d.desk().longestStretchMinutes())
                            .max()
                            .orElse(0),
                    painDays == 0 ? OptionalDouble.empty() : OptionalDouble.of(painSum / painDays),
                    painDays));
        });
        return weeks;
    }

    Optional<CalendarInfo> calendar(User person) {
        return database.withHandle(handle -> store.calendar(handle, person.id()))
                .map(DeskService::info);
    }

    /** Keeps an uploaded calendar's busy times (nothing else of it), replacing any earlier calendar. */
    CalendarInfo uploadCalendar(User person, String ics, Caller caller) {
        BusyCalendar.Kept kept = BusyCalendar.keep(ics, "file");
        DeskStore.StoredCalendar calendar = new DeskStore.StoredCalendar(
                "file", Optional.empty(), kept.ics(), kept.events(), clock.instant(), Optional.empty());
        save(person, calendar, caller, "uploaded, " + kept.events() + " events");
        return info(calendar);
    }

    /** Subscribes to a calendar address: fetched now (so a wrong address is said at once) and every hour after. */
    CalendarInfo subscribeCalendar(User person, String address, Caller caller) {
        URI uri = CalendarFetcher.address(address);
        BusyCalendar.Kept kept = BusyCalendar.keep(fetcher.fetch(uri), CalendarFetcher.FIELD);
        DeskStore.StoredCalendar calendar = new DeskStore.StoredCalendar(
                "url", Optional.of(uri.toString()), kept.ics(), kept.events(), clock.instant(), Optional.empty());
        save(person, calendar, caller, "subscribed to " + uri.getHost() + ", " + kept.events() + " events");
        return info(calendar);
    }

    void deleteCalendar(User person, Caller caller) {
        database.useTransaction(handle -> {
            store.deleteCalendar(handle, person.id());
            audit.record(handle, caller, "desk.calendar", Optional.of(person), "removed");
        });
    }

    private void save(User person, DeskStore.StoredCalendar calendar, Caller caller, String detail) {
        database.useTransaction(handle -> {
            store.saveCalendar(handle, person.id(), calendar);
            audit.record(handle, caller, "desk.calendar", Optional.of(person), detail);
        });
    }

    /** Fetches a subscribed calendar again when its copy is old; a failed fetch keeps the old copy and says why. */
    private void refreshCalendarIfOld(User person, Caller caller) {
        Optional<DeskStore.StoredCalendar> calendar =
                database.withHandle(handle -> store.calendar(handle, person.id()));
        if (calendar.isEmpty()
                || calendar.get().url().isEmpty()
                || calendar.get().fetchedAt().plus(CALENDAR_REFRESH).isAfter(clock.instant())) {
            return;
        }
        String address = calendar.get().url().get();
        try {
            BusyCalendar.Kept kept =
                    BusyCalendar.keep(fetcher.fetch(CalendarFetcher.address(address)), CalendarFetcher.FIELD);
            save(
                    person,
                    new DeskStore.StoredCalendar(
                            "url", Optional.of(address), kept.ics(), kept.events(), clock.instant(), Optional.empty()),
                    caller,
                    "refreshed, " + kept.events() + " events");
        } catch (BadInputException e) {
            String why = e.errors().get(0).message();
            database.useTransaction(handle -> store.calendarFailed(handle, person.id(), why, clock.instant()));
        }
    }

    private static CalendarInfo info(DeskStore.StoredCalendar calendar) {
        return new CalendarInfo(
                calendar.source(), calendar.url(), calendar.events(), calendar.fetchedAt(), calendar.error());
    }

    @Override
    public String section() {
        return "desk";
    }

    /** Settings, every event, the kept calendar and the measured diary values. */
    @Override
    public DeskExport exportFor(User person, Caller caller) {
        return PersonalData.collect(database, audit, person, caller, "desk.export", "full export", handle -> {
            return new DeskExport(
                    store.settings(handle, person.id()).map(DeskJson::settings),
                    store.since(handle, person.id(), Instant.parse("1900-01-01T00:00:00Z")).stream()
                            .map(DeskJson::event)
                            .toList(),
                    store.calendar(handle, person.id()).map(DeskJson::calendarExport),
                    diary.measuredDays(handle, person).stream()
                            .map(DeskJson::measured)
                            .toList());
        });
    }
}
