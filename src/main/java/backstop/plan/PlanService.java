package backstop.plan;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.Secrets;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.StoredAssessment;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.NotFoundException;
import backstop.exercise.ExerciseCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * A person's plan over time: made from their newest assessment, followed day by day (logged sessions, planned next to
 * done), and adjusted by a weekly review. The generator, coverage check and progression rules it calls are pure.
 */
public final class PlanService implements PersonalData<PlanExport> {
    /** The review looks back one week, as the progression rules are weekly. */
    static final int REVIEW_DAYS = 7;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final AssessmentService assessments;
    private final DiaryService diary;
    private final ExerciseCatalogue catalogue;
    private final PlanRules rules;
    private final PlanStore store = new PlanStore();

    public PlanService(
            Database database,
            AuditLog audit,
            Clock clock,
            AssessmentService assessments,
            DiaryService diary,
            ExerciseCatalogue catalogue,
            PlanRules rules) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.assessments = assessments;
        this.diary = diary;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /**
     * Makes a plan from the person's newest assessment (tailored by the daily life their intake described).
     *
     * @throws NoPlanException when the assessment found signs that need a doctor first
     */
    public StoredPlan create(User person, PlanPreferences preferences, Caller caller) {
        return create(person, preferences, today(), caller);
    }

    /** A plan that began on {@code start}: for the demo and for moving a plan made elsewhere into Backstop. */
    public StoredPlan create(User person, PlanPreferences preferences, LocalDate start, Caller caller) {
        StoredAssessment assessment = assessments
                .latest(person, caller)
                .orElseThrow(() -> new BadInputException(
                        "assessment", "take the assessment first: the plan is built from what it finds"));
        DailyLife life = DailyLife.from(assessments.intakeOf(person, assessment, caller));
        Plan plan = PlanGenerator.build(assessment.result(), life, preferences, catalogue, rules, start);
        String reason = (database.withHandle(handle -> store.current(handle, person.id()))
                                .isPresent()
                        ? "new preferences or assessment"
                        : "first plan")
                + (preferences.clearedByClinician() ? "; the person confirmed a doctor said exercise is safe" : "");
        return save(person, assessment.id(), reason, preferences, plan, Optional.empty(), List.of(), caller);
    }

    /**
     * Saves a clinician's change of the current plan as a new version naming its author, with the note to the
     * person and the exercises whose progression is held. The caller has checked the clinician's link. Refused
     * with a conflict when the current plan is no longer {@code basePlanId} (someone saved in between).
     */
    public StoredPlan prescribe(
            User person,
            long basePlanId,
            Plan plan,
            List<String> held,
            PlanChange change,
            String reason,
            Caller caller) {
        return database.inTransaction(handle -> {
            database.lockRows(handle, "users", Map.of("id", person.id()));
            StoredPlan current = require(store.current(handle, person.id()));
            if (current.id() != basePlanId) {
                throw new backstop.error.ConflictException(
                        "the plan has changed since you looked at it: check the change again");
            }
            long id = store.insert(
                    handle,
                    person.id(),
                    current.assessmentId(),
                    clock.instant(),
                    reason,
                    current.preferences(),
                    plan,
                    Optional.of(change),
                    held);
            audit.record(handle, caller, "plan.prescribe", Optional.of(person), "plan " + id + ": " + reason);
            return store.current(handle, person.id()).orElseThrow();
        });
    }

    /** Every version of the person's plan, newest first (the earlier ones stay readable). */
    public List<StoredPlan> versions(User person, Caller caller) {
        return database.read(handle -> {
            audit.read(handle, caller, "plan.read", Optional.of(person), "plan versions");
            return store.versions(handle, person.id());
        });
    }

    public Optional<StoredPlan> current(User person, Caller caller) {
        return database.read(handle -> {
            audit.read(handle, caller, "plan.read", Optional.of(person), "current plan");
            return store.current(handle, person.id());
        });
    }

    /** When the person's first plan began; empty before they have one. Read as part of an audited insights report. */
    public Optional<LocalDate> startDate(User person) {
        return database.withHandle(handle -> store.firstStart(handle, person.id()));
    }

    public TodaySession today(User person, LocalDate date, Caller caller) {
        return require(current(person, caller)).plan().today(date);
    }

    /**
     * Records what was done of a day's session, each exercise planned next to performed. Only exercises of that
     * day's session are accepted, and all are refused if one is wrong.
     */
    public void logSession(User person, LocalDate date, List<SessionLog> logs, Caller caller) {
        if (date.isAfter(today().plusDays(1))) {
            throw new BadInputException("date", "is in the future");
        }
        if (logs.isEmpty()) {
            throw new BadInputException("exercises", "log at least one exercise");
        }
        StoredPlan plan = require(database.withHandle(handle -> store.current(handle, person.id())));
        TodaySession day = plan.plan().today(date);
        Map<String, PlanExercise> planned = new LinkedHashMap<>();
        day.sessions()
                .forEach(session -> session.exercises().forEach(exercise -> planned.put(exercise.id(), exercise)));
        day.microBreak().forEach(exercise -> planned.putIfAbsent(exercise.id(), exercise));
        List<FieldError> errors = new ArrayList<>();
        List<PlanStore.LoggedExercise> logged = new ArrayList<>();
        for (SessionLog log : logs) {
            PlanExercise exercise = planned.get(log.exerciseId());
            if (exercise == null) {
                errors.add(new FieldError(log.exerciseId(), "is not in the plan for " + date));
            } else if (!log.date().equals(date)) {
                errors.add(new FieldError(log.exerciseId() + ".date", "must be " + date));
            } else {
                // Time is counted for what was done: a partial session counts its share.
                int share = exercise.sets() == 0 ? 0 : Math.min(log.sets(), exercise.sets());
                logged.add(new PlanStore.LoggedExercise(log, exercise.estimatedSeconds() * share / exercise.sets()));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        database.useTransaction(handle -> {
            store.insertLogs(handle, person.id(), plan.id(), logged, clock.instant());
            audit.record(
                    handle, caller, "plan.session", Optional.of(person), date + ": " + logs.size() + " exercise(s)");
        });
    }

    /**
     * Stores a plan made elsewhere (an imported record) as the person's newest version, inside the caller's
     * transaction, with the logged exercises that belong to it. A log's time estimate comes from the plan's dose, as
     * for a session logged here.
     *
     * @throws BadInputException naming each log whose exercise the plan does not have
     */
    public StoredPlan importPlan(
            Handle handle,
            User person,
            long assessmentId,
            Instant createdAt,
            String reason,
            PlanPreferences preferences,
            Plan plan,
            List<SessionLog> logs,
            Caller caller) {
        List<PlanStore.LoggedExercise> logged = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (SessionLog log : logs) {
            Optional<PlanExercise> exercise = plan.exercise(log.exerciseId());
            if (exercise.isEmpty()) {
                errors.add(new FieldError(log.exerciseId(), "is not in the imported plan (" + log.date() + ")"));
            } else {
                int sets = exercise.get().sets();
                int share = sets == 0 ? 0 : Math.min(log.sets(), sets);
                logged.add(new PlanStore.LoggedExercise(
                        log, sets == 0 ? 0 : exercise.get().estimatedSeconds() * share / sets));
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        long id = store.insert(
                handle, person.id(), assessmentId, createdAt, reason, preferences, plan, Optional.empty(), List.of());
        store.insertLogs(handle, person.id(), id, logged, clock.instant());
        audit.record(
                handle,
                caller,
                "plan.import",
                Optional.of(person),
                "plan " + id + " with " + logs.size() + " logged exercise(s): " + reason);
        return store.current(handle, person.id()).orElseThrow();
    }

    /** The person's current plan, read in the caller's (audited) transaction. */
    public Optional<StoredPlan> current(Handle handle, User person) {
        return store.current(handle, person.id());
    }

    /** Logged exercises between two days as stored (no next-morning pain), read in the caller's transaction. */
    public List<SessionLog> logs(Handle handle, User person, LocalDate from, LocalDate to) {
        return store.logs(handle, person.id(), from, to);
    }

    /** Days from {@code from} to {@code to} on which the plan has a session: the sessions planned. */
    public static int plannedDaysOf(Plan plan, LocalDate from, LocalDate to) {
        return plannedDays(plan, from, to);
    }

    /** Logged exercises between two days, with pain the next morning taken from the diary's morning pain. */
    public List<SessionLog> logs(User person, LocalDate from, LocalDate to, Caller caller) {
        List<SessionLog> logs = database.read(handle -> {
            audit.read(handle, caller, "plan.logs", Optional.of(person), from + " to " + to);
            return store.logs(handle, person.id(), from, to);
        });
        if (logs.isEmpty()) {
            return logs;
        }
        // Only the mornings after the logged days are needed, not the whole diary.
        Map<LocalDate, Integer> mornings = new java.util.HashMap<>();
        diary.range(person, from.plusDays(1), to.plusDays(1), caller)
                .forEach(saved -> saved.checkIn()
                        .day()
                        .painAm()
                        .ifPresent(pain -> mornings.put(saved.checkIn().day().date(), pain)));
        return logs.stream()
                .map(log -> Optional.ofNullable(mornings.get(log.date().plusDays(1)))
                        .map(log::withPainNextMorning)
                        .orElse(log))
                .toList();
    }

    /** Minutes of exercise logged on a day, to pre-fill the diary's check-in. */
    public OptionalInt exerciseMinutes(User person, LocalDate date, Caller caller) {
        int seconds = database.withHandle(handle -> store.secondsOn(handle, person.id(), date));
        if (seconds > 0) {
            audit.read(caller, "plan.logs", Optional.of(person), date + " to " + date);
        }
        return seconds == 0 ? OptionalInt.empty() : OptionalInt.of((seconds + 59) / 60);
    }

    /** What the last seven days suggest for each exercise of the current plan that was logged in them. */
    public WeeklyReview review(User person, Caller caller) {
        StoredPlan plan = require(current(person, caller));
        LocalDate to = today().minusDays(1);
        LocalDate from = to.minusDays(REVIEW_DAYS - 1L);
        List<SessionLog> week = logs(person, from, to, caller);
        Progression progression = new Progression(catalogue, plan.plan().equipment());
        List<Decision> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Session session : plan.plan().sessions()) {
            for (PlanExercise exercise : session.exercises()) {
                List<SessionLog> ofExercise = week.stream()
                        .filter(log -> log.exerciseId().equals(exercise.id()))
                        .toList();
                if (!ofExercise.isEmpty() && seen.add(exercise.id())) {
                    Decision decision = progression.weekly(exercise, ofExercise, rules.progression());
                    if (plan.heldExercises().contains(exercise.id())
                            && decision.outcome() == Decision.Outcome.PROGRESS) {
                        // A clinician's hold stops progress; a step back for pain still applies.
                        decision = new Decision(
                                exercise.id(),
                                Decision.Outcome.HOLD,
                                "Your clinician holds this exercise at this dose for now.",
                                exercise,
                                decision.rulesVersion());
                    }
                    decisions.add(decision);
                }
            }
        }
        int planned = plannedDays(plan.plan(), from, to);
        int logged = (int) week.stream().map(SessionLog::date).distinct().count();
        return new WeeklyReview(from, to, decisions, planned, logged);
    }

    /** Applies the review's progress and step-back decisions as a new version of the plan. */
    public StoredPlan applyReview(User person, Caller caller) {
        WeeklyReview review = review(person, caller);
        StoredPlan current = require(database.withHandle(handle -> store.current(handle, person.id())));
        if (!review.changesAnything()) {
            throw new BadInputException("review", "nothing to change this week: every exercise holds");
        }
        Plan next = current.plan();
        for (Decision decision : review.decisions()) {
            if (decision.outcome() != Decision.Outcome.HOLD) {
                next = next.withExerciseReplaced(decision.exerciseId(), decision.next());
            }
        }
        return save(
                person,
                current.assessmentId(),
                "weekly review " + review.from() + " to " + review.to(),
                current.preferences(),
                next,
                Optional.empty(),
                current.heldExercises(),
                caller);
    }

    /** Weeks on the plan, share of planned days logged, and where each injection-referral criterion stands. */
    public Adherence adherence(User person, Caller caller) {
        StoredPlan plan = require(current(person, caller));
        LocalDate start = startDate(person).orElse(plan.plan().start());
        LocalDate yesterday = today().minusDays(1);
        int planned = yesterday.isBefore(start) ? 0 : plannedDays(plan.plan(), start, yesterday);
        int logged = yesterday.isBefore(start)
                ? 0
                : (int) logs(person, start, yesterday, caller).stream()
                        .map(SessionLog::date)
                        .distinct()
                        .count();
        long weeks = ChronoUnit.WEEKS.between(start, today());
        int percent = planned == 0 ? 0 : (int) Math.round(100.0 * logged / planned);
        var findings = assessments
                .latest(person, caller)
                .map(a -> a.result().findings())
                .orElse(List.of());
        List<Adherence.CriterionStatus> criteria = plan.plan().referralCriteria().stream()
                .map(criterion -> {
                    boolean present = findings.stream().anyMatch(finding -> finding.id() == criterion.finding());
                    return new Adherence.CriterionStatus(criterion, present, criterion.metBy(weeks, percent, present));
                })
                .toList();
        return new Adherence(weeks, planned, logged, criteria);
    }

    /** The plan as an iCalendar feed: sessions and break reminders, from today on. */
    public String calendar(
            User person, ZoneId zone, LocalTime sessionTime, LocalTime workStart, LocalTime workEnd, Caller caller) {
        StoredPlan plan = require(current(person, caller));
        CalendarFeed feed = new CalendarFeed(zone, sessionTime, workStart, workEnd);
        return PlanCalendar.ics(
                plan.plan(),
                today(),
                feed.zone(),
                feed.sessionTime(),
                feed.workStart(),
                feed.workEnd(),
                clock.instant());
    }

    /**
     * A private address a calendar app can subscribe to; returns the secret token, shown once. A new address replaces
     * the old one, which stops working at once.
     */
    public String createFeed(User person, CalendarFeed feed, Caller caller) {
        require(database.withHandle(handle -> store.current(handle, person.id())));
        String token = Secrets.newToken();
        database.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM calendar_feeds WHERE person_id = :person")
                    .bind("person", person.id())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO calendar_feeds (person_id, token_hash, zone, session_time, work_start, work_end, created_at)
                            VALUES (:person, :hash, :zone, :session, :start, :end, :now)""")
                    .bind("person", person.id())
                    .bind("hash", Secrets.sha256(token))
                    .bind("zone", feed.zone().getId())
                    .bind("session", feed.sessionTime().toString())
                    .bind("start", feed.workStart().toString())
                    .bind("end", feed.workEnd().toString())
                    .bind("now", clock.instant())
                    .execute();
            audit.record(handle, caller, "plan.feed.create", Optional.of(person), "calendar address made");
        });
        return token;
    }

    public void deleteFeed(User person, Caller caller) {
        database.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM calendar_feeds WHERE person_id = :person")
                    .bind("person", person.id())
                    .execute();
            audit.record(handle, caller, "plan.feed.delete", Optional.of(person), "calendar address stopped");
        });
    }

    public boolean hasFeed(User person) {
        return database.withHandle(
                        handle -> handle.createQuery("SELECT COUNT(*) FROM calendar_feeds WHERE person_id = :person")
                                .bind("person", person.id())
                                .mapTo(Integer.class)
                                .one())
                > 0;
    }

    /**
     * The calendar behind a subscription token, read by a calendar app without an account: the token is the
     * credential. Every fetch is audited as the feed reading that person's plan.
     */
    public Optional<String> feed(String token, String address) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        record Row(long personId, CalendarFeed feed) {}
        Optional<Row> row = database.withHandle(handle -> handle.createQuery("""
                        SELECT person_id, zone, session_time, work_start, work_end FROM calendar_feeds
                        WHERE token_hash = :hash""")
                .bind("hash", Secrets.sha256(token))
                .map((rs, ctx) -> new Row(
                        rs.getLong("person_id"),
                        new CalendarFeed(
                                ZoneId.of(rs.getString("zone")),
                                LocalTime.parse(rs.getString("session_time")),
                                LocalTime.parse(rs.getString("work_start")),
                                LocalTime.parse(rs.getString("work_end")))))
                .findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return database.read(handle -> {
            Optional<StoredPlan> plan = store.current(handle, row.get().personId());
            audit.readForPerson(
                    handle,
                    Caller.anonymous(address),
                    "plan.feed.read",
                    row.get().personId(),
                    "calendar app fetched the plan");
            CalendarFeed feed = row.get().feed();
            return plan.map(stored -> PlanCalendar.ics(
                    stored.plan(),
                    today(),
                    feed.zone(),
                    feed.sessionTime(),
                    feed.workStart(),
                    feed.workEnd(),
                    clock.instant()));
        });
    }

    public ExerciseCatalogue catalogue() {
        return catalogue;
    }

    public LocalDate today() {
        return diary.today();
    }

    @Override
    public String section() {
        return "plans";
    }

    /** Every version of the plan and every logged exercise. */
    @Override
    public PlanExport exportFor(User person, Caller caller) {
        return PersonalData.collect(database, audit, person, caller, "plan.export", "all plans and logs", handle -> {
            return new PlanExport(
                    store.versions(handle, person.id()).stream()
                            .map(PlanExport.Version::of)
                            .toList(),
                    store.logs(handle, person.id(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)));
        });
    }

    private StoredPlan save(
            User person,
            long assessmentId,
            String reason,
            PlanPreferences preferences,
            Plan plan,
            Optional<PlanChange> change,
            List<String> held,
            Caller caller) {
        return database.inTransaction(handle -> {
            long id = store.insert(
                    handle, person.id(), assessmentId, clock.instant(), reason, preferences, plan, change, held);
            audit.record(handle, caller, "plan.create", Optional.of(person), "plan " + id + ": " + reason);
            return store.current(handle, person.id()).orElseThrow();
        });
    }

    private static int plannedDays(Plan plan, LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (!plan.today(date).sessions().isEmpty()) {
                days++;
            }
        }
        return days;
    }

    private static StoredPlan require(Optional<StoredPlan> plan) {
        return plan.orElseThrow(() -> new NotFoundException("no plan yet: make one from your assessment first"));
    }
}
