package backstop.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail as a reader may see it; names are kept as they were when it happened. {@code record}
 * says which record it was about ("assessment 12", "2026-03-04"); {@code detail} is empty and {@code detailWithheld}
 * true when the reader is an admin and the detail may hold health data (see {@link AuditLog}).
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String subject,
        String address,
        String record,
        String detail,
        boolean detailWithheld) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(detail, "detail");
    }
}
