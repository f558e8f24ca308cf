package backstop.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A measure the person is asked to fill in now: which, due since when, who asked, and for the activity scale the
 * activities they named last time (to rate again).
 */
public record MeasureTask(
        long scheduleId, String measure, String name, LocalDate due, String clinicianName, List<String> activities) {
    public MeasureTask {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(due, "due");
        activities = List.copyOf(activities);
    }
}
