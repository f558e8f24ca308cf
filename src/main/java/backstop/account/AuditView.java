package backstop.account;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader of the audit trail may see of a line's detail. Decided here, when the trail is read, so every
 * {@code audit.record(...)} call there is or ever will be is covered without the caller doing anything:
 *
 * <ul>
 *   <li>The person the line is about (and, once linking exists, their linked clinicians) sees it whole.
 *   <li>An admin sees who, what, when, from where and which record; the free-text detail only for account
 *       administration (sign-ups, sign-ins, roles, tokens, passwords, two-factor), which holds no health data.
 *       Everything else (an assessment's urgency, a plan's reason, whatever a future feature writes) is withheld.
 * </ul>
 *
 * The record is the start of the detail when it names a record of the action's own kind ("assessment 12" for
 * {@code assessment.create}) or a date or date range ("2026-03-04", "2026-03-01 to 2026-03-31"): write details
 * that way and the admin sees which record was touched, and nothing more.
 */
public enum AuditView {
    /** The person the entries are about: everything. */
    SUBJECT,
    /** A server operator: who, what, which record; no health data. */
    ADMIN;

    /** Actions whose first segment is one of these describe accounts, not health. */
    static final Set<String> ACCOUNT_NAMESPACES =
            Set.of("account", "login", "logout", "token", "session", "password", "two_factor", "admin", "server");

    private static final Pattern DATES = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?: to \\d{4}-\\d{2}-\\d{2})?");

    static String namespace(String action) {
        int dot = action.indexOf('.');
        return dot < 0 ? action : action.substring(0, dot);
    }

    /** The record a line is about, taken from the start of its detail; empty when the detail does not name one. */
    static String record(String action, String detail) {
        Matcher dates = DATES.matcher(detail);
        if (dates.find()) {
            return dates.group();
        }
        Matcher own = Pattern.compile("^" + Pattern.quote(namespace(action)) + " \\d{1,19}(?![\\w.])")
                .matcher(detail);
        return own.find() ? own.group() : "";
    }

    AuditEntry show(
            long id, java.time.Instant at, String actor, String action, String subject, String address, String detail) {
        String record = record(action, detail);
        boolean visible = this == SUBJECT || ACCOUNT_NAMESPACES.contains(namespace(action));
        return new AuditEntry(id, at, actor, action, subject, address, record, visible ? detail : "", !visible);
    }
}
