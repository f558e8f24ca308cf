package backstop.clinic;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.assessment.AssessmentResult;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.insights.InsightSettings;
import backstop.plan.Plan;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The clinician's roster: every linked patient, sorted by who needs attention, with the reasons in words. Each line is
 * computed by {@link RosterRules} and kept in memory with the day and the patient's data version ({@code
 * roster_versions}, moved by a trigger in the same transaction as any write to a table the rules read). A view reads
 * the links and the versions (two set-based queries) and computes again only the lines whose version or day changed,
 * reading their facts with a handful of set-based queries (never one per patient). Assessments and plan versions are
 * never edited after they are stored, so their parsed form is also kept by id.
 */
public final class Roster {
    private static final int CACHE_SIZE = 20_000;
    /** Up to this many patients are named in the queries; for more, all the links are read and the rest dropped. */
    private static final int SCOPE_LIMIT = 200;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final CareTeam team;
    private final InsightSettings settings;
    private final MeasureSummaries measures;
    private final Map<Long, AssessmentResult> assessments = lru();
    private final Map<Long, Plan> plans = lru();
    private final Map<LineKey, Line> lines = lru();

    public Roster(
            Database database,
            AuditLog audit,
            Clock clock,
            CareTeam team,
            InsightSettings settings,
            MeasureSummaries measures) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.team = team;
        this.settings = settings;
        this.measures = measures;
    }

    /** A computed line belongs to one clinician (their "seen" marks are in it) and one patient. */
    private record LineKey(long clinician, long person) {}

    /** A line as computed on {@code day} from the patient's data at {@code version}. */
    private record Line(long version, LocalDate day, RosterRow row) {}

    private static <K, V> Map<K, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<K, V>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        });
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Every linked patient in attention order. The read is audited: one line per patient, naming the clinician. */
    public List<RosterRow> roster(User clinician, Caller caller) {
        List<RosterRow> rows = lines(clinician);
        audit(clinician, caller, rows);
        return rows;
    }

    /**
     * Every linked patient in attention order, not audited: for a caller that shows only some of the lines (a page of
     * the roster) and audits those with {@link #audit}.
     */
    List<RosterRow> lines(User clinician) {
        if (!clinician.is(Role.CLINICIAN)) {
            throw new ForbiddenException("only a clinician has a roster");
        }
        List<Patient> patients = team.activePatients(clinician);
        if (patients.isEmpty()) {
            return List.of();
        }
        List<RosterRow> rows = rows(clinician, patients, today());
        rows.sort(RosterRules.ORDER);
        return rows;
    }

    /**
     * One audit line per patient of {@code shown}, naming the clinician: inside a web request they join the request's
     * other read audits (one commit for all), outside one they are written together.
     */
    void audit(User clinician, Caller caller, List<RosterRow> shown) {
        audit.readEach(
                caller,
                "clinic.roster.read",
                shown.stream().map(row -> row.patient().person()).toList(),
                "roster line");
    }

    /** One patient's roster line (their chart shows it), after the link check. */
    public RosterRow rowFor(User clinician, User person, LocalDate today) {
        Patient patient = team.activePatients(clinician).stream()
                .filter(p -> p.person().id() == person.id())
                .findFirst()
                .orElseThrow(() -> new ForbiddenException("you are not linked with this person"));
        return rows(clinician, List.of(patient), today).get(0);
    }

    /**
     * The lines of {@code patients}, in their order: the kept ones whose day and version still hold, the others
     * computed now. The versions are read before the facts, so a write in between can only make a kept line newer
     * than its version says (it is then computed again on the next view), never older.
     */
    private List<RosterRow> rows(User clinician, List<Patient> patients, LocalDate today) {
        Map<Long, Long> versions = versions(clinician, patients);
        RosterRow[] rows = new RosterRow[patients.size()];
        List<Patient> stale = new ArrayList<>();
        Map<Long, Integer> places = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            Patient patient = patients.get(i);
            long person = patient.person().id();
            Line line = lines.get(new LineKey(clinician.id(), person));
            if (line != null
                    && line.version() == versions.getOrDefault(person, 0L)
                    && line.day().equals(today)) {
                rows[i] = line.row().withPatient(patient);
            } else {
                stale.add(patient);
                places.put(person, i);
            }
        }
        if (!stale.isEmpty()) {
            for (PatientFacts facts : facts(clinician, stale, today)) {
                long person = facts.patient().person().id();
                RosterRow row = RosterRules.row(facts, today, settings);
                lines.put(new LineKey(clinician.id(), person), new Line(versions.getOrDefault(person, 0L), today, row));
                rows[places.get(person)] = row;
            }
        }
        return new ArrayList<>(Arrays.asList(rows));
    }

    /** Each linked patient's data version (absent: nothing of theirs written since the versions began, so 0). */
    private Map<Long, Long> versions(User clinician, List<Patient> patients) {
        Map<Long, Long> versions = new HashMap<>();
        List<Map.Entry<Long, Long>> read = database.withHandle(handle -> scoped(handle, """
                        SELECT l.person_id, v.version FROM care_links l
                        JOIN roster_versions v ON v.person_id = l.person_id
                        WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/""", clinician, patients)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list());
        read.forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
        return versions;
    }

    /**
     * A query over the clinician's active links (alias {@code l}), narrowed to {@code patients} when they are few (one
     * chart, or the lines that changed); otherwise over all the links, and the caller drops the others.
     */
    private static Query scoped(Handle handle, String sql, User clinician, List<Patient> patients) {
        boolean narrow = patients.size() <= SCOPE_LIMIT;
        Query query = handle.createQuery(sql.replace("/*only*/", narrow ? "AND l.person_id IN (<only>)" : ""))
                .bind("c", clinician.id());
        if (narrow) {
            query.bindList("only", patients.stream().map(p -> p.person().id()).toList());
        }
        return query;
    }

    /**
     * Marks an alert of a linked patient as seen, with a note, for the event it shows now; a new event of the same
     * kind re-opens it. Refused (403, audited, nothing else written) without an active link.
     */
    public void markSeen(User clinician, long personId, AlertKind kind, String note, Caller caller) {
        String text = note == null ? "" : note.strip();
        if (text.length() > 500) {
            throw new BadInputException("note", "must be at most 500 characters");
        }
        User person = team.patient(clinician, personId, caller);
        RosterRow row = rowFor(clinician, person, today());
        Reason reason = row.reasons().stream()
                .filter(r -> r.kind() == kind)
                .findFirst()
                .orElseThrow(() -> new BadInputException("kind", "this patient has no " + kind.key() + " alert now"));
        Instant now = clock.instant();
        database.useTransaction(handle -> {
            handle.createUpdate(
                            "DELETE FROM clinic_alerts_seen WHERE clinician_id = :c AND person_id = :p AND kind = :k")
                    .bind("c", clinician.id())
                    .bind("p", personId)
                    .bind("k", kind.key())
                    .execute();
            handle.createUpdate("""
                            INSERT INTO clinic_alerts_seen (clinician_id, person_id, kind, event_key, note, seen_at)
                            VALUES (:c, :p, :k, :event, :note, :now)""")
                    .bind("c", clinician.id())
                    .bind("p", personId)
                    .bind("k", kind.key())
                    .bind("event", reason.eventKey())
                    .bind("note", text)
                    .bind("now", Timestamp.from(now))
                    .execute();
            audit.record(
                    handle, caller, "clinic.alert.seen", Optional.of(person), kind.key() + " " + reason.eventKey());
        });
    }

    private List<PatientFacts> facts(User clinician, List<Patient> patients, LocalDate today) {
        Set<Long> wanted = new HashSet<>();
        patients.forEach(patient -> wanted.add(patient.person().id()));
        String from = today.minusDays(RosterRules.WINDOW_DAYS - 1).toString();
        String adherenceFrom = today.minusDays(RosterRules.ADHERENCE_DAYS).toString();
        return database.withHandle(handle -> {
            Map<Long, Object[]> latestAssessment = new HashMap<>();
            scoped(handle, """
                            SELECT a.id, a.person_id, a.taken_at FROM assessments a
                            JOIN care_links l ON l.person_id = a.person_id
                            WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/
                              AND a.id = (SELECT MAX(a2.id) FROM assessments a2 WHERE a2.person_id = a.person_id)""", clinician, patients)
                    .map((rs, ctx) -> new Object[] {
                        rs.getLong("person_id"),
                        rs.getLong("id"),
                        rs.getTimestamp("taken_at").toInstant()
                    })
                    .forEach(row -> latestAssessment.put((Long) row[0], row));
            Map<Long, AssessmentResult> results = resolve(
                    handle,
                    "SELECT id, result_json AS json FROM assessments WHERE id IN (<ids>)",
                    latestAssessment.values().stream().map(row -> (Long) row[1]).toList(),
                    assessments,
                    AssessmentResult::fromJson);

            Map<Long, Object[]> currentPlan = new HashMap<>();
            scoped(handle, """
                            SELECT p.id, p.person_id,
                                   (SELECT MIN(f.start_date) FROM plans f WHERE f.person_id = p.person_id) AS first_start
                            FROM plans p JOIN care_links l ON l.person_id = p.person_id
                            WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/
                              AND p.id = (SELECT MAX(p2.id) FROM plans p2 WHERE p2.person_id = p.person_id)""", clinician, patients)
                    .map((rs, ctx) -> new Object[] {
                        rs.getLong("person_id"), rs.getLong("id"), LocalDate.parse(rs.getString("first_start"))
                    })
                    .forEach(row -> currentPlan.put((Long) row[0], row));
            Map<Long, Plan> planVersions = resolve(
                    handle,
                    "SELECT id, plan_json AS json FROM plans WHERE id IN (<ids>)",
                    currentPlan.values().stream().map(row -> (Long) row[1]).toList(),
                    plans,
                    Plan::fromJson);

            // Dates arrive as ISO text; the few distinct ones in the window are parsed once each.
            Map<String, LocalDate> dates = new HashMap<>();
            Map<Long, TreeMap<LocalDate, Integer>> pain = new HashMap<>();
            scoped(handle, """
                            SELECT d.person_id, d.day, d.pain_pm FROM diary_days d
                            JOIN care_links l ON l.person_id = d.person_id
                            WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/
                              AND d.day >= :from AND d.day <= :today AND d.pain_pm IS NOT NULL""", clinician, patients)
                    .bind("from", from)
                    .bind("today", today.toString())
                    .map((rs, ctx) -> {
                        pain.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                                .put(dates.computeIfAbsent(rs.getString(2), LocalDate::parse), rs.getInt(3));
                        return 0;
                    })
                    .forEach(ignored -> {});

            Map<Long, LocalDate> lastCheckIn = new HashMap<>();
            scoped(handle, """
                            SELECT l.person_id,
                                   (SELECT MAX(d.day) FROM diary_days d WHERE d.person_id = l.person_id
                                      AND d.day <= :today) AS last_day
                            FROM care_links l WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/""", clinician, patients)
                    .bind("today", today.toString())
                    .map((rs, ctx) -> new Object[] {rs.getLong("person_id"), rs.getString("last_day")})
                    .forEach(row -> {
                        if (row[1] != null) {
                            lastCheckIn.put((Long) row[0], LocalDate.parse((String) row[1]));
                        }
                    });

            Map<Long, Set<LocalDate>> logged = new HashMap<>();
            scoped(handle, """
                            SELECT DISTINCT s.person_id, s.day FROM session_logs s
                            JOIN care_links l ON l.person_id = s.person_id
                            WHERE l.clinician_id = :c AND l.ended_at IS NULL /*only*/
                              AND s.day >= :from AND s.day < :today""", clinician, patients)
                    .bind("from", adherenceFrom)
                    .bind("today", today.toString())
                    .map((rs, ctx) -> {
                        logged.computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
                                .add(dates.computeIfAbsent(rs.getString(2), LocalDate::parse));
                        return 0;
                    })
                    .forEach(ignored -> {});

            // Adherence since the plan began matters only for the referral criteria, and only for patients who
            // could meet one now (the finding is there and the weeks are done): counted for those alone.
            List<Long> candidates = new ArrayList<>();
            currentPlan.forEach((person, row) -> {
                Object[] latest = latestAssessment.get(person);
                Plan plan = planVersions.get((Long) row[1]);
                if (latest != null
                        && plan != null
                        && RosterRules.referralPossible(
                                plan, results.get((Long) latest[1]), (LocalDate) row[2], today)) {
                    candidates.add(person);
                }
            });
            Map<Long, Integer> loggedSinceStart = new HashMap<>();
            for (int i = 0; i < candidates.size(); i += 500) {
                handle.createQuery("""
                                SELECT l.person_id,
                                       (SELECT COUNT(DISTINCT s.day) FROM session_logs s
                                        WHERE s.person_id = l.person_id AND s.day < :today
                                          AND s.day >= (SELECT MIN(f.start_date) FROM plans f
                                                        WHERE f.person_id = l.person_id)) AS days
                                FROM care_links l
                                WHERE l.clinician_id = :c AND l.ended_at IS NULL AND l.person_id IN (<ids>)""")
                        .bind("c", clinician.id())
                        .bind("today", today.toString())
                        .bindList("ids", candidates.subList(i, Math.min(candidates.size(), i + 500)))
                        .map((rs, ctx) -> new Object[] {rs.getLong("person_id"), rs.getInt("days")})
                        .forEach(row -> loggedSinceStart.put((Long) row[0], (Integer) row[1]));
            }

            Map<Long, Map<AlertKind, Reason.Seen>> seen = new HashMap<>();
            scoped(handle, """
                            SELECT l.person_id, l.kind, l.event_key, l.note, l.seen_at FROM clinic_alerts_seen l
                            WHERE l.clinician_id = :c /*only*/""", clinician, patients)
                    .map((rs, ctx) -> new Object[] {
                        rs.getLong("person_id"),
                        rs.getString("kind"),
                        new Reason.Seen(
                                rs.getString("event_key"),
                                rs.getString("note"),
                                rs.getTimestamp("seen_at").toInstant())
                    })
                    .forEach(row -> {
                        try {
                            seen.computeIfAbsent((Long) row[0], id -> new EnumMap<>(AlertKind.class))
                                    .put(AlertKind.fromKey("kind", (String) row[1]), (Reason.Seen) row[2]);
                        } catch (BadInputException e) {
                            // a kind this version no longer has: the mark is simply not shown
                        }
                    });

            Map<Long, List<MeasureMark>> marks = measures.latest(wanted);

            List<PatientFacts> facts = new ArrayList<>();
            for (Patient patient : patients) {
                long id = patient.person().id();
                if (!wanted.contains(id)) {
                    continue;
                }
                Optional<PatientFacts.LatestAssessment> assessment = Optional.ofNullable(latestAssessment.get(id))
                        .map(row -> new PatientFacts.LatestAssessment(
                                (Long) row[1], (Instant) row[2], results.get((Long) row[1])));
                Optional<PatientFacts.CurrentPlan> plan = Optional.ofNullable(currentPlan.get(id))
                        .map(row -> new PatientFacts.CurrentPlan(
                                (Long) row[1], (LocalDate) row[2], planVersions.get((Long) row[1])));
                facts.add(new PatientFacts(
                        patient,
                        assessment,
                        plan,
                        pain.getOrDefault(id, new TreeMap<>()),
                        Optional.ofNullable(lastCheckIn.get(id)),
                        logged.getOrDefault(id, Set.of()),
                        loggedSinceStart.getOrDefault(id, 0),
                        seen.getOrDefault(id, Map.of()),
                        marks.getOrDefault(id, List.of())));
            }
            return facts;
        });
    }

    /** The parsed documents of {@code ids}: from the cache, and the ones it lacks read in batches and kept. */
    private static <V> Map<Long, V> resolve(
            Handle handle,
            String sql,
            List<Long> ids,
            Map<Long, V> cache,
            java.util.function.Function<String, V> parse) {
        Map<Long, V> found = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids) {
            V value = cache.get(id);
            if (value == null) {
                missing.add(id);
            } else {
                found.put(id, value);
            }
        }
        for (int i = 0; i < missing.size(); i += 500) {
            handle.createQuery(sql)
                    .bindList("ids", missing.subList(i, Math.min(missing.size(), i + 500)))
                    .map((rs, ctx) -> Map.entry(rs.getLong("id"), rs.getString("json")))
                    .forEach(entry -> {
                        V value = parse.apply(entry.getValue());
                        cache.put(entry.getKey(), value);
                        found.put(entry.getKey(), value);
                    });
        }
        return found;
    }
}
