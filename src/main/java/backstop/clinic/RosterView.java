package backstop.clinic;

import java.util.List;
import java.util.Map;

/**
 * What the clinician's roster page shows: the rows on this page, how many match and the number of the first, the links
 * to the pages before and after (empty when none), the whole roster's size and open-alert counts, the filters typed and
 * any notice.
 */
public record RosterView(
        List<RosterRow> rows,
        int matching,
        int first,
        String previous,
        String next,
        int total,
        Map<AlertKind, Long> counts,
        String alert,
        String q,
        String notice) {}
