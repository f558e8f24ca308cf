package backstop.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import java.time.Duration;
import java.util.Optional;

/** Links between clinicians and people: consent by one-time code, revocation, and the check every clinic read makes. */
class CareTeamTest {
    private static final String PASSWORD = "a long enough secret";
    private final TestClock clock = TestClock.startingAt("2026-03-20T09:00:00Z");

    private record World(CareTeam team, Database database, User kim, User lee, User dana, User eli, User root) {
        Caller as(User user) {
            return Caller.of(user, "web");
        }
    }

    private World world(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock);
        Caller cli = Caller.commandLine(Optional.empty());
        User root = accounts.addUser("root", "", PASSWORD, Role.ADMIN, cli);
        User kim = accounts.addUser("kim", "Kim Physio", PASSWORD, Role.CLINICIAN, cli);
        User lee = accounts.addUser("lee", "", PASSWORD, Role.CLINICIAN, cli);
        User dana = accounts.addUser("dana", "Dana", PASSWORD, Role.PERSON, cli);
        User eli = accounts.addUser("eli", "", PASSWORD, Role.PERSON, cli);
        return new World(new CareTeam(database, audit, clock), database, kim, lee, dana, eli, root);
    }

    private static long count(Database database, String sql) {
        return database.withHandle(
                handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @BothDatabases
    void aPersonWhoAcceptsACodeIsLinkedAndListed(Database database) {
        World w = world(database);
        assertThat(w.team().isLinked(w.kim().id(), w.dana().id())).isFalse();
        Invite invite = w.team().createInvite(w.kim(), w.as(w.kim()));
        assertThat(invite.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        assertThat(count(database, "SELECT COUNT(*) FROM care_invites WHERE code_hash LIKE '%" + invite.code() + "%'"))
                .isZero();
        clock.advance(Duration.ofHours(1));
        CareLink link = w.team().accept(w.dana(), invite.code().toLowerCase(), w.as(w.dana()));
        assertThat(link.active()).isTrue();
        assertThat(link.clinicianName()).isEqualTo("Kim Physio");
        assertThat(link.acceptedAt()).isEqualTo(clock.instant());
        assertThat(w.team().isLinked(w.kim().id(), w.dana().id())).isTrue();
        assertThat(w.team().isLinked(w.lee().id(), w.dana().id())).isFalse();
        w.team().requireLinked(w.kim(), w.dana().id());
        assertThat(w.team().activePatients(w.kim()))
                .extracting(patient -> patient.person().username())
                .containsExactly("dana");
        assertThat(w.team().linksOf(w.dana())).hasSize(1);
    }

    @BothDatabases
    void aCodeIsSingleUseAndExpiresAfterSevenDays(Database database) {
        World w = world(database);
        Invite invite = w.team().createInvite(w.kim(), w.as(w.kim()));
        w.team().accept(w.dana(), invite.code(), w.as(w.dana()));
        assertThatThrownBy(() -> w.team().accept(w.eli(), invite.code(), w.as(w.eli())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("used already");
        Invite late = w.team().createInvite(w.kim(), w.as(w.kim()));
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> w.team().accept(w.eli(), late.code(), w.as(w.eli())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> w.team().accept(w.eli(), "NOPE-NOPE-NOPE", w.as(w.eli())))
                .isInstanceOf(BadInputException.class);
        assertThat(w.team().isLinked(w.kim().id(), w.eli().id())).isFalse();
    }

    @BothDatabases
    void anUnlinkedClinicianIsRefusedAndOnlyTheRefusalIsWritten(Database database) {
        World w = world(database);
        long auditBefore = count(database, "SELECT COUNT(*) FROM audit_log");
        assertThatThrownBy(() -> w.team().requireLinked(w.kim(), w.dana().id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.team().requireLinked(w.root(), w.dana().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(count(database, "SELECT COUNT(*) FROM audit_log")).isEqualTo(auditBefore + 2);
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.access.refused'"
                                + " AND actor_name = 'kim' AND subject_name = 'dana'"))
                .isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM care_links")).isZero();
    }

    @BothDatabases
    void revokingEndsAccessOnTheNextCheck(Database database) {
        World w = world(database);
        CareLink kim = w.team()
                .accept(w.dana(), w.team().createInvite(w.kim(), w.as(w.kim())).code(), w.as(w.dana()));
        w.team().accept(w.dana(), w.team().createInvite(w.lee(), w.as(w.lee())).code(), w.as(w.dana()));
        w.team().requireLinked(w.kim(), w.dana().id());
        w.team().revoke(w.dana(), kim.id(), w.as(w.dana()));
        assertThatThrownBy(() -> w.team().requireLinked(w.kim(), w.dana().id())).isInstanceOf(ForbiddenException.class);
        w.team().requireLinked(w.lee(), w.dana().id());
        w.team().endLink(w.lee(), w.dana().id(), w.as(w.lee()));
        assertThat(w.team().isLinked(w.lee().id(), w.dana().id())).isFalse();
        assertThat(w.team().linksOf(w.dana()))
                .extracting(link -> link.endReason().orElse(""))
                .containsExactlyInAnyOrder("revoked", "ended");
        assertThat(count(
                        database,
                        "SELECT COUNT(*) FROM audit_log WHERE action IN ('care.link.revoked',"
                                + " 'care.link.ended') AND subject_name = 'dana'"))
                .isEqualTo(2);
        // A new code links again after a revocation.
        w.team().accept(w.dana(), w.team().createInvite(w.kim(), w.as(w.kim())).code(), w.as(w.dana()));
        assertThat(w.team().isLinked(w.kim().id(), w.dana().id())).isTrue();
    }

    @BothDatabases
    void onlyPeopleAcceptAndOnlyTheOwnerRevokes(Database database) {
        World w = world(database);
        Invite invite = w.team().createInvite(w.kim(), w.as(w.kim()));
        assertThatThrownBy(() -> w.team().accept(w.lee(), invite.code(), w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.team().createInvite(w.dana(), w.as(w.dana())))
                .isInstanceOf(ForbiddenException.class);
        CareLink link = w.team().accept(w.dana(), invite.code(), w.as(w.dana()));
        assertThatThrownBy(() -> w.team().revoke(w.eli(), link.id(), w.as(w.eli())))
                .isInstanceOf(backstop.error.NotFoundException.class);
        assertThat(w.team().isLinked(w.kim().id(), w.dana().id())).isTrue();
    }
}
