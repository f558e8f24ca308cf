package backstop.assessment;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.User;
import backstop.db.Database;
import backstop.error.ForbiddenException;
import backstop.error.NotFoundException;
import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Takes an intake, runs the red-flag screen and the cause scoring, and keeps the result in the person's history.
 * The same service serves the pages, the API and the CLI; the scoring itself ({@link Assessor}) is pure.
 */
public final class AssessmentService implements PersonalData<AssessmentExport> {
    /**
     * A re-assessment is offered four weeks after the last one: the issue asks for 4–6 weeks, and four is the
     * earliest point at which an exercise program can be expected to have changed anything (see docs/clinical.md).
     */
    public static final Duration REASSESS_AFTER = Duration.ofDays(28);

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final IntakeReader reader;
    private final Assessor assessor;
    private final Questionnaire questionnaire;
    private final AssessmentStore store = new AssessmentStore();

    /**
     * The assessment's data files, each read and checked: the intake's schema, the rules and the questionnaire. Read
     * apart from the service so that start-up can read them beside the other data files.
     */
    public record Files(IntakeReader reader, AssessmentRules rules, Questionnaire questionnaire) {
        public static Files load() {
            return new Files(IntakeReader.load(), AssessmentRules.load(), Questionnaire.load());
        }
    }

    public AssessmentService(Database database, AuditLog audit, Clock clock) {
        this(database, audit, clock, Files.load());
    }

    public AssessmentService(Database database, AuditLog audit, Clock clock, Files files) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.reader = files.reader();
        this.assessor = new Assessor(files.rules());
        this.questionnaire = files.questionnaire();
    }

    /** Validates the intake (every bad field is named), assesses it and stores both; nothing is stored if invalid. */
    public StoredAssessment submit(User person, String intakeJson, Caller caller) {
        Intake intake = reader.read(intakeJson);
        AssessmentResult result = assessor.assess(intake);
        Instant now = clock.instant();
        return database.inTransaction(handle -> {
            long id = store.insert(handle, person.id(), now, intakeJson, result);
            audit.record(
                    handle,
                    caller,
                    "assessment.create",
                    Optional.of(person),
                    "assessment " + id + ", urgency " + result.urgency().key());
            return new StoredAssessment(id, person.id(), now, result);
        });
    }

    /**
     * Stores an assessment taken elsewhere (an imported record) inside the caller's transaction, with the time it
     * was taken there. The intake is read through its schema and assessed again by this server's rules: a score is
     * never copied from outside.
     */
    public StoredAssessment importTaken(Handle handle, User person, Instant takenAt, String intakeJson, Caller caller) {
        AssessmentResult result = assessor.assess(reader.read(intakeJson));
        long id = store.insert(handle, person.id(), takenAt, intakeJson, result);
        audit.record(
                handle,
                caller,
                "assessment.import",
                Optional.of(person),
                "assessment " + id + " taken " + takenAt + ", urgency "
                        + result.urgency().key());
        return new StoredAssessment(id, person.id(), takenAt, result);
    }

    /** The intake JSON exactly as given for one of the person's assessments, read in the caller's transaction. */
    public String intakeJson(Handle handle, User person, long assessmentId) {
        return store.intake(handle, person.id(), assessmentId)
                .orElseThrow(() -> new NotFoundException("no assessment " + assessmentId));
    }

    /** The assessments of the person, newest first, read in the caller's (audited) transaction. */
    public List<StoredAssessment> history(Handle handle, User person) {
        return store.history(handle, person.id());
    }

    /**
     * The questionnaire of one intake version (1 or 2), checked against that version's schema.
     *
     * @throws backstop.error.NotFoundException for a version there never was
     */
    public Questionnaire questionnaire(int intakeVersion) {
        if (intakeVersion < 1 || intakeVersion > IntakeSchema.CURRENT) {
            throw new NotFoundException("no intake version " + intakeVersion);
        }
        return intakeVersion == IntakeSchema.CURRENT ? questionnaire : Questionnaire.version(intakeVersion);
    }

    /** Assesses without storing: for the command line and for trying the rules. */
    public AssessmentResult assessOnly(String intakeJson) {
        return assessor.assess(reader.read(intakeJson));
    }

    /** Checks the answers given so far (the red-flag screen) for an emergency, which ends the intake at once. */
    public Optional<AssessmentResult> emergencySoFar(String partialIntakeJson) {
        return assessor.emergencySoFar(partialIntakeJson);
    }

    /** One of the person's own assessments; someone else's is refused, and the attempt is audited. */
    public StoredAssessment get(User person, long id, Caller caller) {
        Optional<StoredAssessment> found = database.withHandle(handle -> store.find(handle, person.id(), id));
        if (found.isEmpty()) {
            if (database.withHandle(handle -> store.exists(handle, id))) {
                // Recorded on its own: the refusal must stay on record although the request fails.
                audit.recordAlone(caller, "assessment.read.refused", Optional.of(person), "assessment " + id);
                throw new ForbiddenException("this assessment belongs to someone else");
            }
            throw new NotFoundException("no assessment " + id);
        }
        auditRead(person, found.get(), caller);
        return found.get();
    }

    /** The person's assessments, newest first. */
    public List<StoredAssessment> history(User person, Caller caller) {
        return database.read(handle -> {
            audit.read(handle, caller, "assessment.list", Optional.of(person), "history");
            return store.history(handle, person.id());
        });
    }

    /** The person's newest assessment (for the plan generator, the plan page, a coverage check); audited as read. */
    public Optional<StoredAssessment> latest(User person, Caller caller) {
        Optional<StoredAssessment> latest = database.withHandle(
                handle -> store.history(handle, person.id()).stream().findFirst());
        latest.ifPresent(found -> auditRead(person, found, caller));
        return latest;
    }

    /** The intake behind one of the person's assessments, read back through the same schema it passed then. */
    public Intake intakeOf(User person, StoredAssessment assessment, Caller caller) {
        String json = database.withHandle(handle -> store.intake(handle, person.id(), assessment.id()))
                .orElseThrow(() -> new NotFoundException("no assessment " + assessment.id()));
        auditRead(person, assessment, caller);
        return reader.read(json);
    }

    /** The assessment taken just before this one, if any, for the side-by-side comparison. */
    public Optional<StoredAssessment> previous(User person, StoredAssessment current, Caller caller) {
        Optional<StoredAssessment> previous = database.withHandle(handle -> store.history(handle, person.id())).stream()
                .filter(other -> other.takenAt().isBefore(current.takenAt())
                        || other.takenAt().equals(current.takenAt()) && other.id() < current.id())
                .findFirst();
        previous.ifPresent(found -> auditRead(person, found, caller));
        return previous;
    }

    /** One line per assessment read, whichever call read it: within a request the same line is written once. */
    private void auditRead(User person, StoredAssessment assessment, Caller caller) {
        audit.read(caller, "assessment.read", Optional.of(person), "assessment " + assessment.id());
    }

    /** True when the newest assessment is at least {@link #REASSESS_AFTER} old. */
    public boolean reassessmentDue(List<StoredAssessment> history) {
        return !history.isEmpty()
                && !history.get(0).takenAt().plus(REASSESS_AFTER).isAfter(clock.instant());
    }

    public Questionnaire questionnaire() {
        return questionnaire;
    }

    public String schemaId() {
        return reader.schemaId();
    }

    /**
     * The published JSON Schema of one intake version.
     *
     * @throws backstop.error.NotFoundException for a version there never was
     */
    public JsonNode intakeSchema(int version) {
        return reader.schemaDocument(version);
    }

    @Override
    public String section() {
        return "assessments";
    }

    /** Each assessment with the intake exactly as given and the result exactly as shown. */
    @Override
    public AssessmentExport exportFor(User person, Caller caller) {
        return PersonalData.collect(database, audit, person, caller, "assessment.export", "all assessments", handle -> {
            return new AssessmentExport(store.history(handle, person.id()).stream()
                    .map(stored -> new AssessmentExport.Item(
                            stored.id(),
                            stored.takenAt().toString(),
                            Json.tree(store.intake(handle, person.id(), stored.id())
                                    .orElse("{}")),
                            stored.result()))
                    .toList());
        });
    }
}
