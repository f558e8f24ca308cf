package backstop.clinic;

import backstop.account.User;
import java.time.Instant;
import java.util.Objects;

/** A person a clinician is linked with, and since when (the moment the person accepted). */
public record Patient(User person, long linkId, Instant linkedSince) {
    public Patient {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(linkedSince, "linkedSince");
    }
}
