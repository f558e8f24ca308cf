package backstop.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Filters for the admin's audit page; every filter is optional, newest entries come first. */
public record AuditQuery(
        Optional<String> actor,
        Optional<String> subject,
        Optional<String> action,
        Optional<Instant> from,
        Optional<Instant> to,
        int limit,
        int offset) {
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit, 0);
    }
}
