package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.LoginFailedException;
import java.time.Clock;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: a name's existence cannot be learnt from how long sign-up or sign-in takes. Their cost is one
 * Argon2 derivation (tens of milliseconds, everything else is noise next to it), so the specification counts
 * derivations — exact on any machine — instead of timing requests on a shared one.
 */
class EqualCostTest {
    private static final String PASSWORD = "a long enough secret";
    private final Caller web = Caller.anonymous("203.0.113.7");

    @BothDatabases
    void signUpCostsOneHashWhetherTheNameIsFreeOrTaken(Database database) {
        AccountService accounts =
                new AccountService(database, new AuditLog(database, Clock.systemUTC()), Clock.systemUTC());
        accounts.register("owner", "Owner", PASSWORD, web);
        accounts.register("dana", "Dana", PASSWORD, web);

        long taken = cost(accounts, () -> accounts.signUp("dana", "Dana", PASSWORD, web));
        long free = cost(accounts, () -> accounts.signUp("newcomer", "Newcomer", PASSWORD, web));

        assertThat(taken).isEqualTo(free).isEqualTo(1);
    }

    @BothDatabases
    void aWrongPasswordAndAnUnknownNameCostOneHashEach(Database database) {
        AccountService accounts =
                new AccountService(database, new AuditLog(database, Clock.systemUTC()), Clock.systemUTC());
        accounts.register("owner", "Owner", PASSWORD, web);
        accounts.register("dana", "Dana", PASSWORD, web);

        long wrongPassword = cost(accounts, () -> refused(() -> accounts.login("dana", "not the password", web)));
        long unknownName = cost(accounts, () -> refused(() -> accounts.login("nobody-here", "not the password", web)));

        assertThat(wrongPassword).isEqualTo(unknownName).isEqualTo(1);
    }

    @Test
    void theTestSeesARealHashBeingCounted() {
        // A counter that never moves would make the two tests above pass for nothing.
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash(PASSWORD);
        assertThat(hasher.verify(PASSWORD, hash)).isTrue();
        assertThat(hasher.derivations()).isEqualTo(2);
    }

    @Test
    void theDecoyForUnknownNamesCostsNothingToMakeAndOneRealDerivationToCheck() {
        PasswordHasher hasher = new PasswordHasher();
        String decoy = hasher.decoy();
        String real = hasher.hash(PASSWORD);
        assertThat(hasher.derivations()).isEqualTo(1);

        assertThat(hasher.verify(PASSWORD, decoy)).isFalse();
        assertThat(hasher.derivations()).isEqualTo(2);
        // Same parameters and lengths as a stored hash, so checking it takes as long as checking a real one.
        assertThat(decoy.substring(0, decoy.lastIndexOf('$', decoy.lastIndexOf('$') - 1)))
                .isEqualTo(real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1)));
        assertThat(decoy).hasSameSizeAs(real);
    }

    private static long cost(AccountService accounts, Supplier<?> action) {
        long before = accounts.passwordDerivations();
        action.get();
        return accounts.passwordDerivations() - before;
    }

    private static Object refused(Supplier<?> login) {
        assertThatThrownBy(login::get).isInstanceOf(LoginFailedException.class);
        return null;
    }
}
