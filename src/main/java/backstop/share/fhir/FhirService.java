package backstop.share.fhir;

import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.share.ShareData;
import backstop.share.ShareReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The person's record as FHIR R4 JSON out (audited as {@code fhir.export}) and in, and what Backstop publishes. */
public final class FhirService {
    private final ShareReader reader;
    private final AssessmentService assessments;
    private final FhirImporter importer;
    private final Clock clock;

    public FhirService(ShareReader reader, AssessmentService assessments, FhirImporter importer, Clock clock) {
        this.reader = reader;
        this.assessments = assessments;
        this.importer = importer;
        this.clock = clock;
    }

    /** The record from {@code from} to {@code to} (both included; empty: no bound) as a Bundle in FHIR JSON. */
    public String export(User person, Optional<LocalDate> from, Optional<LocalDate> to, Caller caller) {
        ShareData data = reader.read(person, from, to, caller, "fhir.export");
        return FhirExport.json(data);
    }

    /** Reads a Bundle into the person's record, all or nothing. */
    public FhirImporter.Report importBundle(User person, String json, Caller caller) {
        return importer.importBundle(person, json, caller);
    }

    /**
     * The intake Questionnaire of one version (the current one by default) in FHIR JSON.
     *
     * @throws backstop.error.NotFoundException for a version there never was
     */
    public String questionnaire(Optional<Integer> version) {
        var questionnaire = IntakeFhir.questionnaire(assessments.questionnaire(
                version.orElse(assessments.questionnaire().intakeVersion())));
        return FhirExport.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(questionnaire);
    }

    /** The CapabilityStatement in FHIR JSON. */
    public String metadata(String version) {
        return FhirExport.context()
                .newJsonParser()
                .setPrettyPrint(true)
                .encodeResourceToString(Capability.statement(version, clock.instant()));
    }
}
