package backstop.diary;

import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** Plain SQL for diary days and their revisions. Every statement takes the person. */
final class DiaryStore {
    private static final String COLUMNS = "day, pain_am, pain_pm, desk_hours, longest_sit_min, breaks, exercise_min,"
            + " stress, sleep_quality, sleep_position, arm_load, note, locations, pain_kinds, revision, updated_at";
    // One statement each, used by a single save and by an import's batches alike.
    private static final String INSERT_DAY = "INSERT INTO diary_days (person_id, " + COLUMNS + ") VALUES (:person,"
            + " :day, :pain_am, :pain_pm, :desk_hours, :longest_sit_min, :breaks, :exercise_min, :stress,"
            + " :sleep_quality, :sleep_position, :arm_load, :note, :locations, :pain_kinds, :revision, :updated_at)";
    private static final String UPDATE_DAY = "UPDATE diary_days SET pain_am = :pain_am, pain_pm = :pain_pm,"
            + " desk_hours = :desk_hours, longest_sit_min = :longest_sit_min, breaks = :breaks,"
            + " exercise_min = :exercise_min, stress = :stress, sleep_quality = :sleep_quality,"
            + " sleep_position = :sleep_position, arm_load = :arm_load, note = :note, locations = :locations,"
            + " pain_kinds = :pain_kinds, revision = :revision, updated_at = :updated_at"
            + " WHERE person_id = :person AND day = :day";
    private static final String INSERT_REVISION = """
            INSERT INTO diary_revisions (person_id, day, revision, saved_at, saved_by, source, values_json)
            VALUES (:person, :day, :revision, :now, :by, :source, :json)""";

    List<SavedDay> range(Handle handle, long personId, LocalDate from, LocalDate to) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM diary_days"
                        + " WHERE person_id = :person AND day >= :from AND day <= :to ORDER BY day")
                .bind("person", personId)
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> map(rs))
                .list();
    }

    List<SavedDay> all(Handle handle, long personId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM diary_days WHERE person_id = :person ORDER BY day")
                .bind("person", personId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** A day as stored: the person's own values and the values a tool measured, each there or not. */
    record StoredDay(Optional<SavedDay> typed, Optional<MeasuredDay> measured) {}

    /** The day's own row and its measured values in one statement: a save reads both on the one writer thread. */
    StoredDay find(Handle handle, long personId, LocalDate day) {
        return handle.createQuery("""
                        SELECT d.*, m.desk_hours AS measured_desk_hours, m.longest_sit_min AS measured_longest_sit_min,
                               m.breaks AS measured_breaks, m.source AS measured_source,
                               m.updated_at AS measured_updated_at
                        FROM (SELECT CAST(:person AS BIGINT) AS person_id, CAST(:day AS VARCHAR(10)) AS day) wanted
                        LEFT JOIN diary_days d ON d.person_id = wanted.person_id AND d.day = wanted.day
                        LEFT JOIN diary_measured m ON m.person_id = wanted.person_id AND m.day = wanted.day""")
                .bind("person", personId)
                .bind("day", day.toString())
                .map((rs, ctx) -> new StoredDay(
                        rs.getString("day") == null ? Optional.empty() : Optional.of(map(rs)),
                        rs.getString("measured_source") == null
                                ? Optional.empty()
                                : Optional.of(mapMeasured(rs, day, "measured_"))))
                .one();
    }

    /**
     * Writes the day's new values and appends the revision that records them, in the caller's transaction;
     * {@code valuesJson} is {@link #valuesJson} of {@code checkIn}, made by the caller before the transaction so the
     * one writer thread does not spend its time on it.
     */
    void save(
            Handle handle,
            long personId,
            CheckIn checkIn,
            String valuesJson,
            int revision,
            Instant now,
            String savedBy,
            String source) {
        bindDay(handle.createUpdate(revision == 1 ? INSERT_DAY : UPDATE_DAY), personId, checkIn, revision, now)
                .execute();
        bindRevision(
                        handle.createUpdate(INSERT_REVISION),
                        personId,
                        checkIn,
                        valuesJson,
                        revision,
                        now,
                        savedBy,
                        source)
                .execute();
    }

    /** Many days at once (an import): same statements as {@link #save}, sent as batches. */
    void saveAll(
            Handle handle,
            long personId,
            List<CheckIn> inserts,
            List<CheckIn> updates,
            Map<LocalDate, Integer> revisions,
            Instant now,
            String savedBy,
            String source) {
        PreparedBatch insert = handle.prepareBatch(INSERT_DAY);
        for (CheckIn checkIn : inserts) {
            bindDay(insert, personId, checkIn, 1, now).add();
        }
        if (!inserts.isEmpty()) {
            insert.execute();
        }
        PreparedBatch update = handle.prepareBatch(UPDATE_DAY);
        for (CheckIn checkIn : updates) {
            bindDay(update, personId, checkIn, revisions.get(checkIn.day().date()), now)
                    .add();
        }
        if (!updates.isEmpty()) {
            update.execute();
        }
        PreparedBatch revision = handle.prepareBatch(INSERT_REVISION);
        for (CheckIn checkIn : concat(inserts, updates)) {
            int number = revisions.getOrDefault(checkIn.day().date(), 1);
            bindRevision(revision, personId, checkIn, valuesJson(checkIn), number, now, savedBy, source)
                    .add();
        }
        if (!inserts.isEmpty() || !updates.isEmpty()) {
            revision.execute();
        }
    }

    /** Every revision of every day, grouped by day, newest revision first; one query for a whole export. */
    Map<LocalDate, List<DiaryRevision>> allRevisions(Handle handle, long personId) {
        Map<LocalDate, List<DiaryRevision>> byDay = new java.util.TreeMap<>();
        handle.createQuery("""
                        SELECT day, revision, saved_at, saved_by, source, values_json FROM diary_revisions
                        WHERE person_id = :person ORDER BY day, revision DESC""")
                .bind("person", personId)
                .map((rs, ctx) -> {
                    LocalDate day = LocalDate.parse(rs.getString("day"));
                    return Map.entry(
                            day,
                            new DiaryRevision(
                                    rs.getInt("revision"),
                                    rs.getTimestamp("saved_at").toInstant(),
                                    rs.getString("saved_by"),
                                    rs.getString("source"),
                                    parse(day, rs.getString("values_json"))));
                })
                .forEach(entry -> byDay.computeIfAbsent(entry.getKey(), d -> new java.util.ArrayList<>())
                        .add(entry.getValue()));
        return byDay;
    }

    List<DiaryRevision> revisions(Handle handle, long personId, LocalDate day) {
        return handle.createQuery("""
                        SELECT revision, saved_at, saved_by, source, values_json FROM diary_revisions
                        WHERE person_id = :person AND day = :day ORDER BY revision DESC""")
                .bind("person", personId)
                .bind("day", day.toString())
                .map((rs, ctx) -> new DiaryRevision(
                        rs.getInt("revision"),
                        rs.getTimestamp("saved_at").toInstant(),
                        rs.getString("saved_by"),
                        rs.getString("source"),
                        parse(day, rs.getString("values_json"))))
                .list();
    }

    /** Measured values of the days from {@code from} to {@code to}, both included, in date order. */
    List<MeasuredDay> measured(Handle handle, long personId, LocalDate from, LocalDate to) {
        return handle.createQuery("SELECT day, desk_hours, longest_sit_min, breaks, source, updated_at"
                        + " FROM diary_measured WHERE person_id = :person AND day >= :from AND day <= :to ORDER BY day")
                .bind("person", personId)
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> mapMeasured(rs, LocalDate.parse(rs.getString("day")), ""))
                .list();
    }

    /** The measured values of {@code day} from the columns named {@code prefix} + the column of diary_measured. */
    private static MeasuredDay mapMeasured(ResultSet rs, LocalDate day, String prefix) throws SQLException {
        double desk = rs.getDouble(prefix + "desk_hours");
        java.util.OptionalDouble hours =
                rs.wasNull() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(desk);
        return new MeasuredDay(
                day,
                hours,
                readInt(rs, prefix + "longest_sit_min"),
                readInt(rs, prefix + "breaks"),
                rs.getString(prefix + "source"),
                rs.getTimestamp(prefix + "updated_at").toInstant());
    }

    /** Replaces the day's measured values (a day's measurement is always recomputed whole). */
    void saveMeasured(Handle handle, long personId, MeasuredDay day) {
        handle.createUpdate("DELETE FROM diary_measured WHERE person_id = :person AND day = :day")
                .bind("person", personId)
                .bind("day", day.date().toString())
                .execute();
        var insert = handle.createUpdate("INSERT INTO diary_measured"
                        + " (person_id, day, desk_hours, longest_sit_min, breaks, source, updated_at)"
                        + " VALUES (:person, :day, :desk_hours, :longest_sit_min, :breaks, :source, :updated_at)")
                .bind("person", personId)
                .bind("day", day.date().toString())
                .bindByType(
                        "desk_hours",
                        day.deskHours().isPresent() ? day.deskHours().getAsDouble() : null,
                        Double.class)
                .bind("source", day.source())
                .bind("updated_at", day.updatedAt());
        bindInt(insert, "longest_sit_min", day.longestSitMin());
        bindInt(insert, "breaks", day.breaks());
        insert.execute();
    }

    boolean submissionSeen(Handle handle, long personId, String submissionId) {
        return handle.createQuery("SELECT COUNT(*) FROM diary_submissions WHERE person_id = :person"
                                + " AND submission_id = :submission")
                        .bind("person", personId)
                        .bind("submission", submissionId)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    void recordSubmission(Handle handle, long personId, String submissionId, LocalDate day, Instant now) {
        handle.createUpdate("""
                        INSERT INTO diary_submissions (person_id, submission_id, day, received_at)
                        VALUES (:person, :submission, :day, :now)""")
                .bind("person", personId)
                .bind("submission", submissionId)
                .bind("day", day.toString())
                .bind("now", now)
                .execute();
    }

    void deleteMeasured(Handle handle, long personId, LocalDate day) {
        handle.createUpdate("DELETE FROM diary_measured WHERE person_id = :person AND day = :day")
                .bind("person", personId)
                .bind("day", day.toString())
                .execute();
    }

    /** The row of {@code diary_revisions} that records this save. */
    private static <S extends SqlStatement<S>> S bindRevision(
            S statement,
            long personId,
            CheckIn checkIn,
            String valuesJson,
            int revision,
            Instant now,
            String savedBy,
            String source) {
        return statement
                .bind("person", personId)
                .bind("day", checkIn.day().date().toString())
                .bind("revision", revision)
                .bind("now", now)
                .bind("by", savedBy)
                .bind("source", source)
                .bind("json", valuesJson);
    }

    private static <S extends SqlStatement<S>> S bindDay(
            S statement, long personId, CheckIn checkIn, int revision, Instant now) {
        DiaryDay day = checkIn.day();
        statement.bind("person", personId).bind("day", day.date().toString());
        bindInt(statement, "pain_am", day.painAm());
        bindInt(statement, "pain_pm", day.painPm());
        // Typed binds (never bare nulls), so every row of a batch binds each column the same way.
        statement.bindByType(
                "desk_hours", day.deskHours().isPresent() ? day.deskHours().getAsDouble() : null, Double.class);
        bindInt(statement, "longest_sit_min", day.longestSitMin());
        bindInt(statement, "breaks", day.breaks());
        bindInt(statement, "exercise_min", day.exerciseMin());
        bindInt(statement, "stress", day.stress());
        bindInt(statement, "sleep_quality", day.sleepQuality());
        statement.bindByType(
                "sleep_position", day.sleepPosition().map(SleepPosition::code).orElse(null), String.class);
        bindInt(
                statement,
                "arm_load",
                day.armLoad().map(ArmLoad::level).map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()));
        return statement
                .bind("note", day.note())
                .bind("locations", String.join(",", checkIn.details().locations()))
                .bind("pain_kinds", String.join(",", checkIn.details().painKinds()))
                .bind("revision", revision)
                .bind("updated_at", now);
    }

    private static void bindInt(SqlStatement<?> statement, String name, java.util.OptionalInt value) {
        statement.bindByType(name, value.isPresent() ? value.getAsInt() : null, Integer.class);
    }

    private static SavedDay map(ResultSet rs) throws SQLException {
        DiaryDay.Builder day = DiaryDay.on(LocalDate.parse(rs.getString("day")));
        readInt(rs, "pain_am").ifPresent(day::painAm);
        readInt(rs, "pain_pm").ifPresent(day::painPm);
        double desk = rs.getDouble("desk_hours");
        if (!rs.wasNull()) {
            day.deskHours(desk);
        }
        readInt(rs, "longest_sit_min").ifPresent(day::longestSitMin);
        readInt(rs, "breaks").ifPresent(day::breaks);
        readInt(rs, "exercise_min").ifPresent(day::exerciseMin);
        readInt(rs, "stress").ifPresent(day::stress);
        readInt(rs, "sleep_quality").ifPresent(day::sleepQuality);
        String position = rs.getString("sleep_position");
        if (position != null) {
            day.sleepPosition(SleepPosition.fromCode(position).orElseThrow());
        }
        readInt(rs, "arm_load")
                .ifPresent(level -> day.armLoad(ArmLoad.fromLevel(level).orElseThrow()));
        day.note(rs.getString("note"));
        CheckInDetails details =
                new CheckInDetails(split(rs.getString("locations")), split(rs.getString("pain_kinds")));
        return new SavedDay(
                new CheckIn(day.build(), details),
                rs.getInt("revision"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static java.util.OptionalInt readInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(value);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }

    /** The values a revision keeps, as the JSON of {@code diary_revisions.values_json}. */
    static String valuesJson(CheckIn checkIn) {
        try {
            return Json.mapper().writeValueAsString(DiaryFields.toMap(checkIn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a diary day always serialises", e);
        }
    }

    private static CheckIn parse(LocalDate day, String json) {
        try {
            return DiaryFields.fromBody(day, Json.mapper().readValue(json, CheckInBody.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored diary revision is not JSON", e);
        }
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
