package backstop.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, and from where: every service call that reads or changes a person's data takes one, so the audit
 * trail can say who did it. {@code address} is the client's IP for the web, {@code cli} for the command line.
 */
public record Caller(Optional<User> user, String address) {
    public Caller {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }

    public static Caller anonymous(String address) {
        return new Caller(Optional.empty(), address);
    }

    public static Caller of(User user, String address) {
        return new Caller(Optional.of(user), address);
    }

    public static Caller commandLine(Optional<User> user) {
        return new Caller(user, "cli");
    }
}
