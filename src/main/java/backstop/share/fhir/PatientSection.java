package backstop.share.fhir;

import backstop.share.ShareData;
import org.hl7.fhir.r4.model.Patient;

/** The person as a Patient with only what the account holds: the name they gave. Nothing is invented. */
final class PatientSection implements FhirSection {
    static final String KEY = "patient";

    @Override
    public void write(ShareData data, BundleWriter bundle) {
        Patient patient = new Patient();
        patient.addName().setText(data.person().displayName());
        bundle.add(KEY, patient);
    }
}
