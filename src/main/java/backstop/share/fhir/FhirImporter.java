package backstop.share.fhir;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.db.Database;
import backstop.diary.DiaryService;
import backstop.error.BadInputException;
import backstop.plan.PlanService;
import java.time.Clock;

/** Reads a FHIR Bundle into a person's record in one transaction. */
public final class FhirImporter {
    /** What an import wrote. */
    public record Report(int daysAdded, int daysUpdated, int daysUnchanged, int assessments, int plans, int logs) {}

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

    public Report importBundle(User person, String json, Caller caller) {
        throw new BadInputException("Bundle", "import is not built yet");
    }
}
