package backstop.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;

/**
 * One kind of exercise session and the weekdays it falls on. {@code minutes} is the estimated time of all its
 * exercises, rounded up; the generator never makes it longer than the minutes the person has.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(
        value = {"minutes", "estimated_seconds"},
        allowGetters = true)
public record Session(String id, String name, Kind kind, List<DayOfWeek> daysOfWeek, List<PlanExercise> exercises) {

    public enum Kind {
        /** Mobility, posture and relaxation: every day that is not a strength day. */
        @JsonProperty("mobility")
        MOBILITY,
        /** A short mobility warm-up, then strength and endurance work, about three days a week. */
        @JsonProperty("strength")
        STRENGTH
    }

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        daysOfWeek = daysOfWeek.stream().distinct().sorted().toList();
        exercises = List.copyOf(exercises);
    }

    @JsonProperty("estimated_seconds")
    public int estimatedSeconds() {
        return exercises.stream().mapToInt(PlanExercise::estimatedSeconds).sum();
    }

    @JsonProperty("minutes")
    public int minutes() {
        return (estimatedSeconds() + 59) / 60;
    }

    public boolean contains(String exerciseId) {
        return exercises.stream().anyMatch(exercise -> exercise.id().equals(exerciseId));
    }

    Session withExercises(List<PlanExercise> changed) {
        return new Session(id, name, kind, daysOfWeek, changed);
    }
}
