package backstop.share;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.StoredAssessment;
import backstop.care.CareService;
import backstop.care.MeasureSeries;
import backstop.care.Referral;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.error.BadInputException;
import backstop.json.Json;
import backstop.plan.PlanService;
import backstop.plan.StoredPlan;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads a person's {@link ShareData} for a date range in one read transaction ({@code Database.read}: one snapshot,
 * beside the writer rather than behind it), with one audit line saying what for besides the lines of the reads it
 * is made of.
 */
public final class ShareReader {
    /** The first and last days a range may name: the diary's own limits. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryService diary;
    private final AssessmentService assessments;
    private final PlanService plans;
    private final CareService care;

    public ShareReader(
            Database database,
            AuditLog audit,
            Clock clock,
            DiaryService diary,
            AssessmentService assessments,
            PlanService plans,
            CareService care) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.diary = diary;
        this.assessments = assessments;
        this.plans = plans;
        this.care = care;
    }

    /**
     * The record from {@code from} to {@code to}, both included; an empty bound means the earliest or latest day.
     *
     * @param action the audit action, e.g. {@code fhir.export} or {@code report.read}
     */
    public ShareData read(User person, Optional<LocalDate> from, Optional<LocalDate> to, Caller caller, String action) {
        return read(person, from, to, caller, action, false);
    }

    /**
     * Like {@link #read(User, Optional, Optional, Caller, String)}; with {@code latestBefore}, when no assessment
     * was taken in the range, the newest one taken before it is included (a visit report shows the latest
     * assessment even when it is older than the dates).
     */
    public ShareData read(
            User person,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            Caller caller,
            String action,
            boolean latestBefore) {
        LocalDate first = from.orElse(EARLIEST);
        LocalDate last = to.orElse(LATEST);
        if (last.isBefore(first)) {
            throw new BadInputException("to", "must not be before from (" + first + ")");
        }
        return database.read(handle -> {
            audit.read(handle, caller, action, Optional.of(person), first + " to " + last);
            var days = diary.range(handle, person, first, last);
            List<StoredAssessment> history = assessments.history(handle, person);
            List<StoredAssessment> chosen = history.stream()
                    .filter(stored -> inRange(stored, first, last))
                    .toList();
            if (chosen.isEmpty() && latestBefore) {
                chosen = history.stream()
                        .filter(stored -> inRange(stored, EARLIEST, last))
                        .limit(1)
                        .toList();
            }
            List<ShareData.TakenAssessment> taken = chosen.stream()
                    .map(stored -> new ShareData.TakenAssessment(
                            stored,
                            tree(assessments.intakeJson(handle, person, stored.id())),
                            assessments.questionnaire(stored.result().intakeVersion())))
                    .toList();
            Optional<StoredPlan> plan =
                    plans.current(handle, person).filter(p -> !p.plan().start().isAfter(last));
            var logs = plan.isPresent() ? plans.logs(handle, person, first, last) : List.<backstop.plan.SessionLog>of();
            // The care reads join this read, so they see the same snapshot; they audit themselves
            // (care.measure.read, care.referral.read).
            List<MeasureSeries> measures = care.myMeasures(person, caller).stream()
                    .filter(series -> !NPRS.equals(series.measure()))
                    .map(series -> new MeasureSeries(
                            series.measure(),
                            series.name(),
                            series.mcidText(),
                            series.points().stream()
                                    .filter(point -> !point.date().isBefore(first)
                                            && !point.date().isAfter(last))
                                    .toList()))
                    .filter(series -> !series.points().isEmpty())
                    .toList();
            List<Referral> referrals = care.myReferrals(person, caller).stream()
                    .filter(referral -> !referral.referredOn().isAfter(last))
                    .toList();
            return new ShareData(person, first, last, clock.instant(), days, taken, plan, logs, measures, referrals);
        });
    }

    /** The diary's weekly pain series: already in the export as the diary's own Observations. */
    private static final String NPRS = "nprs";

    /** Today in UTC, as the diary counts days. */
    public LocalDate today() {
        return diary.today();
    }

    private static boolean inRange(StoredAssessment stored, LocalDate from, LocalDate to) {
        LocalDate day = LocalDate.ofInstant(stored.takenAt(), ZoneOffset.UTC);
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored intake is not JSON", e);
        }
    }
}
