package backstop.care;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.diary.SavedDay;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.NotFoundException;
import backstop.plan.Plan;
import backstop.plan.PlanService;
import backstop.plan.SessionLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Injection referrals and their outcomes, with pain and adherence around the injection. Callers checked the link. */
final class Referrals {
    static final int MAX_TO = 200;
    static final int MAX_TEXT = 1000;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryService diary;
    private final PlanService plans;

    Referrals(Database database, AuditLog audit, Clock clock, DiaryService diary, PlanService plans) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.diary = diary;
        this.plans = plans;
    }

    /** What the clinician records: the kind, to whom, why, and the criterion that was met (if one was). */
    record Request(Referral.Kind kind, String referredTo, String reason, Optional<String> criterionId) {}

    long refer(User clinician, User person, Request request, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (request.kind() == null) {
            errors.add(new FieldError("kind", "must be trigger_point or epidural"));
        }
        String to = strip(request.referredTo());
        if (to.isEmpty() || to.length() > MAX_TO) {
            errors.add(new FieldError(
                    "referred_to", "name who the person is referred to, 1 to " + MAX_TO + " characters"));
        }
        String why = strip(request.reason());
        if (why.isEmpty() || why.length() > MAX_TEXT) {
            errors.add(new FieldError("reason", "say why in 1 to " + MAX_TEXT + " characters"));
        }
        String criterion =
                request.criterionId() == null ? "" : strip(request.criterionId().orElse(""));
        if (criterion.length() > 64) {
            errors.add(new FieldError("criterion_id", "is at most 64 characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return database.inTransaction(handle -> {
            Timestamp now = Timestamp.from(clock.instant());
            long id = handle.createUpdate("""
                            INSERT INTO care_referrals (person_id, clinician_id, clinician_name, kind, referred_to, reason,
                                criterion_id, referred_on, created_at, updated_at)
                            VALUES (:person, :clinician, :name, :kind, :to, :why, :criterion, :on, :now, :now)""")
                    .bind("person", person.id())
                    .bind("clinician", clinician.id())
                    .bind("name", CareService.name(clinician))
                    .bind("kind", request.kind().code())
                    .bind("to", to)
                    .bind("why", why)
                    .bind("criterion", criterion.isEmpty() ? null : criterion)
                    .bind("on", diary.today().toString())
                    .bind("now", now)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            audit.record(
                    handle,
                    caller,
                    "care.referral.record",
                    Optional.of(person),
                    request.kind().code() + " to " + to);
            return id;
        });
    }

    void outcome(User person, long referralId, Referral.Outcome outcome, LocalDate on, String note, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (outcome == null) {
            errors.add(new FieldError("outcome", "must be done or not_done"));
        }
        if (outcome == Referral.Outcome.DONE && (on == null || on.isAfter(diary.today()))) {
            errors.add(new FieldError("date", "give the day it was done (not in the future)"));
        }
        String text = strip(note);
        if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("note", "is at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        database.useTransaction(handle -> {
            Optional<LocalDate> referredOn = handle.createQuery(
                            "SELECT referred_on FROM care_referrals WHERE id = :id AND person_id = :person")
                    .bind("id", referralId)
                    .bind("person", person.id())
                    .mapTo(String.class)
                    .findOne()
                    .map(LocalDate::parse);
            if (referredOn.isEmpty()) {
                throw new NotFoundException("no such referral for this person");
            }
            if (outcome == Referral.Outcome.DONE && on.isBefore(referredOn.get())) {
                throw new BadInputException("date", "is before the referral (" + referredOn.get() + ")");
            }
            handle.createUpdate("""
                            UPDATE care_referrals SET outcome = :outcome, outcome_on = :on, outcome_note = :note,
                                updated_at = :now
                            WHERE id = :id AND person_id = :person""")
                    .bind("outcome", outcome.code())
                    .bind("on", outcome == Referral.Outcome.DONE ? on.toString() : null)
                    .bind("note", text)
                    .bind("now", Timestamp.from(clock.instant()))
                    .bind("id", referralId)
                    .bind("person", person.id())
                    .execute();
            audit.record(
                    handle,
                    caller,
                    "care.referral.outcome",
                    Optional.of(person),
                    "referral " + referralId + ": " + outcome.code());
        });
    }

    /** The person's referrals, newest first, each done one with pain and adherence around it. */
    List<Referral> of(User person, Caller caller) {
        List<Referral> stored = database.read(handle -> {
            audit.read(handle, caller, "care.referral.read", Optional.of(person), "referrals");
            return handle.createQuery("""
                            SELECT id, kind, referred_to, reason, criterion_id, referred_on, clinician_name, outcome,
                                outcome_on, outcome_note
                            FROM care_referrals WHERE person_id = :person ORDER BY referred_on DESC, id DESC""")
                    .bind("person", person.id())
                    .map((rs, ctx) -> referral(rs))
                    .list();
        });
        List<Referral> result = new ArrayList<>();
        for (Referral referral : stored) {
            Optional<ReferralWindow> around = referral.outcomeOn().map(on -> window(person, on, caller));
            result.add(new Referral(
                    referral.id(),
                    referral.kind(),
                    referral.referredTo(),
                    referral.reason(),
                    referral.criterionId(),
                    referral.referredOn(),
                    referral.clinicianName(),
                    referral.outcome(),
                    referral.outcomeOn(),
                    referral.outcomeNote(),
                    around));
        }
        return result;
    }

    /** Four weeks before and after {@code on}, up to today; planned days from the person's current plan. */
    ReferralWindow window(User person, LocalDate on, Caller caller) {
        int side = ReferralWindow.WEEKS_EACH_SIDE;
        LocalDate from = on.minusWeeks(side);
        LocalDate today = diary.today();
        LocalDate to = on.plusWeeks(side).minusDays(1);
        LocalDate last = to.isAfter(today) ? today : to;
        Map<LocalDate, Integer> pain = new HashMap<>();
        for (SavedDay saved : diary.range(person, from, last, caller)) {
            saved.checkIn()
                    .day()
                    .painPm()
                    .ifPresent(p -> pain.put(saved.checkIn().day().date(), p));
        }
        Set<LocalDate> logged = new HashSet<>();
        plans.logs(person, from, last, caller).stream().map(SessionLog::date).forEach(logged::add);
        Optional<Plan> plan = plans.current(person, caller).map(stored -> stored.plan());
        List<ReferralWindow.Week> weeks = new ArrayList<>();
        for (int offset = -side; offset < side; offset++) {
            LocalDate start = on.plusWeeks(offset);
            int evenings = 0;
            int sum = 0;
            int planned = 0;
            int done = 0;
            for (LocalDate day = start; day.isBefore(start.plusWeeks(1)) && !day.isAfter(last); day = day.plusDays(1)) {
                Integer p = pain.get(day);
                if (p != null) {
                    evenings++;
                    sum += p;
                }
                LocalDate date = day;
                if (plan.map(x -> !x.today(date).sessions().isEmpty()).orElse(false)) {
                    planned++;
                    if (logged.contains(day)) {
                        done++;
                    }
                }
            }
            weeks.add(new ReferralWindow.Week(
                    offset,
                    start,
                    evenings,
                    evenings == 0 ? Optional.empty() : Optional.of((int) Math.round(10.0 * sum / evenings)),
                    planned,
                    done));
        }
        return new ReferralWindow(
                on,
                weeks,
                summary(weeks.stream().filter(w -> w.offset() < 0).toList()),
                summary(weeks.stream().filter(w -> w.offset() >= 0).toList()));
    }

    private static ReferralWindow.Summary summary(List<ReferralWindow.Week> weeks) {
        int evenings = 0;
        long painSum = 0;
        int planned = 0;
        int logged = 0;
        for (ReferralWindow.Week week : weeks) {
            evenings += week.evenings();
            painSum += week.painTenths().map(p -> (long) p * week.evenings()).orElse(0L);
            planned += week.plannedDays();
            logged += week.loggedDays();
        }
        return new ReferralWindow.Summary(
                evenings,
                evenings == 0 ? Optional.empty() : Optional.of((int) Math.round((double) painSum / evenings)),
                planned,
                logged);
    }

    private static Referral referral(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        String outcomeOn = rs.getString("outcome_on");
        return new Referral(
                rs.getLong("id"),
                Referral.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("referred_to"),
                rs.getString("reason"),
                Optional.ofNullable(rs.getString("criterion_id")),
                LocalDate.parse(rs.getString("referred_on")),
                rs.getString("clinician_name"),
                Optional.ofNullable(outcome).map(o -> Referral.Outcome.valueOf(o.toUpperCase(java.util.Locale.ROOT))),
                Optional.ofNullable(outcomeOn).map(LocalDate::parse),
                rs.getString("outcome_note"),
                Optional.empty());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
