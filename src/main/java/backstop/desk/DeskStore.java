package backstop.desk;

import backstop.insights.AlternatingWeeks;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/** Plain SQL for desk events, settings and the kept calendar. Every statement takes the person. */
final class DeskStore {
    private static final String EVENT_COLUMNS = "client_id, type, at, offset_min, kind, seconds";

    /** The person's settings, and their experiment if they started one. */
    record Stored(DeskSettings settings, Optional<AlternatingWeeks> experiment) {}

    /** The calendar as kept, where it came from and how its last fetch went. */
    record StoredCalendar(
            String source, Optional<String> url, String ics, int events, Instant fetchedAt, Optional<String> error) {}

    void insert(Handle handle, long personId, DeskEvent event, Instant recordedAt) {
        handle.createUpdate("INSERT INTO desk_events (person_id, client_id, type, at, offset_min, day, kind, seconds,"
                        + " recorded_at) VALUES (:person, :id, :type, :at, :offset, :day, :kind, :seconds, :recorded)")
                .bind("person", personId)
                .bind("id", event.id())
                .bind("type", event.type().code())
                .bind("at", event.instant())
                .bind("offset", event.at().getOffset().getTotalSeconds() / 60)
                .bind("day", event.day().toString())
                .bindByType("kind", event.kind().map(BreakKind::code).orElse(null), String.class)
                .bindByType(
                        "seconds", event.seconds().isPresent() ? event.seconds().getAsInt() : null, Integer.class)
                .bind("recorded", recordedAt)
                .execute();
    }

    Optional<DeskEvent> find(Handle handle, long personId, String clientId) {
        return handle.createQuery(
                        "SELECT " + EVENT_COLUMNS + " FROM desk_events WHERE person_id = :person AND client_id = :id")
                .bind("person", personId)
                .bind("id", clientId)
                .map((rs, ctx) -> event(rs))
                .findOne();
    }

    /** Events at or after {@code from}, in the order they happened (and were recorded). */
    List<DeskEvent> since(Handle handle, long personId, Instant from) {
        return handle.createQuery("SELECT " + EVENT_COLUMNS
                        + " FROM desk_events WHERE person_id = :person AND at >= :from ORDER BY at, id")
                .bind("person", personId)
                .bind("from", from)
                .map((rs, ctx) -> event(rs))
                .list();
    }

    /** Events of the days from {@code from} to {@code to}, both included, in the order they happened. */
    List<DeskEvent> days(Handle handle, long personId, LocalDate from, LocalDate to) {
        return handle.createQuery("SELECT " + EVENT_COLUMNS + " FROM desk_events WHERE person_id = :person"
                        + " AND day >= :from AND day <= :to ORDER BY at, id")
                .bind("person", personId)
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map((rs, ctx) -> event(rs))
                .list();
    }

    /** The person's latest work_start or work_stop: whether a working day is open, and since when. */
    Optional<DeskEvent> lastSessionEvent(Handle handle, long personId) {
        return handle.createQuery("SELECT " + EVENT_COLUMNS + " FROM desk_events WHERE person_id = :person"
                        + " AND type IN ('work_start', 'work_stop') ORDER BY at DESC, id DESC LIMIT 1")
                .bind("person", personId)
                .map((rs, ctx) -> event(rs))
                .findOne();
    }

    Optional<DeskEvent> latest(Handle handle, long personId) {
        return handle.createQuery("SELECT " + EVENT_COLUMNS
                        + " FROM desk_events WHERE person_id = :person ORDER BY at DESC, id DESC LIMIT 1")
                .bind("person", personId)
                .map((rs, ctx) -> event(rs))
                .findOne();
    }

    int count(Handle handle, long personId) {
        return handle.createQuery("SELECT COUNT(*) FROM desk_events WHERE person_id = :person")
                .bind("person", personId)
                .mapTo(Integer.class)
                .one();
    }

    Optional<Stored> settings(Handle handle, long personId) {
        return handle.createQuery("SELECT * FROM desk_settings WHERE person_id = :person")
                .bind("person", personId)
                .map((rs, ctx) -> {
                    DeskSettings settings = new DeskSettings(
                            rs.getBoolean("follow_plan"),
                            rs.getInt("micro_minutes"),
                            rs.getInt("rest_minutes"),
                            rs.getInt("rest_length_min"),
                            rs.getInt("daily_limit_min"),
                            rs.getInt("postpone_minutes"),
                            rs.getInt("max_postpones"),
                            rs.getInt("max_skips"),
                            rs.getBoolean("strict_mode"),
                            rs.getBoolean("sound"),
                            rs.getInt("idle_minutes"));
                    String start = rs.getString("experiment_start");
                    Optional<LocalDate> end =
                            Optional.ofNullable(rs.getString("experiment_end")).map(LocalDate::parse);
                    Optional<AlternatingWeeks> experiment =
                            Optional.ofNullable(start).map(first -> new AlternatingWeeks(LocalDate.parse(first), end));
                    return new Stored(settings, experiment);
                })
                .findOne();
    }

    void saveSettings(Handle handle, long personId, Stored stored, Instant now) {
        handle.createUpdate("DELETE FROM desk_settings WHERE person_id = :person")
                .bind("person", personId)
                .execute();
        DeskSettings s = stored.settings();
        handle.createUpdate("INSERT INTO desk_settings (person_id, follow_plan, micro_minutes, rest_minutes,"
                        + " rest_length_min, daily_limit_min, postpone_minutes, max_postpones, max_skips, strict_mode,"
                        + " sound, idle_minutes, experiment_start, experiment_end, updated_at) VALUES (:person,"
                        + " :follow, :micro, :rest, :restLength, :limit, :postpone, :maxPostpones, :maxSkips, :strict,"
                        + " :sound, :idle, :start, :end, :now)")
                .bind("person", personId)
                .bind("follow", s.followPlan())
                .bind("micro", s.microMinutes())
                .bind("rest", s.restMinutes())
                .bind("restLength", s.restLengthMinutes())
                .bind("limit", s.dailyLimitMinutes())
                .bind("postpone", s.postponeMinutes())
                .bind("maxPostpones", s.maxPostpones())
                .bind("maxSkips", s.maxSkips())
                .bind("strict", s.strict())
                .bind("sound", s.sound())
                .bind("idle", s.idleMinutes())
                .bindByType(
                        "start",
                        stored.experiment().map(e -> e.start().toString()).orElse(null),
                        String.class)
                .bindByType(
                        "end",
                        stored.experiment()
                                .flatMap(AlternatingWeeks::end)
                                .map(LocalDate::toString)
                                .orElse(null),
                        String.class)
                .bind("now", now)
                .execute();
    }

    Optional<StoredCalendar> calendar(Handle handle, long personId) {
        return handle.createQuery("SELECT source, url, ics, events, fetched_at, last_error FROM desk_calendars"
                        + " WHERE person_id = :person")
                .bind("person", personId)
                .map((rs, ctx) -> new StoredCalendar(
                        rs.getString("source"),
                        Optional.ofNullable(rs.getString("url")),
                        rs.getString("ics"),
                        rs.getInt("events"),
                        rs.getTimestamp("fetched_at").toInstant(),
                        Optional.ofNullable(rs.getString("last_error"))))
                .findOne();
    }

    void saveCalendar(Handle handle, long personId, StoredCalendar calendar) {
        deleteCalendar(handle, personId);
        handle.createUpdate("INSERT INTO desk_calendars (person_id, source, url, ics, events, fetched_at, last_error)"
                        + " VALUES (:person, :source, :url, :ics, :events, :fetched, :error)")
                .bind("person", personId)
                .bind("source", calendar.source())
                .bindByType("url", calendar.url().orElse(null), String.class)
                .bind("ics", calendar.ics())
                .bind("events", calendar.events())
                .bind("fetched", calendar.fetchedAt())
                .bindByType("error", calendar.error().orElse(null), String.class)
                .execute();
    }

    void calendarFailed(Handle handle, long personId, String error, Instant now) {
        handle.createUpdate(
                        "UPDATE desk_calendars SET last_error = :error, fetched_at = :now WHERE person_id = :person")
                .bind("person", personId)
                .bind("error", error)
                .bind("now", now)
                .execute();
    }

    void deleteCalendar(Handle handle, long personId) {
        handle.createUpdate("DELETE FROM desk_calendars WHERE person_id = :person")
                .bind("person", personId)
                .execute();
    }

    private static DeskEvent event(ResultSet rs) throws SQLException {
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(rs.getInt("offset_min") * 60);
        int seconds = rs.getInt("seconds");
        OptionalInt length = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(seconds);
        return new DeskEvent(
                rs.getString("client_id"),
                EventType.fromCode(rs.getString("type")).orElseThrow(),
                rs.getTimestamp("at").toInstant().atOffset(offset),
                Optional.ofNullable(rs.getString("kind"))
                        .map(code -> BreakKind.fromCode(code).orElseThrow()),
                length);
    }
}
