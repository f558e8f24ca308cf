package backstop.share.fhir;

import backstop.share.ShareData;

/**
 * One part of the record written into the export bundle. The export is the list of sections in order; a later part
 * of the record (outcome measures, referrals) is one more section, which may refer to what earlier ones added.
 */
@FunctionalInterface
public interface FhirSection {
    void write(ShareData data, BundleWriter bundle);
}
