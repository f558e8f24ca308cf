package backstop.share.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.SavedDay;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.share.ShareFixtures;
import backstop.share.ShareReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/** Import of a FHIR Bundle: the own export round-trips; a bad bundle is refused whole, naming each bad element. */
class FhirImportTest {
    private static Services services(Database database) {
        return Services.wire(database, TestClock.startingAt("2026-11-30T10:00:00Z"));
    }

    private static List<CheckIn> diary(Services services, User person) {
        return services.diary().range(person, ShareReader.EARLIEST, ShareReader.LATEST, ShareFixtures.cli()).stream()
                .map(SavedDay::checkIn)
                .toList();
    }

    @BothDatabases
    void theOwnExportImportedIntoAFreshAccountGivesTheSameDiaryAssessmentsAndPlan(Database database) {
        Services services = services(database);
        User robin = ShareFixtures.yearOfRecord(services, "robin");
        String json = services.fhir().export(robin, Optional.empty(), Optional.empty(), ShareFixtures.cli());
        User fresh = ShareFixtures.emptyPerson(services, "fresh");

        FhirImporter.Report report = services.fhir().importBundle(fresh, json, ShareFixtures.cli());

        assertThat(report.daysAdded()).isEqualTo(diary(services, robin).size()).isGreaterThan(300);
        assertThat(report.assessments()).isEqualTo(1);
        assertThat(report.plans()).isEqualTo(1);
        assertThat(diary(services, fresh)).isEqualTo(diary(services, robin));
        var before = services.assessments().history(robin, ShareFixtures.cli());
        var after = services.assessments().history(fresh, ShareFixtures.cli());
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.get(0).result()).isEqualTo(before.get(0).result());
        assertThat(after.get(0).takenAt()).isEqualTo(before.get(0).takenAt());
        var planBefore = services.plans().current(robin, ShareFixtures.cli()).orElseThrow();
        var planAfter = services.plans().current(fresh, ShareFixtures.cli()).orElseThrow();
        assertThat(planAfter.plan()).isEqualTo(planBefore.plan());
        assertThat(planAfter.preferences()).isEqualTo(planBefore.preferences());
        assertThat(planAfter.createdAt()).isEqualTo(planBefore.createdAt());
        assertThat(planAfter.assessmentId()).isEqualTo(after.get(0).id());
        LocalDate from = planBefore.plan().start();
        LocalDate to = services.diary().today();
        assertThat(services.plans().logs(fresh, from, to, ShareFixtures.cli()))
                .isEqualTo(services.plans().logs(robin, from, to, ShareFixtures.cli()))
                .isNotEmpty();
        // And the second time round nothing changes: no day, no second assessment, no second plan or logs.
        var logsOnce = services.plans().logs(fresh, from, to, ShareFixtures.cli());
        FhirImporter.Report again = services.fhir().importBundle(fresh, json, ShareFixtures.cli());
        assertThat(again.daysUnchanged()).isEqualTo(report.daysAdded());
        assertThat(again.daysAdded() + again.daysUpdated()).isZero();
        assertThat(again.assessments()).isZero();
        assertThat(again.plans()).isZero();
        assertThat(again.logs()).isZero();
        assertThat(services.assessments().history(fresh, ShareFixtures.cli())).hasSameSizeAs(before);
        assertThat(services.plans()
                        .current(fresh, ShareFixtures.cli())
                        .orElseThrow()
                        .id())
                .isEqualTo(planAfter.id());
        assertThat(services.plans().logs(fresh, from, to, ShareFixtures.cli())).isEqualTo(logsOnce);
    }

    @BothDatabases
    void aBadBundleIsRefusedWholeNamingEachBadElementByItsPathAndNothingIsWritten(Database database) {
        Services services = services(database);
        User robin = ShareFixtures.yearOfRecord(services, "robin");
        String json = services.fhir().export(robin, Optional.empty(), Optional.empty(), ShareFixtures.cli());
        Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
        int pain = -1;
        int future = -1;
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Observation observation
                    && observation.getCode().getCoding().stream()
                            .anyMatch(c -> FhirCodes.PAIN_SEVERITY.equals(c.getCode()))) {
                if (pain < 0) {
                    pain = i;
                    ((Quantity) observation.getValue()).setValue(12);
                } else if (future < 0
                        && !observation
                                .getEffectiveDateTimeType()
                                .getValueAsString()
                                .equals(
                                        bundle.getEntry().get(pain).getResource() instanceof Observation first
                                                ? first.getEffectiveDateTimeType()
                                                        .getValueAsString()
                                                : "")) {
                    future = i;
                    observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2027-06-01"));
                }
            }
        }
        String bad = FhirExport.context().newJsonParser().encodeResourceToString(bundle);
        User fresh = ShareFixtures.emptyPerson(services, "fresh");
        String painPath = "Bundle.entry[" + pain + "].resource.valueQuantity.value";
        String futurePath = "Bundle.entry[" + future + "].resource.effectiveDateTime";

        assertThatThrownBy(() -> services.fhir().importBundle(fresh, bad, ShareFixtures.cli()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors().stream().map(FieldError::field))
                                .contains(painPath, futurePath));
        assertThat(diary(services, fresh)).isEmpty();
        assertThat(services.assessments().history(fresh, ShareFixtures.cli())).isEmpty();
        assertThat(services.plans().current(fresh, ShareFixtures.cli())).isEmpty();
    }

    @BothDatabases
    void observationsWithLoincPainFromAnotherSystemAreReadAndAnExistingDayFollowsTheCsvRule(Database database) {
        Services services = services(database);
        User dana = ShareFixtures.emptyPerson(services, "dana");
        LocalDate day = LocalDate.parse("2026-03-01");
        services.diary()
                .save(
                        dana,
                        new CheckIn(
                                DiaryDay.on(day).painAm(2).stress(6).build(),
                                new CheckInDetails(List.of("one_side"), List.of())),
                        "check-in",
                        ShareFixtures.cli());
        String foreign = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:0b0c4b52-2b43-4a8e-9b44-2f1b1d3a2c01", "resource": {"resourceType": "Observation",
                    "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                    "effectiveDateTime": "2026-03-01T07:45:00+01:00",
                    "valueQuantity": {"value": 4, "system": "http://unitsofmeasure.org", "code": "{score}"}}},
                  {"fullUrl": "urn:uuid:0b0c4b52-2b43-4a8e-9b44-2f1b1d3a2c02", "resource": {"resourceType": "Observation",
                    "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                    "effectiveDateTime": "2026-03-01T20:10:00+01:00", "valueInteger": 6}},
                  {"fullUrl": "urn:uuid:0b0c4b52-2b43-4a8e-9b44-2f1b1d3a2c03", "resource": {"resourceType": "Observation",
                    "status": "final", "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                    "effectiveDateTime": "2026-03-02", "valueQuantity": {"value": 3}}},
                  {"fullUrl": "urn:uuid:0b0c4b52-2b43-4a8e-9b44-2f1b1d3a2c04", "resource": {"resourceType": "Observation",
                    "status": "entered-in-error", "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                    "effectiveDateTime": "2026-03-03", "valueQuantity": {"value": 9}}},
                  {"fullUrl": "urn:uuid:0b0c4b52-2b43-4a8e-9b44-2f1b1d3a2c05", "resource": {"resourceType": "Patient",
                    "name": [{"text": "Someone Else"}]}}
                ]}""";

        FhirImporter.Report report = services.fhir().importBundle(dana, foreign, ShareFixtures.cli());

        assertThat(report.daysAdded()).isEqualTo(1);
        assertThat(report.daysUpdated()).isEqualTo(1);
        assertThat(report.ignored()).isEqualTo(2);
        SavedDay first = services.diary().day(dana, day, ShareFixtures.cli()).orElseThrow();
        // The CSV rule: the imported values replace the day's values, the check-in details stay, history keeps both.
        assertThat(first.checkIn().day())
                .isEqualTo(DiaryDay.on(day).painAm(4).painPm(6).build());
        assertThat(first.checkIn().details().locations()).containsExactly("one_side");
        assertThat(first.revision()).isEqualTo(2);
        assertThat(services.diary()
                        .day(dana, day.plusDays(1), ShareFixtures.cli())
                        .orElseThrow()
                        .checkIn()
                        .day())
                .isEqualTo(DiaryDay.on(day.plusDays(1)).painPm(3).build());
        assertThat(services.diary().day(dana, day.plusDays(2), ShareFixtures.cli()))
                .isEmpty();
    }

    @BothDatabases
    void somethingThatIsNotABundleIsRefused(Database database) {
        Services services = services(database);
        User dana = ShareFixtures.emptyPerson(services, "dana");
        for (String body :
                List.of("", "[1]", "{\"resourceType\": \"Patient\"}", "{\"resourceType\": \"Bundle\", \"type\": 3}")) {
            assertThatThrownBy(() -> services.fhir().importBundle(dana, body, ShareFixtures.cli()))
                    .isInstanceOfSatisfying(
                            BadInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("Bundle"));
        }
    }
}
