package backstop.share.fhir;

import backstop.care.MeasureSeries;
import backstop.share.ShareData;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Each outcome-questionnaire answer (PSFS, PGIC) as a survey Observation: the PSFS average rating as a score, the
 * PGIC answer as a coded value, and in a note the change from the first answer and whether it is larger than the
 * measure's minimal clinically important difference. Backstop's own codes: these questionnaires have no LOINC code
 * Backstop can vouch for offline.
 */
final class MeasureSection implements FhirSection {
    static final String PGIC = "pgic";

    @Override
    public void write(ShareData data, BundleWriter bundle) {
        if (data.measures().isEmpty()) {
            return;
        }
        Reference patient = bundle.require(PatientSection.KEY);
        Map<String, Integer> seen = new HashMap<>();
        for (MeasureSeries series : data.measures()) {
            for (MeasureSeries.Point point : series.points()) {
                String base = series.measure() + ":" + point.date();
                int n = seen.merge(base, 1, Integer::sum);
                bundle.add("measure:" + base + ":" + n, observation(series, point, patient));
            }
        }
    }

    private static Observation observation(MeasureSeries series, MeasureSeries.Point point, Reference patient) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(FhirCodes.category("survey", "Survey"));
        observation.setCode(FhirCodes.concept(FhirCodes.MEASURE, series.measure(), series.name()));
        observation.setSubject(patient);
        observation.addPerformer(patient);
        observation.setEffective(new DateTimeType(point.date().toString()));
        if (PGIC.equals(series.measure())) {
            observation.setValue(FhirCodes.concept(
                    FhirCodes.PGIC_ANSWER, Integer.toString(point.scoreTenths() / 10), point.scoreText()));
        } else {
            observation.setValue(new Quantity()
                    .setValue(BigDecimal.valueOf(point.scoreTenths(), 1))
                    .setUnit("score")
                    .setSystem(FhirCodes.UCUM)
                    .setCode("{score}"));
        }
        observation.addNote(new Annotation().setText(note(series, point)));
        return observation;
    }

    /** The change and the MCID in words, as the clinic chart and the visit report say them. */
    static String note(MeasureSeries series, MeasureSeries.Point point) {
        StringBuilder text = new StringBuilder();
        if (point.changeTenths().isPresent()) {
            int change = point.changeTenths().get();
            text.append("Change from the first answer: ")
                    .append(change > 0 ? "+" : "")
                    .append(BigDecimal.valueOf(change, 1).toPlainString())
                    .append(". ");
        }
        text.append(point.beyondMcid() ? "Beyond" : "Within")
                .append(" the minimal clinically important difference (")
                .append(series.mcidText())
                .append(")")
                .append(point.direction().isEmpty() ? "" : ": " + point.direction())
                .append('.');
        if (!point.detail().isEmpty()) {
            text.append(' ').append(point.detail());
        }
        return text.toString();
    }
}
