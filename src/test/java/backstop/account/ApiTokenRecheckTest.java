package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A server reads a token from the database at most once per {@link RecentTokens#RECHECK} (issue 15 §3). What it
 * changes itself is seen at once; what another server on the same database changes (two {@code AccountService}s on
 * one database here: each is one server's) is seen within the recheck; expiry is exact whatever was read.
 */
class ApiTokenRecheckTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final String PASSWORD = "a long enough secret";
    private final TestClock clock = new TestClock(START);
    private final Caller web = Caller.anonymous("203.0.113.7");

    @BothDatabases
    void aTokenRevokedOnThisServerIsRefusedAtOnce(Database database) {
        AccountService server = server(database);
        User dana = server.register("dana", "", PASSWORD, web);
        String token = server.createApiToken(dana, "script", web);
        assertThat(server.userForApiToken(token)).contains(dana);

        server.revokeApiToken(dana, tokenId(server, dana), Caller.of(dana, "cli"));

        assertThat(server.userForApiToken(token)).isEmpty();
    }

    @BothDatabases
    void aTokenRevokedOnAnotherServerIsRefusedThereWithinTheRecheck(Database database) {
        AccountService here = server(database);
        AccountService there = server(database);
        User dana = here.register("dana", "", PASSWORD, web);
        String token = here.createApiToken(dana, "script", web);
        assertThat(here.userForApiToken(token)).contains(dana);

        there.revokeApiToken(dana, tokenId(there, dana), Caller.of(dana, "cli"));
        assertThat(there.userForApiToken(token)).isEmpty();
        clock.advance(RecentTokens.RECHECK.minusMillis(1));
        assertThat(here.userForApiToken(token))
                .as("read %s ago: this is the bound the recheck documents", RecentTokens.RECHECK.minusMillis(1))
                .contains(dana);

        clock.advance(Duration.ofMillis(1));
        assertThat(here.userForApiToken(token)).isEmpty();
    }

    @BothDatabases
    void anAccountDeletedOnAnotherServerLosesItsTokensThereWithinTheRecheck(Database database) {
        AccountService here = server(database);
        AccountService there = server(database);
        here.register("owner", "", PASSWORD, web);
        User dana = here.register("dana", "", PASSWORD, web);
        String token = here.createApiToken(dana, "script", web);
        assertThat(here.userForApiToken(token)).contains(dana);

        there.deleteOwnAccount(dana, PASSWORD, Caller.of(dana, "203.0.113.7"));
        clock.advance(RecentTokens.RECHECK);

        assertThat(here.userForApiToken(token)).isEmpty();
    }

    @BothDatabases
    void aRoleChangedOnAnotherServerReachesItsTokensThereWithinTheRecheck(Database database) {
        AccountService here = server(database);
        AccountService there = server(database);
        User owner = here.register("owner", "", PASSWORD, web);
        User dana = here.register("dana", "", PASSWORD, web);
        String token = here.createApiToken(dana, "script", web);
        assertThat(here.userForApiToken(token).map(User::role)).contains(Role.PERSON);

        there.changeRole(dana.id(), Role.CLINICIAN, Caller.of(owner, "203.0.113.7"));
        assertThat(there.userForApiToken(token).map(User::role)).contains(Role.CLINICIAN);
        clock.advance(RecentTokens.RECHECK);

        assertThat(here.userForApiToken(token).map(User::role)).contains(Role.CLINICIAN);
    }

    @BothDatabases
    void aRoleChangedOnThisServerReachesItsTokensAtOnce(Database database) {
        AccountService server = server(database);
        User owner = server.register("owner", "", PASSWORD, web);
        User dana = server.register("dana", "", PASSWORD, web);
        String token = server.createApiToken(dana, "script", web);
        assertThat(server.userForApiToken(token).map(User::role)).contains(Role.PERSON);

        server.changeRole(dana.id(), Role.CLINICIAN, Caller.of(owner, "203.0.113.7"));

        assertThat(server.userForApiToken(token).map(User::role)).contains(Role.CLINICIAN);
    }

    @BothDatabases
    void aTokenIsRefusedAtItsExpiryEvenWhenItWasReadAMomentBefore(Database database) {
        AccountService server = server(database);
        User dana = server.register("dana", "", PASSWORD, web);
        String token = server.createApiToken(dana, "script", Optional.of(Duration.ofDays(1)), web);
        clock.advance(Duration.ofDays(1).minusMillis(500));
        assertThat(server.userForApiToken(token)).contains(dana);

        clock.advance(Duration.ofMillis(500));

        assertThat(server.userForApiToken(token)).isEmpty();
    }

    @BothDatabases
    void aClockSetBackReadsTheTokenAgain(Database database) {
        AccountService here = server(database);
        AccountService there = server(database);
        User dana = here.register("dana", "", PASSWORD, web);
        String token = here.createApiToken(dana, "script", web);
        assertThat(here.userForApiToken(token)).contains(dana);

        there.revokeApiToken(dana, tokenId(there, dana), Caller.of(dana, "cli"));
        clock.advance(Duration.ofSeconds(-5));

        assertThat(here.userForApiToken(token)).isEmpty();
    }

    @BothDatabases
    void twoServersTogetherWriteALastUseOnceAMinuteEachAtMost(Database database) {
        AccountService here = server(database);
        AccountService there = server(database);
        User dana = here.register("dana", "", PASSWORD, web);
        String token = here.createApiToken(dana, "script", web);
        long before = database.commits();
        for (int tenth = 0; tenth < 600; tenth++) {
            assertThat(here.userForApiToken(token)).contains(dana);
            assertThat(there.userForApiToken(token)).contains(dana);
            clock.advance(Duration.ofMillis(100));
        }
        // The first use on each server may find the last use empty before the other's write is read.
        assertThat(database.commits() - before).isBetween(1L, 2L);
        assertThat(here.apiTokens(dana).get(0).lastUsedAt()).isPresent();
    }

    private AccountService server(Database database) {
        return new AccountService(database, new AuditLog(database, clock), clock);
    }

    private static long tokenId(AccountService accounts, User user) {
        return accounts.apiTokens(user).get(0).id();
    }
}
