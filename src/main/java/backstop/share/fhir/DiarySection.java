package backstop.share.fhir;

import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.SavedDay;
import backstop.share.ShareData;
import java.math.BigDecimal;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Each diary day as Observations, one per recorded value, dated to the day ({@code effectiveDateTime} with day
 * precision: the diary records days, not times). Morning and evening pain carry LOINC 72514-3 and Backstop's own
 * code that says which of the two it is; the habits carry only Backstop's codes. A value the Desk page measured
 * says so in {@code method}.
 */
final class DiarySection implements FhirSection {
    /** The diary's codes in {@link FhirCodes#DIARY}, with their displays. */
    enum Code {
        PAIN_MORNING("pain-morning", "Pain on waking (0-10)", "pain_am"),
        PAIN_EVENING("pain-evening", "Pain in the evening (0-10)", "pain_pm"),
        DESK_HOURS("desk-hours", "Hours at a desk", "desk_hours"),
        LONGEST_SIT("longest-sit", "Longest sitting stretch", "longest_sit_min"),
        BREAKS("breaks", "Breaks from sitting", "breaks"),
        EXERCISE_MINUTES("exercise-minutes", "Minutes of exercise", "exercise_min"),
        STRESS("stress", "Stress (0-10)", "stress"),
        SLEEP_QUALITY("sleep-quality", "Sleep quality (0-10)", "sleep_quality"),
        SLEEP_POSITION("sleep-position", "Sleep position last night", "sleep_position"),
        ARM_LOAD("arm-load", "Lifting and arm work (level 0-3)", "arm_load"),
        NOTE("note", "Diary note", "note"),
        PAIN_DETAILS("pain-details", "Where it hurt and what kind of pain", "details");

        final String code;
        final String display;
        /** The diary's column name: the same name the CSV format and the API use. */
        final String column;

        Code(String code, String display, String column) {
            this.code = code;
            this.display = display;
            this.column = column;
        }

        static java.util.Optional<Code> of(String code) {
            for (Code value : values()) {
                if (value.code.equals(code)) {
                    return java.util.Optional.of(value);
                }
            }
            return java.util.Optional.empty();
        }
    }

    static final String MEASURED = "measured-at-desk";
    static final String LOCATION = "location";
    static final String PAIN_KIND = "pain-kind";

    @Override
    public void write(ShareData data, BundleWriter bundle) {
        Reference patient = bundle.require(PatientSection.KEY);
        for (SavedDay saved : data.days()) {
            DiaryDay day = saved.checkIn().day();
            String date = day.date().toString();
            day.painAm().ifPresent(pain -> add(bundle, patient, saved, Code.PAIN_MORNING, score(pain)));
            day.painPm().ifPresent(pain -> add(bundle, patient, saved, Code.PAIN_EVENING, score(pain)));
            day.deskHours()
                    .ifPresent(hours -> add(
                            bundle, patient, saved, Code.DESK_HOURS, quantity(BigDecimal.valueOf(hours), "h", "h")));
            day.longestSitMin()
                    .ifPresent(min -> add(bundle, patient, saved, Code.LONGEST_SIT, quantity(min, "min", "min")));
            day.breaks()
                    .ifPresent(
                            count -> add(bundle, patient, saved, Code.BREAKS, quantity(count, "breaks per day", "/d")));
            day.exerciseMin()
                    .ifPresent(min -> add(bundle, patient, saved, Code.EXERCISE_MINUTES, quantity(min, "min", "min")));
            day.stress().ifPresent(level -> add(bundle, patient, saved, Code.STRESS, score(level)));
            day.sleepQuality().ifPresent(level -> add(bundle, patient, saved, Code.SLEEP_QUALITY, score(level)));
            day.sleepPosition()
                    .ifPresent(position -> add(
                            bundle,
                            patient,
                            saved,
                            Code.SLEEP_POSITION,
                            FhirCodes.concept(FhirCodes.SLEEP_POSITION, position.code(), position.code())));
            day.armLoad()
                    .ifPresent(load -> add(
                            bundle,
                            patient,
                            saved,
                            Code.ARM_LOAD,
                            FhirCodes.concept(FhirCodes.ARM_LOAD, String.valueOf(load.level()), load.label())));
            if (!day.note().isEmpty()) {
                add(bundle, patient, saved, Code.NOTE, new StringType(day.note()));
            }
            CheckInDetails details = saved.checkIn().details();
            if (!details.equals(CheckInDetails.none())) {
                Observation observation = observation(patient, day, Code.PAIN_DETAILS);
                details.locations()
                        .forEach(location -> observation
                                .addComponent()
                                .setCode(FhirCodes.concept(FhirCodes.OWN, LOCATION, "Where it hurt"))
                                .setValue(FhirCodes.concept(FhirCodes.LOCATION, location, location)));
                details.painKinds()
                        .forEach(kind -> observation
                                .addComponent()
                                .setCode(FhirCodes.concept(FhirCodes.OWN, PAIN_KIND, "Kind of pain"))
                                .setValue(FhirCodes.concept(FhirCodes.PAIN_KIND, kind, kind)));
                bundle.add("diary:" + date + ":" + Code.PAIN_DETAILS.code, observation);
            }
        }
    }

    private static void add(BundleWriter bundle, Reference patient, SavedDay saved, Code code, Type value) {
        DiaryDay day = saved.checkIn().day();
        Observation observation = observation(patient, day, code).setValue(value);
        if (saved.measured().contains(code.column)) {
            observation.setMethod(FhirCodes.concept(FhirCodes.OWN, MEASURED, "Measured by the Desk page"));
        }
        bundle.add("diary:" + day.date() + ":" + code.code, observation);
    }

    private static Observation observation(Reference patient, DiaryDay day, Code code) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        boolean pain = code == Code.PAIN_MORNING || code == Code.PAIN_EVENING;
        observation.addCategory(
                pain || code == Code.PAIN_DETAILS || code == Code.NOTE
                        ? FhirCodes.category("survey", "Survey")
                        : FhirCodes.category("activity", "Activity"));
        CodeableConcept concept = new CodeableConcept();
        if (pain) {
            concept.addCoding(new Coding(FhirCodes.LOINC, FhirCodes.PAIN_SEVERITY, FhirCodes.PAIN_SEVERITY_DISPLAY));
        }
        concept.addCoding(new Coding(FhirCodes.OWN, code.code, code.display)).setText(code.display);
        observation.setCode(concept);
        observation.setSubject(patient);
        // The person recorded it themselves.
        observation.addPerformer(patient);
        observation.setEffective(new DateTimeType(day.date().toString()));
        return observation;
    }

    static Quantity score(int value) {
        return quantity(value, "score", "{score}");
    }

    private static Quantity quantity(int value, String unit, String code) {
        return quantity(BigDecimal.valueOf(value), unit, code);
    }

    private static Quantity quantity(BigDecimal value, String unit, String code) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(FhirCodes.UCUM)
                .setCode(code);
    }

    static List<Code> codes() {
        return List.of(Code.values());
    }
}
