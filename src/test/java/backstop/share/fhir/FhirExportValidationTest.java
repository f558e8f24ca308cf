package backstop.share.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.share.ShareFixtures;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every export the share tests produce passes HAPI's FhirInstanceValidator against base R4, offline, with zero
 * errors; the warnings it gives are the accepted ones listed in docs/formats.md.
 */
class FhirExportValidationTest {
    /** Warning kinds accepted (each explained in docs/formats.md); matched on the validator's message. */
    static final List<String> ACCEPTED_WARNINGS = List.of(
            "dom-6", // no narrative: the bundle is data for systems, the record is read in Backstop or the report
            "CodeSystem is unknown", // Backstop's own code systems are not published terminologies
            "could not be validated", // LOINC cannot be checked offline: the allowlist test checks it
            "A definition for CodeSystem", // same, as HAPI words it for some codings
            "Unknown extension", // the plan-document and plan-preferences extensions
            "Best Practice Recommendation", // a narrative is recommended
            "None of the codings provided are in the value set", // our codes where an example value set is bound
            "is not in the value set", // same, for example bindings
            "is not known", // unknown code systems, as worded for a single coding
            "UCUM Codes that contain human readable annotations", // {score}: LOINC's own unit for 72514-3
            "all observations should have a performer", // the assessment's Observations: Backstop's rules, no one
            "could not be resolved, so no validation can be performed against the base questionnaire");

    private static TestDatabases.Fresh fresh;
    private static Services services;
    private static FhirValidation validation;

    @BeforeAll
    static void start() {
        fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
        services = Services.wire(fresh.database(), TestClock.startingAt("2026-11-30T10:00:00Z"));
        validation = new FhirValidation(List.of(
                IntakeFhir.questionnaire(services.assessments().questionnaire(1)),
                IntakeFhir.questionnaire(services.assessments().questionnaire(2))));
    }

    @AfterAll
    static void stop() {
        fresh.close();
    }

    @Test
    void aYearOfRecordValidatesWithZeroErrors() {
        User person = ShareFixtures.yearOfRecord(services, "robin");
        String json = services.fhir().export(person, Optional.empty(), Optional.empty(), ShareFixtures.cli());
        assertValid(json);
        Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
        Set<String> types =
                bundle.getEntry().stream().map(e -> e.getResource().fhirType()).collect(Collectors.toSet());
        assertThat(types)
                .contains(
                        "Patient",
                        "Observation",
                        "Questionnaire",
                        "QuestionnaireResponse",
                        "CarePlan",
                        "Goal",
                        "ServiceRequest");
        assertThat(json)
                .contains(FhirCodes.MEASURE, "\"code\":\"psfs\"", "\"code\":\"pgic\"", FhirCodes.REFERRAL)
                .contains("\"code\":\"trigger_point\"", "Dr Needle", "Beyond the minimal clinically important");
        assertEveryReferenceResolves(json);
    }

    @Test
    void aDateRangeValidatesToo() {
        User person = ShareFixtures.yearOfRecord(services, "range");
        LocalDateRange range = new LocalDateRange(
                services.diary().today().minusDays(30), services.diary().today());
        String json =
                services.fhir().export(person, Optional.of(range.from()), Optional.of(range.to()), ShareFixtures.cli());
        assertValid(json);
        assertEveryReferenceResolves(json);
    }

    @Test
    void anEmptyPersonValidatesWithZeroErrors() {
        User person = ShareFixtures.emptyPerson(services, "ezra");
        String json = services.fhir().export(person, Optional.empty(), Optional.empty(), ShareFixtures.cli());
        assertValid(json);
        Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getResource().fhirType()).isEqualTo("Patient");
    }

    @Test
    void thePublishedQuestionnaireAndCapabilityStatementValidate() {
        assertValid(services.fhir().questionnaire(Optional.empty()));
        assertValid(services.fhir().questionnaire(Optional.of(1)));
        assertValid(services.fhir().metadata("test"));
    }

    private record LocalDateRange(java.time.LocalDate from, java.time.LocalDate to) {}

    private static void assertValid(String json) {
        List<SingleValidationMessage> messages = validation.validate(json);
        List<SingleValidationMessage> errors = FhirValidation.errors(messages);
        assertThat(errors).as(FhirValidation.describe(errors)).isEmpty();
        List<SingleValidationMessage> unexpected = messages.stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .filter(m -> ACCEPTED_WARNINGS.stream().noneMatch(m.getMessage()::contains))
                .toList();
        // Print the kinds once so docs/formats.md can list them.
        TreeMap<String, Long> kinds = messages.stream()
                .collect(Collectors.groupingBy(
                        m -> m.getSeverity() + " " + m.getMessage().replaceAll("[0-9]+", "#"),
                        TreeMap::new,
                        Collectors.counting()));
        kinds.forEach((kind, count) -> System.out.println("validator: " + count + " × " + kind));
        assertThat(unexpected).as(FhirValidation.describe(unexpected)).isEmpty();
    }

    static void assertEveryReferenceResolves(String json) {
        Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
        Set<String> urls = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        // Read from the JSON text itself, so no reference anywhere in the bundle escapes the check.
        java.util.regex.Matcher reference =
                java.util.regex.Pattern.compile("\"reference\":\"([^\"]*)\"").matcher(json);
        List<String> references = new java.util.ArrayList<>();
        while (reference.find()) {
            references.add(reference.group(1));
        }
        assertThat(references).isNotEmpty().hasSize(json.split("\"reference\":", -1).length - 1);
        List<String> dangling =
                references.stream().filter(ref -> !urls.contains(ref)).toList();
        assertThat(dangling).isEmpty();
    }
}
