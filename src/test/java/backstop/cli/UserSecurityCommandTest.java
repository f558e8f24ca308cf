package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's account-security commands: reset links, unlocking, two-factor off, expiring tokens. */
class UserSecurityCommandTest {
    @TempDir
    Path folder;

    private String db() {
        return "sqlite:" + folder.resolve("cli.db");
    }

    private void addDana() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a long enough secret\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(CommandLineTest.run("user", "add", "dana", "--password-stdin", "--db", db())
                            .exitCode())
                    .isZero();
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void resetPrintsASingleUseLinkOnTheGivenAddress() {
        addDana();
        CommandLineTest.Run run =
                CommandLineTest.run("user", "reset", "dana", "--base-url", "https://clinic.example/", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).matches("https://clinic\\.example/reset/[A-Za-z0-9_-]{43}");
        assertThat(CommandLineTest.run("user", "reset", "nobody", "--db", db()).exitCode())
                .isNotZero();
    }

    @Test
    void unlockSaysHowManyFailuresItForgot() {
        addDana();
        CommandLineTest.Run run = CommandLineTest.run("user", "unlock", "dana", "--db", db());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Unlocked 'dana': 0 failed attempt(s) forgotten.");
    }

    @Test
    void twoFactorOffAndAnExpiringToken() {
        addDana();
        assertThat(CommandLineTest.run("user", "two-factor-off", "dana", "--db", db())
                        .out())
                .contains("Two-factor sign-in is off for 'dana'.");
        CommandLineTest.Run token = CommandLineTest.run("user", "token", "dana", "--expires", "30", "--db", db());
        assertThat(token.exitCode()).isZero();
        assertThat(token.out()).startsWith("bst_");
        assertThat(CommandLineTest.run("user", "token", "dana", "--expires", "0", "--db", db())
                        .exitCode())
                .isEqualTo(2);
    }
}
