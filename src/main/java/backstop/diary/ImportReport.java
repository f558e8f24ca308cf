package backstop.diary;

import backstop.error.FieldError;
import java.util.List;

/** What an import did: days added, changed and already equal, and the rows it refused (only with skip-bad). */
public record ImportReport(int added, int updated, int unchanged, List<FieldError> skipped, List<String> warnings) {
    public ImportReport {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
