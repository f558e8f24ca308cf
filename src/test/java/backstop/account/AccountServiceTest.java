package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.error.LoginFailedException;
import java.time.Duration;
import java.util.Optional;

class AccountServiceTest {
    private static final String PASSWORD = "a long enough secret";
    private final TestClock clock = TestClock.startingAt("2026-03-02T08:00:00Z");
    private final Caller web = Caller.anonymous("203.0.113.7");

    private AccountService accounts(Database database) {
        return new AccountService(database, new AuditLog(database, clock), clock);
    }

    @BothDatabases
    void theFirstAccountOwnsTheInstallationAndLaterOnesArePeople(Database database) {
        AccountService accounts = accounts(database);
        assertThat(accounts.register("owner", "", PASSWORD, web).role()).isEqualTo(Role.ADMIN);
        assertThat(accounts.register("dana", "Dana", PASSWORD, web).role()).isEqualTo(Role.PERSON);
        assertThat(accounts.register("eli", "", PASSWORD, web).displayName()).isEqualTo("eli");
    }

    @BothDatabases
    void badSignUpsNameEveryFieldAndWriteNothing(Database database) {
        AccountService accounts = accounts(database);
        assertThatThrownBy(() -> accounts.register("X!", "", "short", web))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("username", "password"));
        assertThat(accounts.findByUsername("x!")).isEmpty();
        assertThat(new AuditLog(database, clock).search(AuditQuery.latest(10))).isEmpty();
    }

    @BothDatabases
    void aTakenNameIsRefusedWhateverItsCase(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, web);
        assertThatThrownBy(() -> accounts.register("DANA", "", PASSWORD, web))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("username"));
    }

    @BothDatabases
    void aPasswordContainingTheNameIsRefused(Database database) {
        assertThatThrownBy(() -> accounts(database).register("dana", "", "dana1234567", web))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("password");
    }

    @BothDatabases
    void loginGivesASessionThatResumesUntilLogout(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, web);
        NewSession session = accounts.login("Dana", PASSWORD, web);
        assertThat(accounts.resume(session.cookieValue()))
                .get()
                .satisfies(signedIn -> assertThat(signedIn.user().username()).isEqualTo("dana"));
        accounts.logout(session.cookieValue(), web);
        assertThat(accounts.resume(session.cookieValue())).isEmpty();
    }

    @BothDatabases
    void aSessionEndsAfterTwoIdleHoursAndAfterTwelveHoursInAnyCase(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, web);
        NewSession idle = accounts.login("dana", PASSWORD, web);
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(accounts.resume(idle.cookieValue())).isEmpty();

        NewSession busy = accounts.login("dana", PASSWORD, web);
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(accounts.resume(busy.cookieValue())).isPresent();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(accounts.resume(busy.cookieValue())).isEmpty();
    }

    @BothDatabases
    void wrongPasswordsAndUnknownNamesGetTheSameAnswer(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, web);
        assertThatThrownBy(() -> accounts.login("dana", "not the password", web))
                .isInstanceOf(LoginFailedException.class)
                .hasMessage("That name and password do not match an account.");
        assertThatThrownBy(() -> accounts.login("nobody", PASSWORD, web))
                .isInstanceOf(LoginFailedException.class)
                .hasMessage("That name and password do not match an account.");
    }

    @BothDatabases
    void fiveWrongPasswordsFromOneAddressDoNotLockTheOwnerOutFromAnother(Database database) {
        // Issue 13, finding 3: five failures used to block the account for everyone, its only admin included.
        AccountService accounts = accounts(database);
        accounts.register("owner", "", PASSWORD, web);
        Caller attacker = Caller.anonymous("198.51.100.7");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accounts.login("owner", "wrong guess", attacker))
                    .isInstanceOfSatisfying(
                            LoginFailedException.class,
                            e -> assertThat(e.throttled()).isFalse());
        }
        assertThat(accounts.login("owner", PASSWORD, web).session().user().username())
                .isEqualTo("owner");
        assertThatThrownBy(() -> accounts.login("owner", PASSWORD, attacker))
                .isInstanceOfSatisfying(
                        LoginFailedException.class,
                        e -> assertThat(e.throttled()).isTrue());
    }

    @BothDatabases
    void oneAddressGuessingManyAccountsIsSlowedDown(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("dana", "", PASSWORD, web);
        Caller guesser = Caller.anonymous("192.0.2.66");
        for (int i = 0; i <= LoginThrottle.ADDRESS_FREE; i++) {
            String name = "user" + i;
            assertThatThrownBy(() -> accounts.login(name, "guess", guesser)).isInstanceOf(LoginFailedException.class);
        }
        assertThatThrownBy(() -> accounts.login("dana", PASSWORD, guesser))
                .isInstanceOfSatisfying(
                        LoginFailedException.class,
                        e -> assertThat(e.throttled()).isTrue());
        assertThat(accounts.login("dana", PASSWORD, web)).isNotNull();
    }

    @BothDatabases
    void apiTokensIdentifyTheirAccountAndNothingElse(Database database) {
        AccountService accounts = accounts(database);
        User dana = accounts.register("dana", "", PASSWORD, web);
        String token = accounts.createApiToken(dana, "script", Caller.of(dana, "cli"));
        assertThat(token).startsWith("bst_");
        assertThat(accounts.userForApiToken(token)).contains(dana);
        assertThat(accounts.userForApiToken(token + "x")).isEmpty();
        assertThat(accounts.userForApiToken("not a token")).isEmpty();
    }

    @BothDatabases
    void onlyAnAdminChangesRolesAndTheChangeIsAudited(Database database) {
        AccountService accounts = accounts(database);
        User owner = accounts.register("owner", "", PASSWORD, web);
        User dana = accounts.register("dana", "", PASSWORD, web);
        assertThatThrownBy(() -> accounts.changeRole(dana.id(), Role.ADMIN, Caller.of(dana, "x")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(accounts.changeRole(dana.id(), Role.CLINICIAN, Caller.of(owner, "x"))
                        .role())
                .isEqualTo(Role.CLINICIAN);
        assertThat(new AuditLog(database, clock).search(AuditQuery.latest(1)))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("account.role");
                    assertThat(entry.actor()).isEqualTo("owner");
                    assertThat(entry.subject()).isEqualTo("dana");
                    assertThat(entry.detail()).isEqualTo("person -> clinician");
                });
    }

    @BothDatabases
    void deletingOnesAccountRemovesItsSessionsAndKeepsTheAuditLine(Database database) {
        AccountService accounts = accounts(database);
        accounts.register("owner", "", PASSWORD, web);
        User dana = accounts.register("dana", "", PASSWORD, web);
        NewSession session = accounts.login("dana", PASSWORD, web);
        assertThatThrownBy(() -> accounts.deleteOwnAccount(dana, "wrong", Caller.of(dana, "x")))
                .isInstanceOf(BadInputException.class);
        accounts.deleteOwnAccount(dana, PASSWORD, Caller.of(dana, "x"));
        assertThat(accounts.findByUsername("dana")).isEmpty();
        assertThat(accounts.resume(session.cookieValue())).isEmpty();
        assertThat(new AuditLog(database, clock)
                        .search(new AuditQuery(
                                Optional.empty(),
                                Optional.of("dana"),
                                Optional.of("account.delete"),
                                Optional.empty(),
                                Optional.empty(),
                                10,
                                0)))
                .hasSize(1);
    }

    @BothDatabases
    void theOnlyAdminCannotDeleteThemselves(Database database) {
        AccountService accounts = accounts(database);
        User owner = accounts.register("owner", "", PASSWORD, web);
        assertThatThrownBy(() -> accounts.deleteOwnAccount(owner, PASSWORD, Caller.of(owner, "x")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("only admin");
        assertThat(accounts.findByUsername("owner")).isPresent();
    }

    @BothDatabases
    void theAuditTrailFiltersByWhoWhatAndWhen(Database database) {
        AccountService accounts = accounts(database);
        AuditLog audit = new AuditLog(database, clock);
        accounts.register("dana", "", PASSWORD, web);
        clock.advance(Duration.ofDays(2));
        accounts.login("dana", PASSWORD, web);
        assertThat(audit.search(new AuditQuery(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("login"),
                        Optional.empty(),
                        Optional.empty(),
                        10,
                        0)))
                .extracting("action")
                .containsExactly("login");
        assertThat(audit.search(new AuditQuery(
                        Optional.empty(),
                        Optional.of("dana"),
                        Optional.empty(),
                        Optional.of(clock.instant().minus(Duration.ofDays(1))),
                        Optional.empty(),
                        10,
                        0)))
                .extracting("action")
                .containsExactly("login");
        assertThat(audit.search(new AuditQuery(
                        Optional.of("dana"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        10,
                        0)))
                .extracting("address")
                .containsOnly("203.0.113.7");
    }
}
