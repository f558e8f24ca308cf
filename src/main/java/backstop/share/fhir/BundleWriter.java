package backstop.share.fhir;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The bundle being written: each resource is added under a key that names what it is (e.g. {@code diary:2026-03-01:
 * pain-morning}), gets a {@code urn:uuid:} full URL derived from the person and the key (so an export of the same
 * record is the same bundle), and is referred to by that URL. A reference is only ever made to a resource already
 * in the bundle, so every reference resolves inside it.
 */
public final class BundleWriter {
    private final Bundle bundle;
    private final String seed;
    private final Map<String, String> urls = new HashMap<>();

    BundleWriter(Bundle bundle, String seed) {
        this.bundle = bundle;
        this.seed = seed;
    }

    /** Adds a resource and returns a reference to it. */
    public Reference add(String key, Resource resource) {
        if (urls.containsKey(key)) {
            throw new IllegalStateException("two resources under one key: " + key);
        }
        String url = "urn:uuid:" + UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8));
        urls.put(key, url);
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return new Reference(url);
    }

    /** A reference to a resource added before under this key, if there is one. */
    public Optional<Reference> reference(String key) {
        return Optional.ofNullable(urls.get(key)).map(Reference::new);
    }

    /** A reference to a resource that must have been added: the Patient, for instance. */
    public Reference require(String key) {
        return reference(key).orElseThrow(() -> new IllegalStateException("no resource " + key + " in the bundle"));
    }
}
