package backstop.share.fhir;

import backstop.share.ShareData;
import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A person's record as one FHIR R4 {@code Bundle} of type {@code collection}, written section by section: the
 * Patient first, then the diary, the assessments, the plan with its logged sessions, the outcome measures
 * and the injection referrals. Pure: the same record gives
 * the same bundle. The mapping, element by element, is in docs/formats.md.
 */
public final class FhirExport {
    /** The sections in the order they are written; a section may refer only to what an earlier one added. */
    static final List<FhirSection> SECTIONS = List.of(
            new PatientSection(),
            new DiarySection(),
            new AssessmentSection(),
            new PlanSection(),
            new MeasureSection(),
            new ReferralSection());

    private FhirExport() {}

    /** HAPI's R4 context: expensive to make, shared, thread-safe. */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    public static Bundle bundle(ShareData data) {
        return bundle(data, SECTIONS);
    }

    /** The bundle written by these sections (the list a later part of the record extends). */
    public static Bundle bundle(ShareData data, List<FhirSection> sections) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        String seed = "backstop-person-" + data.person().id() + "-" + data.from() + "-" + data.to();
        bundle.setIdentifier(new Identifier()
                .setSystem(FhirCodes.BASE + "/export")
                .setValue(UUID.nameUUIDFromBytes(
                                (seed + "@" + data.readAt()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString()));
        bundle.setTimestamp(java.util.Date.from(data.readAt()));
        BundleWriter writer = new BundleWriter(bundle, seed);
        sections.forEach(section -> section.write(data, writer));
        return bundle;
    }

    /** The bundle as FHIR JSON, compact: a year of record stays well inside the 5 MB a request may carry. */
    public static String json(ShareData data) {
        return context().newJsonParser().encodeResourceToString(bundle(data));
    }
}
