package backstop.clinic;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.Role;
import backstop.account.Secrets;
import backstop.account.User;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.error.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Who may see whose data: a clinician sees a person's data only while the person has accepted a link and neither
 * side has ended it. Every clinic read goes through {@link #requireLinked}, which asks the database on each call, so
 * a revocation ends access on the very next request (sessions and API tokens included). A refusal writes its audit
 * line and nothing else.
 */
public final class CareTeam implements PersonalData<CareTeamExport> {
    /** How long a clinician's one-time code may be used. */
    public static final Duration CODE_VALIDITY = Duration.ofDays(7);

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32
    private static final int CODE_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LINK_COLUMNS = """
            l.id, l.clinician_id, c.display_name AS c_display, c.username AS c_name, l.person_id,
            p.display_name AS p_display, p.username AS p_name, l.accepted_at, l.ended_at, l.end_reason""";

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public CareTeam(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** True while {@code clinicianId} holds an active link with {@code personId}. */
    public boolean isLinked(long clinicianId, long personId) {
        return database.withHandle(handle -> isLinked(handle, clinicianId, personId));
    }

    /** The same check inside the caller's transaction. */
    public boolean isLinked(Handle handle, long clinicianId, long personId) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM care_links l JOIN users c ON c.id = l.clinician_id
                        WHERE l.clinician_id = :clinician AND l.person_id = :person AND l.ended_at IS NULL
                          AND c.role = 'clinician'""")
                        .bind("clinician", clinicianId)
                        .bind("person", personId)
                        .mapTo(Long.class)
                        .one()
                > 0;
    }

    /**
     * Refuses ({@link ForbiddenException}, with an audit line naming the clinician and the person) unless
     * {@code clinician} is a clinician with an active link to {@code personId}. The audit line's address is
     * {@code service}; callers that know the client's address use {@link #requireLinked(User, long, Caller)}.
     */
    public void requireLinked(User clinician, long personId) {
        requireLinked(clinician, personId, Caller.of(clinician, "service"));
    }

    public void requireLinked(User clinician, long personId, Caller caller) {
        patient(clinician, personId, caller);
    }

    /** The linked person's account, after the same check as {@link #requireLinked}. */
    public User patient(User clinician, long personId, Caller caller) {
        Optional<User> person = database.withHandle(handle -> {
            if (!clinician.is(Role.CLINICIAN) || !isLinked(handle, clinician.id(), personId)) {
                return Optional.<User>empty();
            }
            return findUser(handle, personId);
        });
        if (person.isEmpty()) {
            refuse(caller, personId, "person " + personId);
        }
        return person.get();
    }

    /** Every person {@code clinician} is linked with now, by name. */
    public List<Patient> activePatients(User clinician) {
        if (!clinician.is(Role.CLINICIAN)) {
            return List.of();
        }
        return database.withHandle(handle -> handle.createQuery("""
                        SELECT p.id, p.username, p.display_name, p.role, p.created_at, l.id AS link_id, l.accepted_at
                        FROM care_links l JOIN users p ON p.id = l.person_id
                        WHERE l.clinician_id = :clinician AND l.ended_at IS NULL
                        ORDER BY p.display_name, p.username, p.id""")
                .bind("clinician", clinician.id())
                .map((rs, ctx) -> new Patient(user(rs), rs.getLong("link_id"), instant(rs, "accepted_at")))
                .list());
    }

    /** A new one-time code for {@code clinician} to hand to a person (7 days, single use; only its hash is kept). */
    public Invite createInvite(User clinician, Caller caller) {
        requireClinician(clinician);
        String code = newCode();
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_VALIDITY);
        database.useTransaction(handle -> {
            handle.createUpdate("""
                            INSERT INTO care_invites (clinician_id, code_hash, created_at, expires_at)
                            VALUES (:clinician, :hash, :now, :expires)""")
                    .bind("clinician", clinician.id())
                    .bind("hash", Secrets.sha256(normalise(code)))
                    .bind("now", Timestamp.from(now))
                    .bind("expires", Timestamp.from(expires))
                    .execute();
            audit.record(handle, caller, "care.invite.create", Optional.empty(), "expires " + expires);
        });
        return new Invite(code, expires);
    }

    /**
     * {@code person} accepts a clinician's code: the link starts now. An unknown, used or expired code is bad input
     * and changes nothing. A code from a clinician the person is already linked with is used up and the existing
     * link returned.
     */
    public CareLink accept(User person, String code, Caller caller) {
        if (!person.is(Role.PERSON)) {
            throw new ForbiddenException("only a person can link a clinician to their data");
        }
        String hash = Secrets.sha256(normalise(code == null ? "" : code));
        Instant now = clock.instant();
        long linkId = database.inTransactionRetryingConflicts(handle -> {
            var invite = handle.createQuery("""
                            SELECT i.id, i.clinician_id, i.created_at, i.expires_at, i.used_at
                            FROM care_invites i JOIN users c ON c.id = i.clinician_id
                            WHERE i.code_hash = :hash AND c.role = 'clinician'""")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new InviteRow(
                            rs.getLong("id"),
                            rs.getLong("clinician_id"),
                            instant(rs, "created_at"),
                            instant(rs, "expires_at"),
                            rs.getTimestamp("used_at") != null))
                    .findOne()
                    .orElseThrow(() -> new BadInputException("code", "no such code; check it or ask for a new one"));
            if (invite.used()) {
                throw new BadInputException("code", "this code has been used already; ask for a new one");
            }
            if (!now.isBefore(invite.expiresAt())) {
                throw new BadInputException("code", "this code has expired; ask for a new one");
            }
            database.lockRows(handle, "care_invites", java.util.Map.of("id", invite.id()));
            int marked = handle.createUpdate("""
                            UPDATE care_invites SET used_at = :now, used_by = :person
                            WHERE id = :id AND used_at IS NULL""")
                    .bind("now", Timestamp.from(now))
                    .bind("person", person.id())
                    .bind("id", invite.id())
                    .execute();
            if (marked != 1) {
                throw new BadInputException("code", "this code has been used already; ask for a new one");
            }
            Optional<Long> existing = handle.createQuery("""
                            SELECT id FROM care_links
                            WHERE clinician_id = :clinician AND person_id = :person AND ended_at IS NULL""")
                    .bind("clinician", invite.clinicianId())
                    .bind("person", person.id())
                    .mapTo(Long.class)
                    .findOne();
            if (existing.isPresent()) {
                audit.record(handle, caller, "care.link.accept", Optional.of(person), "already linked, code used");
                return existing.get();
            }
            long id = handle.createUpdate("""
                            INSERT INTO care_links (clinician_id, person_id, invite_id, created_at, accepted_at)
                            VALUES (:clinician, :person, :invite, :created, :now)""")
                    .bind("clinician", invite.clinicianId())
                    .bind("person", person.id())
                    .bind("invite", invite.id())
                    .bind("created", Timestamp.from(invite.createdAt()))
                    .bind("now", Timestamp.from(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            audit.record(handle, caller, "care.link.accept", Optional.of(person), "clinician " + invite.clinicianId());
            return id;
        });
        return link(linkId);
    }

    /** The person ends a link at once; their clinician's next request is refused. */
    public void revoke(User person, long linkId, Caller caller) {
        end(person, linkId, "person_id", "revoked", caller);
    }

    /** The clinician ends their link with {@code personId}. */
    public void endLink(User clinician, long personId, Caller caller) {
        requireClinician(clinician);
        long linkId = database.withHandle(handle -> handle.createQuery("""
                                SELECT id FROM care_links
                                WHERE clinician_id = :clinician AND person_id = :person AND ended_at IS NULL""")
                        .bind("clinician", clinician.id())
                        .bind("person", personId)
                        .mapTo(Long.class)
                        .findOne())
                .orElseGet(() -> refuse(caller, personId, "end link with person " + personId));
        end(clinician, linkId, "clinician_id", "ended", caller);
    }

    private void end(User actor, long linkId, String ownerColumn, String reason, Caller caller) {
        Instant now = clock.instant();
        database.useTransaction(handle -> {
            int ended = handle.createUpdate(
                            "UPDATE care_links SET ended_at = :now, ended_by = :actor, end_reason = :reason"
                                    + " WHERE id = :id AND " + ownerColumn + " = :actor AND ended_at IS NULL")
                    .bind("now", Timestamp.from(now))
                    .bind("actor", actor.id())
                    .bind("reason", reason)
                    .bind("id", linkId)
                    .execute();
            if (ended != 1) {
                throw new NotFoundException("no such active link");
            }
            long personId = handle.createQuery("SELECT person_id FROM care_links WHERE id = :id")
                    .bind("id", linkId)
                    .mapTo(Long.class)
                    .one();
            audit.record(handle, caller, "care.link." + reason, findUser(handle, personId), "link " + linkId);
        });
    }

    /** Every link of {@code person}, active first, newest first: who can see their data, since when. */
    public List<CareLink> linksOf(User person) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + LINK_COLUMNS + """

                         FROM care_links l JOIN users c ON c.id = l.clinician_id JOIN users p ON p.id = l.person_id
                         WHERE l.person_id = :person
                         ORDER BY CASE WHEN l.ended_at IS NULL THEN 0 ELSE 1 END, l.accepted_at DESC, l.id DESC""")
                .bind("person", person.id())
                .map((rs, ctx) -> careLink(rs))
                .list());
    }

    @Override
    public String section() {
        return "care_team";
    }

    /** Who could see the person's data and when: every link, active or ended. */
    @Override
    public CareTeamExport exportFor(User person, Caller caller) {
        return new CareTeamExport(linksOf(person).stream()
                .map(link -> new CareTeamExport.Link(
                        link.clinicianName(),
                        link.acceptedAt().toString(),
                        link.endedAt().map(Instant::toString),
                        link.endReason()))
                .toList());
    }

    private CareLink link(long id) {
        return database.withHandle(handle -> handle.createQuery("SELECT " + LINK_COLUMNS + """

                         FROM care_links l JOIN users c ON c.id = l.clinician_id JOIN users p ON p.id = l.person_id
                         WHERE l.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> careLink(rs))
                .one());
    }

    /** Writes the refusal's audit line (naming the person when the account exists) and throws; writes nothing else. */
    private <T> T refuse(Caller caller, long personId, String detail) {
        Optional<User> subject = database.withHandle(handle -> findUser(handle, personId));
        audit.recordAlone(caller, "clinic.access.refused", subject, detail);
        throw new ForbiddenException("you are not linked with this person");
    }

    private static void requireClinician(User user) {
        if (!user.is(Role.CLINICIAN)) {
            throw new ForbiddenException("only a clinician may do this");
        }
    }

    /** Upper case, without spaces and dashes, with the letters people confuse for digits read as those digits. */
    static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CODE_LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static Optional<User> findUser(Handle handle, long id) {
        return handle.createQuery("SELECT id, username, display_name, role, created_at FROM users WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> user(rs))
                .findOne();
    }

    static User user(ResultSet rs) throws SQLException {
        return new User(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.fromCode("role", rs.getString("role")),
                instant(rs, "created_at"));
    }

    private static CareLink careLink(ResultSet rs) throws SQLException {
        return new CareLink(
                rs.getLong("id"),
                rs.getLong("clinician_id"),
                name(rs.getString("c_display"), rs.getString("c_name")),
                rs.getLong("person_id"),
                name(rs.getString("p_display"), rs.getString("p_name")),
                instant(rs, "accepted_at"),
                Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString("end_reason")));
    }

    private static String name(String display, String username) {
        return display == null || display.isBlank() ? username : display;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private record InviteRow(long id, long clinicianId, Instant createdAt, Instant expiresAt, boolean used) {}
}
