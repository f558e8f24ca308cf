package backstop.account;

import backstop.error.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be (OWASP ASVS 5.0 §6.2): at least {@link #MIN} characters, up to {@link #MAX}, any
 * characters at all and no composition rules; not one of the 30,000 most common passwords (shipped in the jar, see
 * {@code account/common-passwords.txt} for its source), not the account's name and not the name of this app.
 */
final class PasswordPolicy {
    static final int MIN = 8;
    static final int MAX = 128;
    private static final String LIST = "/account/common-passwords.txt";
    private static final int FEWEST = 10_000;
    private final byte[] list;
    // Built at the first password checked, not at start-up: 30,000 strings hashed into a set cost a start about
    // 40 ms and the JIT work on top, and most starts check no password for a while.
    private volatile Set<String> common;

    private PasswordPolicy(byte[] list) {
        this.list = list;
    }

    /**
     * Reads the list and checks that it has at least {@value #FEWEST} lines of passwords, so a missing or cut-short
     * list stops the start; the set itself is built when the first password is checked.
     */
    static PasswordPolicy load() {
        byte[] list;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the jar");
            }
            list = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
        return of(list);
    }

    /** The policy for a list in the format of {@code common-passwords.txt}; refused when it is cut short. */
    static PasswordPolicy of(byte[] list) {
        int lines = passwordLines(list);
        if (lines < FEWEST) {
            throw new IllegalStateException(LIST + " holds only " + lines + " passwords");
        }
        return new PasswordPolicy(list.clone());
    }

    /** How many lines hold a password (neither blank nor a {@code #} comment), counted without decoding them. */
    private static int passwordLines(byte[] list) {
        int lines = 0;
        int at = 0;
        while (at < list.length) {
            int end = at;
            while (end < list.length && list[end] != '\n') {
                end++;
            }
            int stop = end > at && list[end - 1] == '\r' ? end - 1 : end;
            if (stop > at && list[at] != '#') {
                lines++;
            }
            at = end + 1;
        }
        return lines;
    }

    /** The distinct passwords of the list: one a line, blank lines and {@code #} comments left out. */
    private static Set<String> words(byte[] list) {
        return new String(list, StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many distinct passwords the list holds. */
    int size() {
        return common().size();
    }

    private Set<String> common() {
        Set<String> words = common;
        if (words == null) {
            words = words(list);
            common = words;
        }
        return words;
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
        if (common().contains(lower) || common().contains(lower.strip())) {
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
