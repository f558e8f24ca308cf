package backstop.account.pages;

import backstop.account.AuditEntry;
import java.util.List;

/** One page of the audit trail with the filters that chose it (the whole page and its htmx rows). */
public record AuditTrailView(List<AuditEntry> entries, Filters filters, int offset, int pageSize) {
    /** The filters as typed, carried into the links to older entries. */
    public record Filters(String actor, String subject, String action, String from, String to) {}
}
