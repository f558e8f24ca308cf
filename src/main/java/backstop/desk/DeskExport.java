package backstop.desk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings, every event, the kept calendar and the measured diary values, in the account export; each part as the
 * desk API writes it ({@link DeskJson}). A part the person never set is null.
 */
public record DeskExport(
        Optional<Map<String, Object>> settings,
        List<Map<String, Object>> events,
        Optional<Map<String, Object>> calendar,
        List<Map<String, Object>> measuredDays) {
    public DeskExport {
        events = List.copyOf(events);
        measuredDays = List.copyOf(measuredDays);
    }
}
