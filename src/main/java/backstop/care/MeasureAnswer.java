package backstop.care;

import java.util.List;
import java.util.Optional;

/** What the person answers: up to five activities rated 0 to 10 (PSFS), or one choice (PGIC). */
public record MeasureAnswer(List<Activity> activities, Optional<Integer> choice) {
    public MeasureAnswer {
        activities = activities == null ? List.of() : List.copyOf(activities);
        choice = choice == null ? Optional.empty() : choice;
    }

    /** One activity the pain limits and how well it can be done today (0 cannot, 10 as before the pain). */
    public record Activity(String activity, int rating) {}
}
