package backstop.share.fhir;

import backstop.care.Referral;
import backstop.share.ShareData;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Each injection referral as a ServiceRequest (intent {@code order}): the kind in Backstop's own codes, the day, who
 * referred and to whom (by name: neither is a resource Backstop holds), the reason, and the outcome once recorded
 * ({@code completed} when the injection was done, {@code revoked} when it was not, {@code active} before).
 */
final class ReferralSection implements FhirSection {
    @Override
    public void write(ShareData data, BundleWriter bundle) {
        if (data.referrals().isEmpty()) {
            return;
        }
        Reference patient = bundle.require(PatientSection.KEY);
        for (Referral referral : data.referrals()) {
            bundle.add("referral:" + referral.id(), request(referral, patient));
        }
    }

    private static ServiceRequest request(Referral referral, Reference patient) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(status(referral));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setCode(FhirCodes.concept(
                FhirCodes.REFERRAL, referral.kind().code(), referral.kind().label()));
        request.setSubject(patient);
        request.setAuthoredOnElement(new DateTimeType(referral.referredOn().toString()));
        if (!referral.clinicianName().isBlank()) {
            request.setRequester(new Reference().setDisplay(referral.clinicianName()));
        }
        if (!referral.referredTo().isBlank()) {
            request.addPerformer(new Reference().setDisplay(referral.referredTo()));
        }
        if (!referral.reason().isBlank()) {
            request.addReasonCode(new CodeableConcept().setText(referral.reason()));
        }
        referral.outcome()
                .ifPresent(outcome -> request.addNote(new Annotation()
                        .setText((outcome == Referral.Outcome.DONE ? "Done" : "Not done")
                                + referral.outcomeOn().map(on -> " on " + on).orElse("")
                                + (referral.outcomeNote().isBlank() ? "." : ": " + referral.outcomeNote()))));
        return request;
    }

    private static ServiceRequest.ServiceRequestStatus status(Referral referral) {
        if (referral.outcome().isEmpty()) {
            return ServiceRequest.ServiceRequestStatus.ACTIVE;
        }
        return referral.outcome().get() == Referral.Outcome.DONE
                ? ServiceRequest.ServiceRequestStatus.COMPLETED
                : ServiceRequest.ServiceRequestStatus.REVOKED;
    }
}
