package backstop.clinic;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.StoredAssessment;
import backstop.diary.DiaryService;
import backstop.diary.SavedDay;
import backstop.error.BadInputException;
import backstop.insights.InsightReport;
import backstop.insights.InsightsService;
import backstop.plan.Adherence;
import backstop.plan.PlanService;
import backstop.plan.SessionLog;
import backstop.plan.StoredPlan;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A linked patient's chart, read-only, through the same services the person's own pages use: every part first asks
 * {@link CareTeam} for an active link (403 otherwise, audited), and the services then write their own read lines with
 * the clinician as the reader, so the person sees who looked at what and when.
 */
public final class PatientChart {
    /** The diary and session logs the chart shows by default. */
    public static final int DEFAULT_DAYS = 90;

    private final CareTeam team;
    private final Roster roster;
    private final AuditLog audit;
    private final AssessmentService assessments;
    private final DiaryService diary;
    private final PlanService plans;
    private final InsightsService insights;

    public PatientChart(
            CareTeam team,
            Roster roster,
            AuditLog audit,
            AssessmentService assessments,
            DiaryService diary,
            PlanService plans,
            InsightsService insights) {
        this.team = team;
        this.roster = roster;
        this.audit = audit;
        this.assessments = assessments;
        this.diary = diary;
        this.plans = plans;
        this.insights = insights;
    }

    /** The chart's overview: the patient and their roster line (reasons, adherence, weeks on plan). */
    public Overview overview(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        audit.read(caller, "clinic.chart.read", Optional.of(person), "overview");
        return new Overview(person, roster.rowFor(clinician, person, roster.today()));
    }

    /** Every assessment, newest first, with its evidence. */
    public List<StoredAssessment> assessments(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return assessments.history(person, caller);
    }

    /** Diary days from {@code from} to {@code to}. */
    public List<SavedDay> diary(User clinician, long personId, LocalDate from, LocalDate to, Caller caller) {
        if (to.isBefore(from)) {
            throw new BadInputException("to", "must not be before from");
        }
        if (from.plusDays(3660).isBefore(to)) {
            throw new BadInputException("from", "at most ten years at a time");
        }
        User person = team.patient(clinician, personId, caller);
        return diary.range(person, from, to, caller);
    }

    /** The current plan, adherence since it began, and the session logs of the last {@code days} days. */
    public PlanPart plan(User clinician, long personId, int days, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        Optional<StoredPlan> plan = plans.current(person, caller);
        if (plan.isEmpty()) {
            return new PlanPart(Optional.empty(), Optional.empty(), List.of());
        }
        LocalDate today = plans.today();
        return new PlanPart(
                plan,
                Optional.of(plans.adherence(person, caller)),
                plans.logs(person, today.minusDays(days - 1L), today, caller));
    }

    /** The insight report: triggers, episodes, recurrence, forecast. */
    public InsightReport insights(User clinician, long personId, Caller caller) {
        User person = team.patient(clinician, personId, caller);
        return insights.reportFor(person, caller);
    }

    public LocalDate today() {
        return plans.today();
    }

    /** The patient and their roster line. */
    public record Overview(User person, RosterRow row) {}

    /** The plan part of the chart; all empty before the patient has a plan. */
    public record PlanPart(Optional<StoredPlan> plan, Optional<Adherence> adherence, List<SessionLog> logs) {
        public PlanPart {
            logs = List.copyOf(logs);
        }
    }
}
