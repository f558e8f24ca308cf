package backstop.share.fhir;

import backstop.assessment.AssessmentResult;
import backstop.assessment.AssessmentResult.CauseScore;
import backstop.assessment.AssessmentResult.Evidence;
import backstop.share.ShareData;
import backstop.share.ShareData.TakenAssessment;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Each assessment: the intake as a QuestionnaireResponse to the Questionnaire of its version (which goes into the
 * bundle too), and the result as Observations, not as a ClinicalImpression: Backstop scores answers by published
 * rules, it does not diagnose. A parent Observation holds the urgency and the summary and has one member per cause
 * with its score and, as notes, the evidence behind it.
 */
final class AssessmentSection implements FhirSection {
    static final String NOT_A_DIAGNOSIS = "Scores come from the person's own answers to Backstop's intake, by"
            + " Backstop's published rules. They are not a diagnosis.";

    @Override
    public void write(ShareData data, BundleWriter bundle) {
        Reference patient = bundle.require(PatientSection.KEY);
        for (TakenAssessment taken : data.assessments()) {
            int version = taken.questionnaire().intakeVersion();
            String questionnaireKey = "questionnaire:" + version;
            if (bundle.reference(questionnaireKey).isEmpty()) {
                bundle.add(questionnaireKey, IntakeFhir.questionnaire(taken.questionnaire()));
            }
            long id = taken.stored().id();
            Reference intake = bundle.add(
                    "intake:" + id,
                    IntakeFhir.response(
                            taken.questionnaire(),
                            taken.intake(),
                            taken.stored().takenAt(),
                            patient));
            AssessmentResult result = taken.stored().result();
            DateTimeType when = instant(taken.stored().takenAt());
            List<Reference> members = new ArrayList<>();
            for (CauseScore cause : result.causes()) {
                Observation score = base(patient, when)
                        .setCode(
                                FhirCodes.concept(FhirCodes.CAUSE, cause.cause().key(), cause.label()))
                        .setValue(new IntegerType(cause.score()));
                score.addDerivedFrom(intake);
                score.addComponent()
                        .setCode(FhirCodes.concept(FhirCodes.OWN, "active-cause", "At or above the plan's threshold"))
                        .setValue(new BooleanType(result.activeCauses().contains(cause.cause())));
                for (Evidence evidence : cause.evidence()) {
                    score.addNote(new Annotation().setText(evidenceText(evidence)));
                }
                score.addNote(new Annotation().setText(NOT_A_DIAGNOSIS));
                members.add(bundle.add(key(id, cause.cause().key()), score));
            }
            Observation overall = base(patient, when)
                    .setCode(FhirCodes.concept(
                            FhirCodes.OWN, "assessment", "Backstop assessment: urgency and cause scores"))
                    .setValue(FhirCodes.concept(
                            FhirCodes.URGENCY, result.urgency().key(), result.urgencyAdvice()));
            overall.addDerivedFrom(intake);
            members.forEach(overall::addHasMember);
            overall.addNote(new Annotation().setText(result.summary()));
            result.redFlags()
                    .forEach(flag -> overall.addNote(
                            new Annotation().setText("Warning sign: " + flag.reason() + " " + flag.action())));
            result.findings()
                    .forEach(finding -> overall.addNote(new Annotation()
                            .setText("Finding: " + finding.label()
                                    + (finding.evidence().isEmpty()
                                            ? ""
                                            : " (" + String.join("; ", finding.evidence()) + ")"))));
            overall.addNote(new Annotation()
                    .setText("Rules: " + result.rulesVersionInWords() + " (" + result.rulesVersion() + ")."));
            overall.addNote(new Annotation().setText(NOT_A_DIAGNOSIS));
            bundle.add(key(id, ""), overall);
        }
    }

    static String key(long assessmentId, String cause) {
        return "assessment:" + assessmentId + (cause.isEmpty() ? "" : ":" + cause);
    }

    static String evidenceText(Evidence evidence) {
        return String.format(
                Locale.ROOT,
                "%+d%s: %s",
                evidence.points(),
                evidence.kind().isEmpty() ? "" : " (" + evidence.kind() + ")",
                evidence.text());
    }

    private static Observation base(Reference patient, DateTimeType when) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirCodes.category("survey", "Survey"));
        observation.setSubject(patient);
        observation.setEffective(when.copy());
        return observation;
    }

    static DateTimeType instant(java.time.Instant instant) {
        return new DateTimeType(
                Date.from(instant), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone("UTC"));
    }
}
