package backstop.cli;

import backstop.account.User;
import backstop.app.Services;
import backstop.error.BadInputException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** What commands read from the person: a text file or standard input, and an account named on the command line. */
final class CommandInput {
    private CommandInput() {}

    /** The file's text, or standard input when no file is given; a missing or non-UTF-8 file is bad input. */
    static String text(Optional<Path> file, String option) throws IOException {
        if (file.isEmpty()) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(option, "there is no file " + file.get());
        } catch (MalformedInputException e) {
            throw new BadInputException(option, file.get() + " is not UTF-8 text");
        }
    }

    static User account(Services services, String name, String option) {
        return services.accounts()
                .findByUsername(name)
                .orElseThrow(() -> new BadInputException(option, "no account is called '" + name + "'"));
    }
}
