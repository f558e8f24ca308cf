package backstop.account;

import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.ForbiddenException;
import backstop.error.LoginFailedException;
import backstop.error.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Accounts, logins, sessions and tokens. Independent of the web: the pages, the API and the CLI all call this. */
public final class AccountService {
    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final UserRepository users = new UserRepository();
    private final PasswordHasher hasher = new PasswordHasher();
    private final LoginThrottle throttle = new LoginThrottle();
    private final SessionStore sessions = new SessionStore(users);
    private final ApiTokens tokens = new ApiTokens(users);
    private final String decoyHash;

    public AccountService(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.decoy();
    }

    /**
     * Creates an account from the sign-up form. The very first account of an installation becomes its owner (admin);
     * every later one is a person. Clinicians are made by an admin.
     */
    public User register(String username, String displayName, String password, Caller caller) {
        String name = normaliseUsername(username);
        validate(name, displayName, password);
        String hash = hasher.hash(password);
        return database.inTransaction(handle -> {
            Role role = claimOwnership(handle, name) ? Role.ADMIN : Role.PERSON;
            User user = insert(handle, name, displayName, role, hash);
            audit.record(handle, caller, "account.register", Optional.of(user), "role " + role.code());
            return user;
        });
    }

    /** Creates an account with a chosen role; for the command line and the admin. */
    public User addUser(String username, String displayName, String password, Role role, Caller caller) {
        String name = normaliseUsername(username);
        validate(name, displayName, password);
        String hash = hasher.hash(password);
        return database.inTransaction(handle -> {
            claimOwnership(handle, name);
            User user = insert(handle, name, displayName, role, hash);
            audit.record(handle, caller, "account.create", Optional.of(user), "role " + role.code());
            return user;
        });
    }

    public NewSession login(String username, String password, Caller caller) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        var now = clock.instant();
        boolean blocked = database.withHandle(handle -> throttle.isBlocked(handle, name, caller.address(), now));
        if (blocked) {
            audit.recordAlone(caller, "login.throttled", Optional.empty(), "name " + name);
            throw new LoginFailedException(true);
        }
        Optional<User> user = database.withHandle(handle -> users.findByUsername(handle, name));
        String hash = user.flatMap(found -> database.withHandle(handle -> users.passwordHash(handle, found.id())))
                .orElse(decoyHash);
        boolean matches = hasher.verify(password == null ? "" : password, hash);
        if (user.isEmpty() || !matches) {
            database.useTransaction(handle -> {
                throttle.recordFailure(handle, name, caller.address(), now);
                audit.record(handle, caller, "login.failed", user, "name " + name);
            });
            throw new LoginFailedException(false);
        }
        return database.inTransaction(handle -> {
            throttle.clearAccount(handle, name);
            NewSession session = sessions.create(handle, user.get(), now);
            audit.record(handle, Caller.of(user.get(), caller.address()), "login", user, "");
            return session;
        });
    }

    public Optional<SignedIn> resume(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        // No transaction: most requests only read the session, and on SQLite a transaction takes the write lock.
        // The occasional refresh is one statement, atomic on its own.
        return database.withHandle(handle -> sessions.resume(handle, cookieValue, clock.instant()));
    }

    public void logout(String cookieValue, Caller caller) {
        database.useTransaction(handle -> {
            sessions.delete(handle, cookieValue);
            audit.record(handle, caller, "logout", caller.user(), "");
        });
    }

    public Optional<User> userForApiToken(String token) {
        if (token == null || !token.startsWith("bst_") || token.length() > 100) {
            return Optional.empty();
        }
        return database.withHandle(handle -> tokens.resolve(handle, token, clock.instant()));
    }

    /** A new API token for {@code user}; the value is returned once and cannot be shown again. */
    public String createApiToken(User user, String name, Caller caller) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 80) {
            throw new BadInputException("name", "must be at most 80 characters");
        }
        if (hasControlCharacters(label)) {
            throw new BadInputException("name", "must not contain control characters");
        }
        return database.inTransaction(handle -> {
            String token = tokens.create(handle, user, label, clock.instant());
            audit.record(handle, caller, "token.create", Optional.of(user), label);
            return token;
        });
    }

    public User changeDisplayName(User user, String displayName, Caller caller) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new BadInputException("display_name", "must be 1 to 80 characters");
        }
        if (hasControlCharacters(name)) {
            throw new BadInputException("display_name", "must not contain control characters");
        }
        return database.inTransaction(handle -> {
            handle.createUpdate("UPDATE users SET display_name = :name WHERE id = :id")
                    .bind("name", name)
                    .bind("id", user.id())
                    .execute();
            audit.record(handle, caller, "account.profile", Optional.of(user), "display name changed");
            return users.findById(handle, user.id()).orElseThrow();
        });
    }

    public List<ApiTokenInfo> apiTokens(User user) {
        return database.withHandle(handle -> tokens.list(handle, user.id()));
    }

    /** Revokes one of the user's own tokens at once. */
    public void revokeApiToken(User user, long tokenId, Caller caller) {
        database.useTransaction(handle -> {
            if (!tokens.delete(handle, user.id(), tokenId)) {
                throw new NotFoundException("no such token");
            }
            audit.record(handle, caller, "token.revoke", Optional.of(user), "token " + tokenId);
        });
    }

    public Optional<User> findByUsername(String username) {
        return database.withHandle(handle -> users.findByUsername(handle, normaliseUsername(username)));
    }

    public User get(long id) {
        return database.withHandle(handle -> users.findById(handle, id))
                .orElseThrow(() -> new NotFoundException("no account with id " + id));
    }

    public List<User> allUsers(User admin) {
        requireAdmin(admin);
        return database.withHandle(users::all);
    }

    public User changeRole(long userId, Role role, Caller caller) {
        User admin = caller.user().orElseThrow(() -> new ForbiddenException("sign in first"));
        requireAdmin(admin);
        if (admin.id() == userId && role != Role.ADMIN) {
            throw new BadInputException("role", "you cannot take the admin role from yourself; ask another admin");
        }
        return database.inTransaction(handle -> {
            User before = users.findById(handle, userId)
                    .orElseThrow(() -> new NotFoundException("no account with id " + userId));
            users.updateRole(handle, userId, role);
            sessions.deleteAllOf(handle, userId);
            audit.record(
                    handle,
                    caller,
                    "account.role",
                    Optional.of(before),
                    before.role().code() + " -> " + role.code());
            return users.findById(handle, userId).orElseThrow();
        });
    }

    /**
     * Deletes the caller's own account and, through the database's cascades, every piece of their data. The audit
     * trail keeps a line saying it happened.
     */
    public void deleteOwnAccount(User user, String password, Caller caller) {
        String hash = database.withHandle(handle -> users.passwordHash(handle, user.id()))
                .orElseThrow(() -> new NotFoundException("no account with id " + user.id()));
        if (!hasher.verify(password == null ? "" : password, hash)) {
            throw new BadInputException("password", "is not your current password");
        }
        database.useTransaction(handle -> {
            long admins = handle.createQuery("SELECT COUNT(*) FROM users WHERE role = 'admin'")
                    .mapTo(Long.class)
                    .one();
            if (user.is(Role.ADMIN) && admins <= 1) {
                throw new BadInputException("account", "you are the only admin; make someone else admin first");
            }
            audit.record(handle, caller, "account.delete", Optional.of(user), "deleted with all data");
            users.delete(handle, user.id());
        });
    }

    private boolean claimOwnership(Handle handle, String username) {
        // The settings row has a primary key, so of two sign-ups racing on a fresh install exactly one becomes owner.
        int inserted = handle.createUpdate("""
                        INSERT INTO settings (name, value)
                        SELECT 'owner', :username WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'owner')""").bind("username", username).execute();
        return inserted == 1;
    }

    private User insert(Handle handle, String username, String displayName, Role role, String hash) {
        if (users.findByUsername(handle, username).isPresent()) {
            throw new BadInputException("username", "is already taken; choose another");
        }
        String shown = displayName == null || displayName.isBlank() ? username : displayName.strip();
        long id = users.insert(handle, username, shown, role, hash, clock.instant());
        return users.findById(handle, id).orElseThrow();
    }

    /** Control characters (NUL, bidirectional overrides and the like) only confuse the pages and the audit trail. */
    private static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    private static void requireAdmin(User user) {
        if (!user.is(Role.ADMIN)) {
            throw new ForbiddenException("only an admin may do this");
        }
    }

    private static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static void validate(String username, String displayName, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldError(
                    "username", "use 3 to 32 characters: lower-case letters, digits, dot, dash or underscore"));
        }
        if (displayName != null && displayName.strip().length() > 80) {
            errors.add(new FieldError("display_name", "must be at most 80 characters"));
        }
        if (displayName != null && hasControlCharacters(displayName)) {
            errors.add(new FieldError("display_name", "must not contain control characters"));
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD + " characters"));
        } else if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "must be at most " + MAX_PASSWORD + " characters"));
        } else if (password.toLowerCase(Locale.ROOT).contains(username) && !username.isEmpty()) {
            errors.add(new FieldError("password", "must not contain your user name"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }
}
