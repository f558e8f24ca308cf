package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Plain SQL for plan versions and session logs; every statement takes the person. */
final class PlanStore {
    private static final String PLAN_COLUMNS = "p.id, p.person_id, p.assessment_id, p.created_at, p.reason,"
            + " p.preferences_json, p.plan_json, p.author_id, p.author_name, p.note, p.held_json";
    private static final String PLAN_FROM = " FROM plans p";
    private static final String LOG_COLUMNS =
            "day, exercise_id, target_sets, target_reps, target_hold_seconds, done_sets,"
                    + " done_reps, done_hold_seconds, pain_before, pain_during";

    long insert(
            Handle handle,
            long personId,
            long assessmentId,
            Instant now,
            String reason,
            PlanPreferences preferences,
            Plan plan,
            Optional<PlanChange> change,
            List<String> held) {
        return handle.createUpdate("""
                        INSERT INTO plans (person_id, assessment_id, created_at, start_date, reason, preferences_json,
                            plan_json, author_id, author_name, note, held_json)
                        VALUES (:person, :assessment, :now, :start, :reason, :preferences, :plan, :author, :author_name, :note, :held)""")
                .bind("person", personId)
                .bind("assessment", assessmentId)
                .bind("now", now)
                .bind("start", plan.start().toString())
                .bind("reason", reason)
                .bind("preferences", json(preferences))
                .bind("plan", plan.toJson())
                .bind("author", change.map(PlanChange::authorId).orElse(null))
                .bind("author_name", change.map(PlanChange::authorName).orElse(null))
                .bind("note", change.map(PlanChange::note).orElse(null))
                .bind("held", json(List.copyOf(held)))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<StoredPlan> current(Handle handle, long personId) {
        return handle.createQuery("SELECT " + PLAN_COLUMNS + PLAN_FROM
                        + " WHERE p.person_id = :person ORDER BY p.id DESC LIMIT 1")
                .bind("person", personId)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** The day the person's first plan began: recurrence is compared before and after it. */
    Optional<LocalDate> firstStart(Handle handle, long personId) {
        return handle.createQuery("SELECT MIN(start_date) FROM plans WHERE person_id = :person")
                .bind("person", personId)
                .mapTo(String.class)
                .findOne()
                .map(LocalDate::parse);
    }

    List<StoredPlan> versions(Handle handle, long personId) {
        return handle.createQuery(
                        "SELECT " + PLAN_COLUMNS + PLAN_FROM + " WHERE p.person_id = :person ORDER BY p.id DESC")
                .bind("person", personId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    void insertLogs(Handle handle, long personId, long planId, List<LoggedExercise> logs, Instant now) {
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO session_logs (person_id, plan_id, day, exercise_id, target_sets, target_reps,
                    target_hold_seconds, done_sets, done_reps, done_hold_seconds, pain_before, pain_during,
                    estimated_seconds, logged_at)
                VALUES (:person, :plan, :day, :exercise, :target_sets, :target_reps, :target_hold, :sets, :reps, :hold,
                    :pain_before, :pain_during, :estimated, :now)""");
        for (LoggedExercise logged : logs) {
            SessionLog log = logged.log();
            batch.bind("person", personId)
                    .bind("plan", planId)
                    .bind("day", log.date().toString())
                    .bind("exercise", log.exerciseId())
                    .bind("target_sets", log.targetSets())
                    .bind("target_reps", log.targetReps())
                    .bind("target_hold", log.targetHoldSeconds())
                    .bind("sets", log.sets())
                    .bind("reps", log.reps())
                    .bind("hold", log.holdSeconds())
                    .bind("pain_before", log.painBefore())
                    .bind("pain_during", log.painDuring())
                    .bind("estimated", logged.estimatedSeconds())
                    .bind("now", now)
                    .add();
        }
        if (!logs.isEmpty()) {
            batch.execute();
        }
    }

    /** Logs from {@code from} to {@code to}, both included; pain next morning is filled in by the caller. */
    List<SessionLog> logs(Handle handle, long personId, LocalDate from, LocalDate to) {
        return handle.createQuery("SELECT " + LOG_COLUMNS + " FROM session_logs WHERE person_id = :person"
                        + " AND day >= :from AND day <= :to ORDER BY day, id")
                .bind("person", personId)
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> new SessionLog(
                        LocalDate.parse(rs.getString("day")),
                        rs.getString("exercise_id"),
                        rs.getInt("target_sets"),
                        rs.getInt("target_reps"),
                        rs.getInt("target_hold_seconds"),
                        rs.getInt("done_sets"),
                        rs.getInt("done_reps"),
                        rs.getInt("done_hold_seconds"),
                        rs.getInt("pain_before"),
                        rs.getInt("pain_during"),
                        Optional.empty()))
                .list();
    }

    /** Seconds of exercise logged on a day, from each exercise's time estimate; for the diary's exercise minutes. */
    int secondsOn(Handle handle, long personId, LocalDate day) {
        return handle.createQuery("SELECT COALESCE(SUM(estimated_seconds), 0) FROM session_logs"
                        + " WHERE person_id = :person AND day = :day AND done_sets > 0")
                .bind("person", personId)
                .bind("day", day.toString())
                .mapTo(Integer.class)
                .one();
    }

    private static StoredPlan map(ResultSet rs) throws SQLException {
        try {
            return new StoredPlan(
                    rs.getLong("id"),
                    rs.getLong("person_id"),
                    rs.getLong("assessment_id"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("reason"),
                    Json.mapper().readValue(rs.getString("preferences_json"), PlanPreferences.class),
                    Plan.fromJson(rs.getString("plan_json")),
                    change(rs),
                    List.of(Json.mapper().readValue(rs.getString("held_json"), String[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan preferences are broken", e);
        }
    }

    private static Optional<PlanChange> change(ResultSet rs) throws SQLException {
        String name = rs.getString("author_name");
        if (name == null) {
            return Optional.empty();
        }
        long author = rs.getLong("author_id"); // 0 once the clinician's account is gone
        String note = rs.getString("note");
        return Optional.of(new PlanChange(author, name, note == null ? "" : note));
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan preferences always serialise", e);
        }
    }

    /** A log with the exercise's time estimate, which the diary's exercise minutes are summed from. */
    record LoggedExercise(SessionLog log, int estimatedSeconds) {}
}
