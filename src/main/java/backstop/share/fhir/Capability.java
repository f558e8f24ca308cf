package backstop.share.fhir;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * What Backstop's FHIR side does, as a CapabilityStatement for {@code GET /fhir/metadata}: it is not a FHIR
 * server; it exports a person's record as a collection Bundle, imports such a Bundle (its own, or Observations with
 * LOINC 72514-3) and publishes its intake Questionnaire.
 */
public final class Capability {
    private Capability() {}

    public static CapabilityStatement statement(String version, Instant date) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setUrl(FhirCodes.BASE + "/CapabilityStatement/backstop");
        statement.setName("Backstop");
        statement.setTitle("Backstop: FHIR export and import of a person's record");
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(Date.from(date));
        statement.setPublisher("Backstop");
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Backstop").setVersion(version);
        statement
                .getImplementation()
                .setDescription(
                        "GET /api/v1/fhir/export?from=&to= gives the signed-in person's record as a FHIR R4"
                                + " Bundle (type collection); POST /api/v1/fhir/import takes one, all or nothing; GET"
                                + " /fhir/Questionnaire/backstop-intake is the intake questionnaire. Mapping: docs/formats.md.");
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("json");
        var rest = statement.addRest();
        rest.setMode(RestfulCapabilityMode.SERVER);
        rest.setDocumentation("Not a general FHIR server: only the operations below, for a signed-in person's own"
                + " record (session cookie or API token).");
        rest.addResource()
                .setType("Bundle")
                .setDocumentation("Export (GET /api/v1/fhir/export) and import (POST /api/v1/fhir/import) of a"
                        + " collection Bundle holding Patient, Observation, Questionnaire, QuestionnaireResponse,"
                        + " CarePlan, Goal and ServiceRequest (exported only); a linked clinician exports a"
                        + " patient's at GET /api/v1/clinic/patients/{id}/fhir/export.");
        rest.addResource()
                .setType("Questionnaire")
                .setDocumentation("The intake, at " + FhirCodes.QUESTIONNAIRE + " (read: GET"
                        + " /fhir/Questionnaire/backstop-intake, ?version=1 for the first intake).")
                .addInteraction()
                .setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        for (String type : new String[] {"Patient", "Observation", "QuestionnaireResponse", "CarePlan", "Goal"}) {
            rest.addResource().setType(type).setDocumentation("Inside the exported and imported Bundle only.");
        }
        rest.addResource()
                .setType("ServiceRequest")
                .setDocumentation(
                        "Injection referrals, inside the exported Bundle only (the import does not read them).");
        return statement;
    }
}
