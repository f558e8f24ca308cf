package backstop.clinic;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One link between a clinician and a person, as the person's care-team page shows it: who, since when, and — once
 * it ended — when and by whom ({@code revoked} by the person, {@code ended} by the clinician).
 */
public record CareLink(
        long id,
        long clinicianId,
        String clinicianName,
        long personId,
        String personName,
        Instant acceptedAt,
        Optional<Instant> endedAt,
        Optional<String> endReason) {
    public CareLink {
        Objects.requireNonNull(clinicianName, "clinicianName");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
    }

    public boolean active() {
        return endedAt.isEmpty();
    }
}
