package backstop.plan;

import backstop.exercise.ExerciseCatalogue;
import java.util.List;

/**
 * What the Today page shows: the day's session, what was already logged for it, the exercise catalogue, whether a log
 * was just saved, the plan it comes from, and the form's entry (fresh, or as refused with what is missing).
 */
public record TodayView(
        TodaySession session,
        List<SessionLog> logged,
        ExerciseCatalogue catalogue,
        boolean saved,
        StoredPlan stored,
        TodayEntry entry) {}
