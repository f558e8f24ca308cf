package backstop.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Plain SQL for the assessments table. Every read takes the person: there is no query across people. */
final class AssessmentStore {
    private static final String COLUMNS = "id, person_id, taken_at, result_json";

    long insert(Handle handle, long personId, Instant takenAt, String intakeJson, AssessmentResult result) {
        return handle.createUpdate("""
                        INSERT INTO assessments (person_id, taken_at, rules_version, urgency, intake_json, result_json)
                        VALUES (:person, :at, :rules, :urgency, :intake, :result)""")
                .bind("person", personId)
                .bind("at", takenAt)
                .bind("rules", result.rulesVersion())
                .bind("urgency", result.urgency().key())
                .bind("intake", intakeJson)
                .bind("result", result.toJson())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** The assessment with this id if it belongs to this person. */
    Optional<StoredAssessment> find(Handle handle, long personId, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM assessments WHERE id = :id AND person_id = :person")
                .bind("id", id)
                .bind("person", personId)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** Whether an assessment with this id exists at all; only to tell "not yours" from "not there" in the audit. */
    boolean exists(Handle handle, long id) {
        return handle.createQuery("SELECT COUNT(*) FROM assessments WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    /** Newest first. */
    List<StoredAssessment> history(Handle handle, long personId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM assessments WHERE person_id = :person"
                        + " ORDER BY taken_at DESC, id DESC")
                .bind("person", personId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    Optional<String> intake(Handle handle, long personId, long id) {
        return handle.createQuery("SELECT intake_json FROM assessments WHERE id = :id AND person_id = :person")
                .bind("id", id)
                .bind("person", personId)
                .mapTo(String.class)
                .findOne();
    }

    private static StoredAssessment map(ResultSet rs) throws SQLException {
        return new StoredAssessment(
                rs.getLong("id"),
                rs.getLong("person_id"),
                rs.getTimestamp("taken_at").toInstant(),
                AssessmentResult.fromJson(rs.getString("result_json")));
    }
}
