package backstop.account;

import backstop.error.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (OWASP ASVS 5.0 §6.2): at least {@link #MIN} characters, up to {@link #MAX}, any
 * characters at all and no composition rules; not one of the 30,000 most common passwords (shipped in the jar, see
 * {@code account/common-passwords.txt} for its source), not the account's name and not the name of this app.
 */
final class PasswordPolicy {
    static final int MIN = 8;
    static final int MAX = 128;
    private static final String LIST = "/account/common-passwords.txt";
    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    static PasswordPolicy load() {
        InputStream in = PasswordPolicy.class.getResourceAsStream(LIST);
        if (in == null) {
            throw new IllegalStateException(LIST + " is missing from the jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> words = new HashSet<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                }
            }
            if (words.size() < 10_000) {
                throw new IllegalStateException(LIST + " holds only " + words.size() + " passwords");
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }

    int size() {
        return common.size();
    }

    /** Why {@code password} may not be used by {@code username}, if it may not. */
    Optional<FieldError> check(String field, String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            return Optional.of(new FieldError(field, "must be at least " + MIN + " characters"));
        }
        if (password.length() > MAX) {
            return Optional.of(new FieldError(field, "must be at most " + MAX + " characters"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(lower.strip())) {
            return Optional.of(new FieldError(
                    field, "is one of the most common passwords, which attackers try first; choose another"));
        }
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && (lower.contains(name) || lower.equals(reversed(name)))) {
            return Optional.of(new FieldError(field, "must not contain your user name"));
        }
        if (lower.strip().replaceAll("[^a-z]", "").equals("backstop")) {
            return Optional.of(new FieldError(field, "must not be the name of this app"));
        }
        return Optional.empty();
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
