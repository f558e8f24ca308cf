package backstop.care;

import backstop.json.Doc;
import java.util.List;
import java.util.Optional;

/** What the person answers: up to five activities rated 0 to 10 (PSFS), or one choice (PGIC). */
public record MeasureAnswer(
        @Doc(maxItems = 5) List<Activity> activities,
        @Doc(minimum = 1, maximum = 7) Optional<Integer> choice) {
    public MeasureAnswer {
        activities = activities == null ? List.of() : List.copyOf(activities);
        choice = choice == null ? Optional.empty() : choice;
    }

    /** One activity the pain limits and how well it can be done today (0 cannot, 10 as before the pain). */
    public record Activity(
            String activity, @Doc(minimum = 0, maximum = 10) int rating) {}
}
