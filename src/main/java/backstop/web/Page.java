package backstop.web;

import backstop.account.Role;
import backstop.account.User;
import java.util.Objects;
import java.util.Optional;

/** What the layout of every page needs: the title, who is signed in, the anti-forgery token and where we are. */
public record Page(String title, Optional<User> user, String csrfToken, String path) {
    public Page {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(path, "path");
    }

    public boolean signedIn() {
        return user.isPresent();
    }

    public boolean isAdmin() {
        return user.map(u -> u.is(Role.ADMIN)).orElse(false);
    }

    public boolean isClinician() {
        return user.map(u -> u.is(Role.CLINICIAN)).orElse(false);
    }

    public String userName() {
        return user.map(User::displayName).orElse("");
    }

    /** Marks the navigation link of the current section. */
    public boolean at(String prefix) {
        return "/".equals(prefix) ? "/".equals(path) : path.startsWith(prefix);
    }

    /** The htmx header attribute value that makes every htmx request carry the token. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrfToken + "\"}";
    }
}
