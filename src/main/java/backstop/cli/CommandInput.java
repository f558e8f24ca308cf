package backstop.cli;

import backstop.account.User;
import backstop.app.Services;
import backstop.error.BadInputException;
import backstop.error.StrictUtf8;
import java.io.IOException;
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
        return utf8(bytes(file.get(), option), file.get(), option);
    }

    /** The file's bytes; a missing file is bad input. */
    static byte[] bytes(Path file, String option) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(option, "there is no file " + file);
        }
    }

    /** The bytes read from {@code file} as UTF-8 text; bytes that are not UTF-8 are bad input. */
    static String utf8(byte[] bytes, Path file, String option) {
        return StrictUtf8.decode(bytes, option, file + " is not UTF-8 text");
    }

    static User account(Services services, String name, String option) {
        return services.accounts()
                .findByUsername(name)
                .orElseThrow(() -> new BadInputException(option, "no account is called '" + name + "'"));
    }
}
