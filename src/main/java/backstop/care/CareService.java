package backstop.care;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.Secrets;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.clinic.CareTeam;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.error.ConflictException;
import backstop.error.NotFoundException;
import backstop.exercise.ExerciseCatalogue;
import backstop.model.Cause;
import backstop.plan.Adherence;
import backstop.plan.Coverage;
import backstop.plan.CoverageCheck;
import backstop.plan.Plan;
import backstop.plan.PlanChange;
import backstop.plan.PlanService;
import backstop.plan.StoredPlan;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The clinician's side of a person's care: prescribing (a previewed change of the plan, saved as a new version that
 * names its author) and outcome measures (scheduled by the clinician, answered by the person). Every clinician call first asks {@link CareTeam#requireLinked}, which refuses (and audits the
 * refusal) unless the clinician is linked with the person now.
 */
public final class CareService implements PersonalData<CareExport> {
    private final CareTeam team;
    private final Measures measures;
    private final Referrals referrals;
    private final PlanService plans;
    private final AssessmentService assessments;
    private final ExerciseCatalogue catalogue;

    public CareService(
            Database database,
            AuditLog audit,
            Clock clock,
            CareTeam team,
            PlanService plans,
            AssessmentService assessments,
            DiaryService diary,
            ExerciseCatalogue catalogue,
            MeasureDefinitions definitions) {
        this.team = team;
        this.measures = new Measures(database, audit, clock, diary, definitions);
        this.referrals = new Referrals(database, audit, clock, diary, plans);
        this.plans = plans;
        this.assessments = assessments;
        this.catalogue = catalogue;
    }

    /** The linked person's account, after the link check (refused and audited otherwise). */
    public User patient(User clinician, long personId, Caller caller) {
        return team.patient(clinician, personId, caller);
    }

    /** The linked person and their current plan, with its coverage of their newest assessment's causes. */
    public record Prescribing(User person, StoredPlan current, Coverage coverage) {}

    public Prescribing prescribing(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        StoredPlan current =
                plans.current(person, caller).orElseThrow(() -> new NotFoundException("this person has no plan yet"));
        return new Prescribing(person, current, coverage(person, current.plan(), caller));
    }

    /**
     * Makes a linked person's first plan from their newest assessment (with the default preferences the person can
     * change). Refused with a conflict when they have a plan already: change that one instead.
     *
     * @throws backstop.plan.NoPlanException when the assessment found signs that need a doctor first
     */
    public StoredPlan createPlan(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        if (plans.current(person, caller).isPresent()) {
            throw new ConflictException("this person has a plan already: change it instead");
        }
        return plans.create(person, backstop.plan.PlanPreferences.defaults(), caller);
    }

    /** Whether the linked person has a plan yet. */
    public boolean hasPlan(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return plans.current(person, caller).isPresent();
    }

    /** What {@code edit} would do to the person's current plan; nothing is written but the read's audit line. */
    public Preview preview(User clinician, long personId, PlanEdit edit, Caller caller) {
        Prescribing now = prescribing(clinician, personId, caller);
        return preview(now, edit, caller);
    }

    /**
     * Saves {@code edit} as a new plan version by {@code clinician}, with the reason and the note to the person.
     * {@code previewed} is the digest of the preview the clinician saw; when the result would differ (the plan or the
     * change moved on), nothing is saved and the clinician is asked to check again.
     */
    public StoredPlan prescribe(User clinician, long personId, PlanEdit edit, String previewed, Caller caller) {
        Prescribing now = prescribing(clinician, personId, caller);
        Preview preview = preview(now, edit, caller);
        if (previewed == null || !previewed.equals(preview.digest())) {
            throw new ConflictException("check the change before saving it: the preview you saw is not this change"
                    + " of the current plan");
        }
        PlanChange change = new PlanChange(clinician.id(), name(clinician), edit.note());
        return plans.prescribe(
                now.person(),
                now.current().id(),
                preview.plan(),
                preview.heldExercises(),
                change,
                edit.reason(),
                caller);
    }

    /** Every version of the signed-in person's own plan, newest first. */
    public List<StoredPlan> versions(User person, Caller caller) {
        return plans.versions(person, caller);
    }

    /**
     * Schedules an outcome measure for a linked person: first due on {@code firstDue} (today to 28 days ahead), then
     * every {@code everyDays} (14 to 28). A new schedule of the same measure replaces the old one.
     */
    public long scheduleMeasure(
            User clinician, long personId, String measure, LocalDate firstDue, int everyDays, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return measures.schedule(clinician, person, measure, firstDue, everyDays, caller);
    }

    /**
     * The linked person's outcome measures over time (pain by week from the diary, PSFS, PGIC), each change larger
     * than the MCID marked: the read the clinic roster and chart call.
     */
    public List<MeasureSeries> measuresOf(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return measures.seriesOf(person, caller);
    }

    /** The measures scheduled for a linked person now, in words. */
    public List<String> schedulesOf(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return measures.scheduleTexts(person);
    }

    /** The signed-in person's own measures over time. */
    public List<MeasureSeries> myMeasures(User person, Caller caller) {
        return measures.seriesOf(person, caller);
    }

    /** The questionnaires due for the signed-in person now. */
    public List<MeasureTask> tasks(User person, Caller caller) {
        return measures.tasks(person, caller);
    }

    /** The person answers the due occurrence of {@code measure}. */
    public void answer(User person, String measure, MeasureAnswer answer, Caller caller) {
        measures.answer(person, measure, answer, caller);
    }

    /**
     * Where the person's injection-referral criteria stand (why a referral may be due now), and their referrals with
     * pain and adherence around each injection done.
     */
    public record ReferralDesk(
            User person, Optional<Adherence> adherence, List<Adherence.CriterionStatus> met, List<Referral> referrals) {
        public ReferralDesk {
            met = List.copyOf(met);
            referrals = List.copyOf(referrals);
        }
    }

    public ReferralDesk referralDesk(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        Optional<Adherence> adherence = plans.current(person, caller).isPresent()
                ? Optional.of(plans.adherence(person, caller))
                : Optional.empty();
        List<Adherence.CriterionStatus> met = adherence
                .map(a -> a.criteria().stream()
                        .filter(Adherence.CriterionStatus::met)
                        .toList())
                .orElse(List.of());
        return new ReferralDesk(person, adherence, met, referrals.of(person, caller));
    }

    /** The linked person's referrals, newest first, with pain and adherence around each injection done. */
    public List<Referral> referralsOf(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return referrals.of(person, caller);
    }

    /** The signed-in person's own referrals, newest first (the person-side read the shared record uses). */
    public List<Referral> myReferrals(User person, Caller caller) {
        return referrals.of(person, caller);
    }

    /** Records a referral for a linked person: the kind, to whom, why, and the criterion met (if one was). */
    public long refer(
            User clinician,
            long personId,
            Referral.Kind kind,
            String referredTo,
            String reason,
            Optional<String> criterionId,
            Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return referrals.refer(clinician, person, new Referrals.Request(kind, referredTo, reason, criterionId), caller);
    }

    /** Records what came of a referral: done on {@code on}, or not done. */
    public void referralOutcome(
            User clinician,
            long personId,
            long referralId,
            Referral.Outcome outcome,
            LocalDate on,
            String note,
            Caller caller) {
        User person = team.patient(clinician, personId, caller);
        referrals.outcome(person, referralId, outcome, on, note, caller);
    }

    public LocalDate today() {
        return plans.today();
    }

    public MeasureDefinitions measureDefinitions() {
        return measures.definitions();
    }

    @Override
    public String section() {
        return "care";
    }

    /** The person's measure schedules and answers and their referrals (plan versions are in the plan's section). */
    @Override
    public CareExport exportFor(User person, Caller caller) {
        return new CareExport(measures.exportFor(person, caller), referrals.of(person, caller));
    }

    public ExerciseCatalogue catalogue() {
        return catalogue;
    }

    private Preview preview(Prescribing now, PlanEdit edit, Caller caller) {
        edit.check();
        Prescriber.Result result =
                Prescriber.apply(now.current().plan(), now.current().heldExercises(), edit.changes(), catalogue);
        Coverage after = coverage(now.person(), result.plan(), caller);
        String digest = Secrets.sha256(
                now.current().id() + "\n" + result.plan().toJson() + "\n" + String.join(",", result.held()));
        return new Preview(
                now.current().id(),
                result.plan(),
                result.held(),
                result.described(),
                now.coverage(),
                after,
                losses(now.coverage(), after),
                digest);
    }

    private Coverage coverage(User person, Plan plan, Caller caller) {
        return assessments
                .latest(person, caller)
                .map(assessment -> CoverageCheck.check(assessment.result(), plan))
                .orElseGet(plan::coverage);
    }

    /** "This change leaves stress-related tension with nothing addressing it", for each active cause made worse. */
    static List<String> losses(Coverage before, Coverage after) {
        List<String> losses = new ArrayList<>();
        for (Coverage.CauseCoverage cause : after.causes()) {
            if (!cause.active()) {
                continue;
            }
            Optional<Coverage.CauseCoverage> was = before.of(cause.cause());
            int rankBefore = was.map(c -> rank(c.status())).orElse(2);
            if (rank(cause.status()) < rankBefore) {
                losses.add(loss(cause.cause(), cause.status()));
            }
        }
        return losses;
    }

    private static int rank(Coverage.Status status) {
        return switch (status) {
            case ADDRESSED -> 2;
            case HABITS_ONLY -> 1;
            case NOT_ADDRESSED -> 0;
        };
    }

    private static String loss(Cause cause, Coverage.Status status) {
        String name = cause.label().toLowerCase(Locale.ROOT);
        return status == Coverage.Status.NOT_ADDRESSED
                ? "This change leaves " + name + " with nothing addressing it."
                : "This change leaves " + name + " with only habits addressing it, and no exercise.";
    }

    static String name(User user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }
}
