package backstop.share.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The code systems and codes Backstop writes in FHIR. LOINC is used only where a LOINC code means exactly what the
 * diary asks (see docs/formats.md); everything else is in Backstop's own code systems under
 * {@link #BASE}, which are not published terminologies and say so.
 */
public final class FhirCodes {
    private FhirCodes() {}

    /** The canonical base of everything Backstop defines in FHIR (the same host as its JSON Schemas). */
    public static final String BASE = "https://backstop.example/fhir";

    public static final String LOINC = "http://loinc.org";
    /** LOINC 72514-3: Pain severity - 0-10 verbal numeric rating [Score] - Reported. */
    public static final String PAIN_SEVERITY = "72514-3";

    public static final String PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** Diary values, the assessment and plan items: Backstop's own codes (not a published terminology). */
    public static final String OWN = BASE + "/CodeSystem/backstop";

    public static final String CAUSE = BASE + "/CodeSystem/cause";
    public static final String URGENCY = BASE + "/CodeSystem/urgency";
    public static final String EXERCISE = BASE + "/CodeSystem/exercise";
    public static final String INTAKE_ANSWER = BASE + "/CodeSystem/intake-answer";
    public static final String SLEEP_POSITION = BASE + "/CodeSystem/sleep-position";
    public static final String ARM_LOAD = BASE + "/CodeSystem/arm-load";
    public static final String LOCATION = BASE + "/CodeSystem/pain-location";
    public static final String PAIN_KIND = BASE + "/CodeSystem/pain-kind";
    /** Outcome questionnaires (psfs, pgic), as in src/main/resources/care/measures-v1.json. */
    public static final String MEASURE = BASE + "/CodeSystem/outcome-measure";
    /** The PGIC answers, 1 (very much better) to 7 (very much worse). */
    public static final String PGIC_ANSWER = BASE + "/CodeSystem/pgic-answer";
    /** Injection referral kinds (trigger_point, epidural). */
    public static final String REFERRAL = BASE + "/CodeSystem/injection-referral";

    /** The intake questionnaire's canonical URL; each intake version is a {@code version} of it. */
    public static final String QUESTIONNAIRE = BASE + "/Questionnaire/backstop-intake";

    /** The plan exactly as Backstop stores it (JSON), so an import gives back the same plan. */
    public static final String PLAN_DOCUMENT = BASE + "/StructureDefinition/plan-document";
    /** The preferences the plan was made with (JSON). */
    public static final String PLAN_PREFERENCES = BASE + "/StructureDefinition/plan-preferences";

    /** Every LOINC code Backstop writes; a test checks each against the list in the test resources. */
    public static final List<String> LOINC_CODES_WRITTEN = List.of(PAIN_SEVERITY);

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept()
                .addCoding(new Coding(system, code, display))
                .setText(display);
    }

    static CodeableConcept category(String code, String display) {
        return new CodeableConcept().addCoding(new Coding(OBSERVATION_CATEGORY, code, display));
    }
}
