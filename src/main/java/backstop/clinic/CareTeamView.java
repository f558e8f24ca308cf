package backstop.clinic;

import backstop.account.AuditEntry;
import backstop.error.FieldError;
import java.util.List;

/**
 * What the patient's care-team page shows: links in force and ended, the code typed and its errors, any notice, and
 * the clinicians' recent looks at their data.
 */
public record CareTeamView(
        List<CareLink> active,
        List<CareLink> ended,
        String code,
        List<FieldError> errors,
        String notice,
        List<AuditEntry> looks) {}
