package backstop.cli;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.error.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage accounts.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Token.class,
            UserCommand.ListUsers.class,
            UserCommand.Reset.class,
            UserCommand.Unlock.class,
            UserCommand.TwoFactorOff.class,
            CommandLine.HelpCommand.class
        })
final class UserCommand extends CommandGroup {
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Create an account with a role.",
                "Without --password-stdin a strong password is generated and printed once."
            })
    static final class Add implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "NAME", description = "User name: 3-32 of a-z 0-9 . _ -")
        String username;

        @Option(
                names = "--role",
                defaultValue = "person",
                description = "person, clinician or admin (default: ${DEFAULT-VALUE})")
        String role;

        @Option(names = "--display-name", defaultValue = "", description = "The name shown on pages.")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Role chosen = Role.fromCode("--role", role);
            String password = passwordFromStdin ? readLine() : generatePassword();
            try (Services services = database.open()) {
                User user = services.accounts()
                        .addUser(username, displayName, password, chosen, Caller.commandLine(Optional.empty()));
                spec.commandLine().getOut().println("Created " + user.role().code() + " '" + user.username() + "'.");
                if (!passwordFromStdin) {
                    spec.commandLine().getOut().println("Password (shown once): " + password);
                }
            }
            return 0;
        }

        private static String readLine() throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new BadInputException("password", "standard input was empty");
            }
            return line;
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            description = "Create an API token for an account and print it once.")
    static final class Token implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "NAME", description = "The account's user name.")
        String username;

        @Option(names = "--name", defaultValue = "command line", description = "A label for the token.")
        String label;

        @Option(
                names = "--expires",
                paramLabel = "DAYS",
                description = "Refuse the token after this many days (default: it lasts until revoked).")
        Integer expiresDays;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                User user = CommandInput.account(services, username, "NAME");
                Optional<java.time.Duration> validity =
                        Optional.ofNullable(expiresDays).map(days -> java.time.Duration.ofDays(days));
                String token =
                        services.accounts().createApiToken(user, label, validity, Caller.commandLine(Optional.empty()));
                spec.commandLine().getOut().println(token);
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts and their roles.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                services.database()
                        .withHandle(handle -> handle.createQuery(
                                        "SELECT username, role, created_at FROM users ORDER BY username")
                                .map((rs, ctx) -> String.format(
                                        "%-32s %-10s %s",
                                        rs.getString("username"),
                                        rs.getString("role"),
                                        rs.getTimestamp("created_at").toInstant()))
                                .list())
                        .forEach(spec.commandLine().getOut()::println);
            }
            return 0;
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = {
                "Make a single-use password reset link for an account and print it.",
                "It works once within 24 hours; give it to the person by a channel you trust."
            })
    static final class Reset implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "NAME", description = "The account's user name.")
        String username;

        @Option(
                names = "--base-url",
                defaultValue = "${env:BACKSTOP_BASE_URL:-http://localhost:8080}",
                description = "Where people reach this server (env BACKSTOP_BASE_URL; default: ${DEFAULT-VALUE}).")
        String baseUrl;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                User user = CommandInput.account(services, username, "NAME");
                String token =
                        services.accounts().issuePasswordReset(user.username(), Caller.commandLine(Optional.empty()));
                String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
                spec.commandLine().getOut().println(base + "/reset/" + token);
            }
            return 0;
        }
    }

    @Command(
            name = "unlock",
            mixinStandardHelpOptions = true,
            description = "Forget an account's failed sign-ins, so its owner can sign in at once.")
    static final class Unlock implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "NAME", description = "The account's user name.")
        String username;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                User user = CommandInput.account(services, username, "NAME");
                int cleared = services.accounts().unlock(user.username(), Caller.commandLine(Optional.empty()));
                spec.commandLine()
                        .getOut()
                        .println("Unlocked '" + user.username() + "': " + cleared + " failed attempt(s) forgotten.");
            }
            return 0;
        }
    }

    @Command(
            name = "two-factor-off",
            mixinStandardHelpOptions = true,
            description = {
                "Turn two-factor sign-in off for an account whose phone and recovery codes are lost.",
                "Every session of the account ends; it signs in with its password (and sets it up again if required)."
            })
    static final class TwoFactorOff implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Parameters(paramLabel = "NAME", description = "The account's user name.")
        String username;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                User user = CommandInput.account(services, username, "NAME");
                services.accounts().removeTwoFactor(user.username(), Caller.commandLine(Optional.empty()));
                spec.commandLine().getOut().println("Two-factor sign-in is off for '" + user.username() + "'.");
            }
            return 0;
        }
    }

    static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
