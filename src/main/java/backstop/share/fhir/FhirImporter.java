package backstop.share.fhir;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.Questionnaire;
import backstop.assessment.StoredAssessment;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.diary.ImportReport;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.plan.PlanService;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads a FHIR Bundle into a person's record in one transaction. */
public final class FhirImporter {
    /** What an import wrote. */
    public record Report(
            int daysAdded, int daysUpdated, int daysUnchanged, int assessments, int plans, int logs, int ignored) {}

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryService diary;
    private final AssessmentService assessments;
    private final PlanService plans;

    public FhirImporter(
            Database database,
            AuditLog audit,
            Clock clock,
            DiaryService diary,
            AssessmentService assessments,
            PlanService plans) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.diary = diary;
        this.assessments = assessments;
        this.plans = plans;
    }

    /**
     * Reads the bundle and, if every element is good, writes it all in one transaction: days by the CSV import's
     * rule, each intake assessed again by this server's rules with the time it was taken, the plan as the person's
     * newest version with its logged exercises.
     *
     * @throws BadInputException naming each bad element by its FHIR path; nothing is written
     */
    public Report importBundle(User person, String json, Caller caller) {
        Map<Integer, Questionnaire> questionnaires = new HashMap<>();
        for (int version = 1; version <= assessments.questionnaire().intakeVersion(); version++) {
            questionnaires.put(version, assessments.questionnaire(version));
        }
        BundleReader.Read read = new BundleReader(
                        questionnaires,
                        diary.today(),
                        id -> plans.catalogue().find(id).isPresent(),
                        this::intakeProblems)
                .read(json);
        return database.inTransaction(handle -> {
            ImportReport days = diary.importDays(handle, person, read.days(), "import", caller);
            Map<String, StoredAssessment> byUrl = new HashMap<>();
            List<BundleReader.Intake> oldestFirst = read.intakes().stream()
                    .sorted(Comparator.comparing(BundleReader.Intake::takenAt))
                    .toList();
            // Importing the same record twice must not double it: an assessment taken at the same second as one the
            // account already has is that assessment, and the plan the account already follows is not added again.
            Map<Instant, StoredAssessment> held = new HashMap<>();
            assessments.history(handle, person).forEach(a -> held.put(toSecond(a.takenAt()), a));
            int assessmentCount = 0;
            for (BundleReader.Intake intake : oldestFirst) {
                StoredAssessment stored = held.get(toSecond(intake.takenAt()));
                if (stored == null) {
                    stored = assessments.importTaken(handle, person, intake.takenAt(), intake.json(), caller);
                    assessmentCount++;
                }
                if (intake.fullUrl() != null) {
                    byUrl.put(intake.fullUrl(), stored);
                }
            }
            int planCount = 0;
            int logCount = 0;
            if (read.plan().isPresent()
                    && !alreadyFollowed(handle, person, read.plan().get())) {
                BundleReader.ImportedPlan plan = read.plan().get();
                long assessmentId = plan.intakeUrl()
                        .map(byUrl::get)
                        .or(() -> assessments.history(handle, person).stream().findFirst())
                        .map(StoredAssessment::id)
                        .orElseThrow(() -> new BadInputException(
                                plan.path() + ".supportingInfo",
                                "a plan is made from an assessment: the bundle and the account have none"));
                Instant created = plan.createdAt().equals(Instant.EPOCH) ? clock.instant() : plan.createdAt();
                plans.importPlan(
                        handle,
                        person,
                        assessmentId,
                        created,
                        "imported from a FHIR bundle",
                        plan.preferences(),
                        plan.plan(),
                        read.logs(),
                        caller);
                planCount = 1;
                logCount = read.logs().size();
            }
            Report report = new Report(
                    days.added(),
                    days.updated(),
                    days.unchanged(),
                    assessmentCount,
                    planCount,
                    logCount,
                    read.ignored());
            audit.record(
                    handle,
                    caller,
                    "fhir.import",
                    Optional.of(person),
                    report.daysAdded() + " days added, " + report.daysUpdated() + " updated, "
                            + report.daysUnchanged() + " unchanged, " + report.assessments() + " assessment(s), "
                            + report.plans() + " plan(s), " + report.logs() + " logged exercise(s), "
                            + report.ignored() + " entries not read");
            return report;
        });
    }

    private boolean alreadyFollowed(Handle handle, User person, BundleReader.ImportedPlan imported) {
        return plans.current(handle, person)
                .filter(current -> current.plan().equals(imported.plan())
                        && toSecond(current.createdAt()).equals(toSecond(imported.createdAt())))
                .isPresent();
    }

    private static Instant toSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private List<FieldError> intakeProblems(String intakeJson) {
        try {
            assessments.assessOnly(intakeJson);
            return List.of();
        } catch (BadInputException e) {
            return e.errors();
        }
    }
}
