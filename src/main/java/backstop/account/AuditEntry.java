package backstop.account;

import java.time.Instant;
import java.util.Objects;

/** One line of the audit trail as stored; names are kept as they were when it happened. */
public record AuditEntry(
        long id, Instant at, String actor, String action, String subject, String address, String detail) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(detail, "detail");
    }
}
