package backstop.plan;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the plan asks for on one date: the session(s) due, and the micro-breaks to rotate through at the desk.
 * Empty sessions mean a rest day (or a date before the plan starts).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TodaySession(LocalDate date, List<Session> sessions, List<PlanExercise> microBreak) {
    public TodaySession {
        Objects.requireNonNull(date, "date");
        sessions = List.copyOf(sessions);
        microBreak = List.copyOf(microBreak);
    }

    /** A blank log for each exercise due today: planned values filled in, performed values to come from the person. */
    public List<SessionLog.Planned> toLog() {
        return sessions.stream()
                .flatMap(session -> session.exercises().stream())
                .map(exercise -> SessionLog.Planned.of(date, exercise))
                .toList();
    }
}
