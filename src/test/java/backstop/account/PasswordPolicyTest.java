package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13, finding 4: new passwords as OWASP ASVS 5.0 §6.2 asks. */
class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.load();

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "1234567890", "qwertyuiop", "iloveyou", "Password1", "QWERTYUIOP"})
    void theMostCommonPasswordsAreRefused(String common) {
        assertThat(POLICY.check("password", common, "dana"))
                .hasValueSatisfying(error -> assertThat(error.message()).contains("most common"));
    }

    @Test
    void theListShipsInTheJarWithAtLeastTenThousandEntries() {
        assertThat(POLICY.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void aListCutShortStopsTheStartInsteadOfLettingCommonPasswordsThrough() {
        byte[] cutShort = "# the first lines only\npassword\n123456\r\n\nqwerty\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PasswordPolicy.of(cutShort))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds only 3 passwords");
    }

    @Test
    void theAccountsOwnNameIsRefused() {
        assertThat(POLICY.check("password", "dana-k-2026!x", "dana-k")).isPresent();
        assertThat(POLICY.check("password", "k-anad-", "-dana-k")).isPresent();
    }

    @Test
    void eightCharactersAreEnoughAndLongPassphrasesAreWelcome() {
        assertThat(POLICY.check("password", "tz8!vqmr", "dana")).isEmpty();
        assertThat(POLICY.check("password", "tz8!vqm", "dana")).isPresent();
        assertThat(POLICY.check("password", "x".repeat(20) + " correct horse battery staple ".repeat(3), "dana"))
                .isEmpty();
        assertThat(POLICY.check("password", "y".repeat(129), "dana")).isPresent();
    }

    @Test
    void noCompositionRulesAnyCharacterCounts() {
        assertThat(POLICY.check("password", "alllowercaseletters", "dana")).isEmpty();
        assertThat(POLICY.check("password", "ümlaut und 中文 密码", "dana")).isEmpty();
    }
}
