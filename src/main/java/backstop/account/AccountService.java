package backstop.account;

import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.ForbiddenException;
import backstop.error.LoginFailedException;
import backstop.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** Accounts, logins, sessions and tokens. Independent of the web: the pages, the API and the CLI all call this. */
public final class AccountService {
    static final int MIN_PASSWORD = PasswordPolicy.MIN;
    static final int MAX_PASSWORD = PasswordPolicy.MAX;
    /** The longest an API token may be made for; without an expiry it lasts until revoked. */
    public static final Duration MAX_TOKEN_VALIDITY = Duration.ofDays(3650);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final SecuritySettings settings;
    private final UserRepository users = new UserRepository();
    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordPolicy policy = PasswordPolicy.load();
    private final LoginThrottle throttle = new LoginThrottle();
    private final SessionStore sessions = new SessionStore(users);
    private final ApiTokens tokens = new ApiTokens();
    private final RecentTokens recentTokens = new RecentTokens();
    private final PasswordResets resets = new PasswordResets();
    private final TwoFactor twoFactor = new TwoFactor();
    private final String decoyHash;

    public AccountService(Database database, AuditLog audit, Clock clock) {
        this(database, audit, clock, SecuritySettings.defaults());
    }

    public AccountService(Database database, AuditLog audit, Clock clock, SecuritySettings settings) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
        this.decoyHash = hasher.decoy();
    }

    public SecuritySettings settings() {
        return settings;
    }

    /**
     * Creates an account from the sign-up form. The very first account of an installation becomes its owner (admin);
     * every later one is a person. Clinicians are made by an admin. When the name is taken nothing is created, and
     * the caller learns nothing either: the answer and its cost are the same (so names cannot be probed).
     */
    public Optional<User> signUp(String username, String displayName, String password, Caller caller) {
        String name = normaliseUsername(username);
        validate(name, displayName, password);
        String hash = hasher.hash(password);
        return database.inTransaction(handle -> {
            if (users.findByUsername(handle, name).isPresent()) {
                audit.record(handle, caller, "account.register.taken", Optional.empty(), "name " + name);
                return Optional.empty();
            }
            Role role = claimOwnership(handle, name) ? Role.ADMIN : Role.PERSON;
            User user = insert(handle, name, displayName, role, hash);
            audit.record(handle, caller, "account.register", Optional.of(user), "role " + role.code());
            return Optional.of(user);
        });
    }

    /** Argon2 derivations run so far: what a sign-up or sign-in cost, whether or not the name exists. */
    long passwordDerivations() {
        return hasher.derivations();
    }

    /** Like {@link #signUp}, for callers that may know the name was taken (tests, the demo): it is bad input. */
    public User register(String username, String displayName, String password, Caller caller) {
        return signUp(username, displayName, password, caller)
                .orElseThrow(() -> new BadInputException("username", "is already taken; choose another"));
    }

    /** Creates an account with a chosen role; for the command line and the admin. */
    public User addUser(String username, String displayName, String password, Role role, Caller caller) {
        String name = normaliseUsername(username);
        validate(name, displayName, password);
        String hash = hasher.hash(password);
        return database.inTransaction(handle -> {
            if (users.findByUsername(handle, name).isPresent()) {
                throw new BadInputException("username", "is already taken; choose another");
            }
            claimOwnership(handle, name);
            User user = insert(handle, name, displayName, role, hash);
            audit.record(handle, caller, "account.create", Optional.of(user), "role " + role.code());
            return user;
        });
    }

    public NewSession login(String username, String password, Caller caller) {
        return login(username, password, caller, Optional.empty());
    }

    /**
     * Checks a name and password. {@code replacing} is the session cookie the browser already had: it ends here, so
     * signing in always makes a new session id (no fixation). With two-factor on (or required and not yet set up)
     * the new session is only half-way ({@link SessionStage}) until the code is given.
     */
    public NewSession login(String username, String password, Caller caller, Optional<String> replacing) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        refuseWhileThrottled(name, caller, now);
        Optional<UserRepository.WithHash> found = database.withHandle(handle -> users.findWithHash(handle, name));
        boolean matches = hasher.verify(
                password == null ? "" : password,
                found.map(UserRepository.WithHash::passwordHash).orElse(decoyHash));
        Optional<User> user = found.map(UserRepository.WithHash::user);
        if (user.isEmpty() || !matches) {
            database.useTransaction(handle -> {
                throttle.recordFailure(handle, name, caller.address(), now);
                audit.record(handle, caller, "login.failed", user, "name " + name);
            });
            throw LoginFailedException.wrong();
        }
        return database.inTransaction(handle -> {
            replacing.ifPresent(cookie -> sessions.delete(handle, cookie));
            throttle.clearPair(handle, name, caller.address());
            SessionStage stage =
                    twoFactor.confirmedSince(handle, user.get().id()).isPresent()
                            ? SessionStage.SECOND_FACTOR
                            : settings.requiresTwoFactor(user.get().role()) ? SessionStage.ENROL : SessionStage.FULL;
            NewSession session = sessions.create(handle, user.get(), now, stage);
            audit.record(
                    handle,
                    Caller.of(user.get(), caller.address()),
                    stage == SessionStage.FULL ? "login" : "login.password",
                    user,
                    stage == SessionStage.FULL
                            ? ""
                            : "two-factor " + stage.code().replace('_', ' ') + " next");
            return session;
        });
    }

    /** The second step of signing in: a TOTP or recovery code for a session at {@link SessionStage#SECOND_FACTOR}. */
    public NewSession completeSignIn(String cookie, String code, Caller caller) {
        SignedIn pending = pending(cookie, SessionStage.SECOND_FACTOR);
        User user = pending.user();
        Instant now = clock.instant();
        refuseWhileThrottled(user.username(), caller, now);
        boolean good = database.inTransaction(handle -> twoFactor.verify(handle, user.id(), code, now));
        if (!good) {
            database.useTransaction(handle -> {
                throttle.recordFailure(handle, user.username(), caller.address(), now);
                audit.record(
                        handle, Caller.of(user, caller.address()), "login.two_factor.failed", Optional.of(user), "");
            });
            throw new BadInputException("code", "is not the current code from your app, nor an unused recovery code");
        }
        return database.inTransaction(handle -> {
            sessions.delete(handle, cookie);
            throttle.clearPair(handle, user.username(), caller.address());
            NewSession session = sessions.create(handle, user, now, SessionStage.FULL);
            audit.record(handle, Caller.of(user, caller.address()), "login", Optional.of(user), "with two-factor");
            return session;
        });
    }

    public Optional<SignedIn> resume(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        // A read on a pooled connection: most requests only read the session. The occasional write (the idle timer,
        // at most once a minute, or forgetting an expired session) goes through the writer like every other write.
        SessionStore.Resumed resumed =
                database.withHandle(handle -> sessions.resume(handle, cookieValue, clock.instant()));
        resumed.write().ifPresent(database::useTransaction);
        return resumed.signedIn();
    }

    public void logout(String cookieValue, Caller caller) {
        database.useTransaction(handle -> {
            sessions.delete(handle, cookieValue);
            audit.record(handle, caller, "logout", caller.user(), "");
        });
    }

    /** Changes the caller's password; every other session of the account ends, this one gets a new id. */
    public NewSession changePassword(
            User user, String current, String replacement, Optional<String> cookie, Caller caller) {
        String hash = database.withHandle(handle -> users.passwordHash(handle, user.id()))
                .orElseThrow(() -> new NotFoundException("no account with id " + user.id()));
        if (!hasher.verify(current == null ? "" : current, hash)) {
            throw new BadInputException("current_password", "is not your current password");
        }
        policy.check("new_password", replacement, user.username()).ifPresent(error -> {
            throw new BadInputException(List.of(error));
        });
        if (replacement.equals(current)) {
            throw new BadInputException("new_password", "is the same as the current one");
        }
        String newHash = hasher.hash(replacement);
        return database.inTransaction(handle -> {
            users.updatePassword(handle, user.id(), newHash);
            sessions.deleteAllOf(handle, user.id());
            audit.record(handle, caller, "password.change", Optional.of(user), "other sessions ended");
            return sessions.create(handle, user, clock.instant(), SessionStage.FULL);
        });
    }

    /** A single-use reset link for an account, valid {@link PasswordResets#VALID}; made by an admin or the CLI. */
    public String issuePasswordReset(String username, Caller caller) {
        caller.user().ifPresent(AccountService::requireAdmin);
        User user = findByUsername(username).orElseThrow(() -> new NotFoundException("no account named " + username));
        return database.inTransaction(handle -> {
            String token = resets.issue(handle, user.id(), clock.instant());
            audit.record(handle, caller, "password.reset.issue", Optional.of(user), "valid 24 hours");
            return token;
        });
    }

    /** The account a reset link is for while it still works. */
    public Optional<User> passwordResetFor(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return database.withHandle(
                handle -> resets.peek(handle, token, clock.instant()).flatMap(id -> users.findById(handle, id)));
    }

    /** Sets a new password through a reset link, uses the link up and ends every session of the account. */
    public User resetPassword(String token, String replacement, Caller caller) {
        User user = passwordResetFor(token)
                .orElseThrow(
                        () -> new NotFoundException("this reset link has been used, has expired or never existed"));
        policy.check("new_password", replacement, user.username()).ifPresent(error -> {
            throw new BadInputException(List.of(error));
        });
        String newHash = hasher.hash(replacement);
        return database.inTransaction(handle -> {
            if (!resets.redeem(handle, token, clock.instant())) {
                throw new NotFoundException("this reset link has been used, has expired or never existed");
            }
            users.updatePassword(handle, user.id(), newHash);
            sessions.deleteAllOf(handle, user.id());
            throttle.clearAccount(handle, user.username());
            audit.record(handle, caller, "password.reset", Optional.of(user), "sessions ended");
            return user;
        });
    }

    /** Forgets every failed sign-in of an account, so its owner can sign in at once. Returns how many there were. */
    public int unlock(String username, Caller caller) {
        caller.user().ifPresent(AccountService::requireAdmin);
        User user = findByUsername(username).orElseThrow(() -> new NotFoundException("no account named " + username));
        return database.inTransaction(handle -> {
            int cleared = throttle.clearAccount(handle, user.username());
            audit.record(handle, caller, "account.unlock", Optional.of(user), cleared + " failed attempt(s) forgotten");
            return cleared;
        });
    }

    public TwoFactorStatus twoFactorStatus(User user) {
        return database.withHandle(handle -> new TwoFactorStatus(
                twoFactor.confirmedSince(handle, user.id()),
                twoFactor.unusedRecoveryCodes(handle, user.id()),
                settings.requiresTwoFactor(user.role())));
    }

    /** Starts setting up two-factor: a new secret, shown to the person as a QR code and as text. */
    public TwoFactorSetup beginTwoFactor(User user, Caller caller) {
        return database.inTransaction(handle -> {
            if (twoFactor.confirmedSince(handle, user.id()).isPresent()) {
                throw new BadInputException("two_factor", "is already on; turn it off first to set up a new app");
            }
            String secret = twoFactor.begin(handle, user.id(), clock.instant());
            audit.record(handle, caller, "two_factor.begin", Optional.of(user), "");
            return new TwoFactorSetup(secret, user.username());
        });
    }

    /** The setup in progress, to show its QR code again. */
    public Optional<TwoFactorSetup> pendingTwoFactor(User user) {
        return database.withHandle(handle -> twoFactor.pendingSecret(handle, user.id()))
                .map(secret -> new TwoFactorSetup(secret, user.username()));
    }

    /** Turns two-factor on for a signed-in account once its first code checks out. */
    public List<String> confirmTwoFactor(User user, String code, Caller caller) {
        return database.inTransaction(handle -> confirm(handle, user, code, caller));
    }

    /**
     * For a session that had to set up two-factor before signing in ({@link SessionStage#ENROL}): turns it on and
     * replaces the session with a signed-in one.
     */
    public Enrolled completeEnrolment(String cookie, String code, Caller caller) {
        User user = pending(cookie, SessionStage.ENROL).user();
        return database.inTransaction(handle -> {
            List<String> codes = confirm(handle, user, code, caller);
            sessions.delete(handle, cookie);
            NewSession session = sessions.create(handle, user, clock.instant(), SessionStage.FULL);
            audit.record(handle, Caller.of(user, caller.address()), "login", Optional.of(user), "with two-factor");
            return new Enrolled(codes, Optional.of(session));
        });
    }

    /** Replaces the recovery codes (the old ones stop working); needs the password. */
    public List<String> newRecoveryCodes(User user, String password, Caller caller) {
        requirePassword(user, password, "password");
        return database.inTransaction(handle -> {
            if (twoFactor.confirmedSince(handle, user.id()).isEmpty()) {
                throw new BadInputException("two_factor", "is not on");
            }
            List<String> codes = twoFactor.newRecoveryCodes(handle, user.id());
            audit.record(handle, caller, "two_factor.recovery_codes", Optional.of(user), "replaced");
            return codes;
        });
    }

    /** Turns two-factor off; needs the password, and is refused where the server requires it for the role. */
    public void disableTwoFactor(User user, String password, Caller caller) {
        if (settings.requiresTwoFactor(user.role())) {
            throw new BadInputException(
                    "two_factor", "is required for " + user.role().code() + "s on this server");
        }
        requirePassword(user, password, "password");
        database.useTransaction(handle -> {
            twoFactor.remove(handle, user.id());
            audit.record(handle, caller, "two_factor.off", Optional.of(user), "");
        });
    }

    /** For the operator when the phone and the recovery codes are lost: two-factor off, every session ended. */
    public void removeTwoFactor(String username, Caller caller) {
        caller.user().ifPresent(AccountService::requireAdmin);
        User user = findByUsername(username).orElseThrow(() -> new NotFoundException("no account named " + username));
        database.useTransaction(handle -> {
            twoFactor.remove(handle, user.id());
            sessions.deleteAllOf(handle, user.id());
            audit.record(handle, caller, "two_factor.removed", Optional.of(user), "by the operator");
        });
    }

    /**
     * The owner of a valid token. The token is read from the database at most once per {@link RecentTokens#RECHECK}
     * (see there for how soon a change on another server is seen); its expiry is checked on every call.
     */
    public Optional<User> userForApiToken(String token) {
        if (token == null || !token.startsWith("bst_") || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Secrets.sha256(token);
        Optional<ApiTokens.Known> known = recentTokens.get(hash, now);
        if (known.isEmpty()) {
            // A read on a pooled connection; the last use is written through the writer, and only once a minute, so
            // a token request adds no commit of its own to the write it carries.
            long generation = recentTokens.generation();
            known = database.withHandle(handle -> tokens.find(handle, hash, now));
            known.ifPresent(read -> recentTokens.keep(read, generation));
        }
        Optional<ApiTokens.Known> valid = known.filter(k -> k.validAt(now));
        valid.filter(k -> k.staleAt(now) && recentTokens.claimTouch(k, now))
                .ifPresent(stale -> database.useTransaction(handle -> tokens.touch(handle, hash, now)));
        return valid.map(ApiTokens.Known::user);
    }

    /** A new API token for {@code user}; the value is returned once and cannot be shown again. */
    public String createApiToken(User user, String name, Caller caller) {
        return createApiToken(user, name, Optional.empty(), caller);
    }

    /** Like {@link #createApiToken(User, String, Caller)}, refused after {@code validFor} when given. */
    public String createApiToken(User user, String name, Optional<Duration> validFor, Caller caller) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 80) {
            throw new BadInputException("name", "must be at most 80 characters");
        }
        if (hasControlCharacters(label)) {
            throw new BadInputException("name", "must not contain control characters");
        }
        if (validFor.isPresent()
                && (validFor.get().isNegative()
                        || validFor.get().isZero()
                        || validFor.get().compareTo(MAX_TOKEN_VALIDITY) > 0)) {
            throw new BadInputException("expires", "must be between 1 day and 3650 days, or never");
        }
        Instant now = clock.instant();
        return database.inTransaction(handle -> {
            String token = tokens.create(handle, user, label, now, validFor.map(now::plus));
            audit.record(
                    handle,
                    caller,
                    "token.create",
                    Optional.of(user),
                    label
                            + validFor.map(d -> ", expires after " + d.toDays() + " days")
                                    .orElse(""));
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
        try {
            return database.inTransaction(handle -> {
                handle.createUpdate("UPDATE users SET display_name = :name WHERE id = :id")
                        .bind("name", name)
                        .bind("id", user.id())
                        .execute();
                audit.record(handle, caller, "account.profile", Optional.of(user), "display name changed");
                return users.findById(handle, user.id()).orElseThrow();
            });
        } finally {
            recentTokens.forgetAll();
        }
    }

    public List<ApiTokenInfo> apiTokens(User user) {
        return database.withHandle(handle -> tokens.list(handle, user.id()));
    }

    /**
     * Revokes one of the user's own tokens: at once on this server, within {@link RecentTokens#RECHECK} on another
     * server sharing the database.
     */
    public void revokeApiToken(User user, long tokenId, Caller caller) {
        try {
            database.useTransaction(handle -> {
                if (!tokens.delete(handle, user.id(), tokenId)) {
                    throw new NotFoundException("no such token");
                }
                audit.record(handle, caller, "token.revoke", Optional.of(user), "token " + tokenId);
            });
        } finally {
            recentTokens.forgetAll();
        }
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

    /** Changes a role; the account's sessions end, so its next sign-in gets a new session with the new privileges. */
    public User changeRole(long userId, Role role, Caller caller) {
        User admin = caller.user().orElseThrow(() -> new ForbiddenException("sign in first"));
        requireAdmin(admin);
        if (admin.id() == userId && role != Role.ADMIN) {
            throw new BadInputException("role", "you cannot take the admin role from yourself; ask another admin");
        }
        try {
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
        } finally {
            // Its tokens now carry the new role: on this server at once, on others within RecentTokens.RECHECK.
            recentTokens.forgetAll();
        }
    }

    /**
     * Deletes the caller's own account and, through the database's cascades, every piece of their data. The audit
     * trail keeps a line saying it happened.
     */
    public void deleteOwnAccount(User user, String password, Caller caller) {
        requirePassword(user, password, "password");
        try {
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
        } finally {
            recentTokens.forgetAll();
        }
    }

    /** What the account export holds about sign-in: never a secret, a hash or a code. */
    public java.util.Map<String, Object> securityExport(User user) {
        TwoFactorStatus status = twoFactorStatus(user);
        java.util.Map<String, Object> export = new java.util.LinkedHashMap<>();
        export.put(
                "two_factor_enabled_since",
                status.enabledSince().map(Instant::toString).orElse(null));
        export.put("unused_recovery_codes", status.unusedRecoveryCodes());
        export.put("api_tokens", apiTokens(user));
        return export;
    }

    private List<String> confirm(Handle handle, User user, String code, Caller caller) {
        List<String> codes = twoFactor
                .confirm(handle, user.id(), code, clock.instant())
                .orElseThrow(() -> new BadInputException(
                        "code", "does not match; check the time on your phone and type the newest code"));
        audit.record(handle, caller, "two_factor.on", Optional.of(user), "");
        return codes;
    }

    private SignedIn pending(String cookie, SessionStage stage) {
        return resume(cookie)
                .filter(session -> session.stage() == stage)
                .orElseThrow(() -> new ForbiddenException("this sign-in has expired; please sign in again"));
    }

    private void refuseWhileThrottled(String name, Caller caller, Instant now) {
        Duration wait = database.withHandle(handle -> throttle.waitFor(handle, name, caller.address(), now));
        if (!wait.isZero()) {
            audit.recordAlone(caller, "login.throttled", Optional.empty(), "name " + name);
            throw new LoginFailedException(wait);
        }
    }

    private void requirePassword(User user, String password, String field) {
        String hash = database.withHandle(handle -> users.passwordHash(handle, user.id()))
                .orElseThrow(() -> new NotFoundException("no account with id " + user.id()));
        if (!hasher.verify(password == null ? "" : password, hash)) {
            throw new BadInputException(field, "is not your current password");
        }
    }

    private boolean claimOwnership(Handle handle, String username) {
        // The settings row has a primary key, so of two sign-ups racing on a fresh install exactly one becomes owner;
        // the other's insert does nothing (on PostgreSQL both may pass NOT EXISTS, so the key decides, quietly).
        int inserted = handle.createUpdate("""
                        INSERT INTO settings (name, value)
                        SELECT 'owner', :username WHERE NOT EXISTS (SELECT 1 FROM settings WHERE name = 'owner')
                        ON CONFLICT (name) DO NOTHING""").bind("username", username).execute();
        return inserted == 1;
    }

    private User insert(Handle handle, String username, String displayName, Role role, String hash) {
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

    private void validate(String username, String displayName, String password) {
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
        policy.check("password", password, username).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }
}
