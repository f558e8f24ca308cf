package backstop.account.pages;

import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.AuditQuery;
import backstop.account.NewSession;
import backstop.account.PersonalData;
import backstop.account.User;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.LoginFailedException;
import backstop.json.Doc;
import backstop.json.Json;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Auth;
import backstop.web.JsonBodies;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sign-up, log-in, log-out and the account page (API tokens, export and deletion of one's own data). */
public final class AccountPages implements Routes {
    private final AccountService accounts;
    private final AuditLog audit;
    private final Templates templates;
    private final List<PersonalData<?>> features;

    public AccountPages(AccountService accounts, AuditLog audit, Templates templates, List<PersonalData<?>> features) {
        this.accounts = accounts;
        this.audit = audit;
        this.templates = templates;
        this.features = List.copyOf(features);
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/register", ctx -> showRegister(ctx, new RegisterView("", "", List.of()), 200), Access.ANYONE);
        routes.post("/register", this::register, Access.ANYONE);
        routes.get("/login", ctx -> showLogin(ctx, "", Optional.empty(), 200), Access.ANYONE);
        routes.get("/reset/{token}", ctx -> showReset(ctx, List.of(), 200), Access.ANYONE);
        routes.post("/reset/{token}", this::reset, Access.ANYONE);
        routes.post("/account/password", this::changePassword, Access.SIGNED_IN);
        routes.post("/login", this::login, Access.ANYONE);
        routes.post("/logout", this::logout, Access.ANYONE);
        routes.get(
                "/account",
                ctx -> showAccount(
                        ctx,
                        Optional.empty(),
                        List.of(),
                        200,
                        "1".equals(ctx.queryParam("password_changed")) ? "Your password is changed." : ""),
                Access.SIGNED_IN);
        routes.post("/account/tokens", this::createToken, Access.SIGNED_IN);
        routes.post("/account/tokens/{id}/revoke", this::revokeToken, Access.SIGNED_IN);
        routes.post("/account/delete", this::delete, Access.SIGNED_IN);
        routes.get("/account/export", this::export, Access.SIGNED_IN);
        api.get(
                "/api/v1/me",
                ctx -> ctx.json(Visitor.of(ctx).requireUser()),
                Access.SIGNED_IN,
                "Who am I",
                "The account this session or token belongs to.",
                "The account: id, username, display name, role.");
        api.put(
                "/api/v1/me",
                this::updateProfile,
                Access.SIGNED_IN,
                "Change my profile",
                "Sets the name shown on pages.",
                ProfileUpdate.class,
                "The updated account.");
        api.get(
                "/api/v1/me/audit",
                this::ownTrail,
                Access.SIGNED_IN,
                "My audit trail",
                "Who did what with the caller's data, newest first, in full (500 a page; offset pages on).",
                "A list of audit entries.");
        api.get(
                "/api/v1/me/export",
                this::export,
                Access.SIGNED_IN,
                "Export my data",
                "Everything Backstop stores about the caller, as one JSON document.",
                "The export document.");
    }

    /** The body of {@code PUT /api/v1/me}. */
    record ProfileUpdate(@Doc(minLength = 1, maxLength = 80) String displayName) {
        ProfileUpdate {
            if (displayName == null) {
                throw new BadInputException("display_name", "is required");
            }
        }
    }

    private void updateProfile(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        ProfileUpdate update = JsonBodies.read(ctx, ProfileUpdate.class);
        ctx.json(accounts.changeDisplayName(visitor.requireUser(), update.displayName(), visitor.caller()));
    }

    private void ownTrail(Context ctx) {
        int offset = ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0);
        if (offset < 0) {
            throw new BadInputException("offset", "must not be negative");
        }
        ctx.json(audit.trailOf(Visitor.of(ctx).requireUser(), AuditQuery.MAX_LIMIT, offset));
    }

    private void showRegister(Context ctx, RegisterView view, int status) {
        ctx.status(status);
        templates.render(ctx, "account/register.jte", "Create your account", view);
    }

    private void register(Context ctx) {
        String username = value(ctx, "username");
        String displayName = value(ctx, "display_name");
        String password = ctx.formParam("password");
        String confirm = ctx.formParam("password_confirm");
        if (password != null && !password.equals(confirm)) {
            showRegister(
                    ctx,
                    new RegisterView(
                            username,
                            displayName,
                            List.of(new FieldError("password_confirm", "does not match the password"))),
                    400);
            return;
        }
        try {
            // Taken or not, the answer is the same: a name cannot be probed by signing up (see register's comment).
            accounts.signUp(username, displayName, password, Visitor.of(ctx).caller());
        } catch (BadInputException e) {
            showRegister(ctx, new RegisterView(username, displayName, e.errors()), 400);
            return;
        }
        ctx.redirect("/login?registered=1");
    }

    private void showLogin(Context ctx, String username, Optional<String> error, int status) {
        ctx.status(status);
        templates.render(
                ctx,
                "account/login.jte",
                "Sign in",
                new LoginView(username, error.orElse(""), safeNext(ctx.queryParam("next")), loginNotice(ctx)));
    }

    private static String loginNotice(Context ctx) {
        if ("1".equals(ctx.queryParam("registered"))) {
            return "Now sign in with the name and password you chose. If signing in fails, that name was taken"
                    + " already: create an account with another one.";
        }
        if ("1".equals(ctx.queryParam("reset"))) {
            return "Your new password is set. Sign in with it.";
        }
        return "";
    }

    private void login(Context ctx) {
        String username = value(ctx, "username");
        try {
            NewSession session = accounts.login(
                    username,
                    ctx.formParam("password"),
                    Visitor.of(ctx).caller(),
                    Optional.ofNullable(Auth.sessionCookie(ctx)));
            Auth.startSession(ctx, session.cookieValue());
            String next = safeNext(ctx.formParam("next"));
            String query = next.isEmpty() ? "" : "?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
            switch (session.session().stage()) {
                case SECOND_FACTOR -> ctx.redirect("/login/two-factor" + query);
                case ENROL -> ctx.redirect("/login/two-factor/setup");
                case FULL ->
                    ctx.redirect(next.isEmpty() ? landing(session.session().user()) : next);
            }
        } catch (LoginFailedException e) {
            if (e.throttled()) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            showLogin(ctx, username, Optional.of(e.getMessage()), e.throttled() ? 429 : 401);
        }
    }

    private void logout(Context ctx) {
        String cookie = Auth.sessionCookie(ctx);
        if (cookie != null) {
            accounts.logout(cookie, Visitor.of(ctx).caller());
        }
        Auth.endSession(ctx);
        ctx.redirect("/");
    }

    private void showAccount(Context ctx, Optional<String> newToken, List<FieldError> errors, int status) {
        showAccount(ctx, newToken, errors, status, "");
    }

    private void showAccount(
            Context ctx, Optional<String> newToken, List<FieldError> errors, int status, String notice) {
        ctx.status(status);
        User me = Visitor.of(ctx).requireUser();
        AccountView view = new AccountView(
                me,
                newToken.orElse(""),
                errors,
                accounts.apiTokens(me),
                accounts.twoFactorStatus(me),
                audit.now(),
                notice);
        templates.render(ctx, "account/account.jte", "Your account", view);
    }

    private void changePassword(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        String replacement = ctx.formParam("new_password");
        if (replacement != null && !replacement.equals(ctx.formParam("new_password_confirm"))) {
            showAccount(
                    ctx,
                    Optional.empty(),
                    List.of(new FieldError("new_password_confirm", "does not match the new password")),
                    400);
            return;
        }
        try {
            NewSession session = accounts.changePassword(
                    visitor.requireUser(),
                    ctx.formParam("current_password"),
                    replacement,
                    Optional.ofNullable(Auth.sessionCookie(ctx)),
                    visitor.caller());
            Auth.startSession(ctx, session.cookieValue());
        } catch (BadInputException e) {
            showAccount(ctx, Optional.empty(), e.errors(), 400);
            return;
        }
        ctx.redirect("/account?password_changed=1");
    }

    private void showReset(Context ctx, List<FieldError> errors, int status) {
        String token = ctx.pathParam("token");
        Optional<User> user = accounts.passwordResetFor(token);
        ctx.status(user.isPresent() ? status : 404);
        templates.render(
                ctx,
                "account/reset.jte",
                "Choose a new password",
                new ResetView(
                        user.isPresent() ? token : "", user.map(User::username).orElse(""), user.isPresent(), errors));
    }

    private void reset(Context ctx) {
        String replacement = ctx.formParam("new_password");
        if (replacement != null && !replacement.equals(ctx.formParam("new_password_confirm"))) {
            showReset(ctx, List.of(new FieldError("new_password_confirm", "does not match the new password")), 400);
            return;
        }
        try {
            accounts.resetPassword(
                    ctx.pathParam("token"), replacement, Visitor.of(ctx).caller());
        } catch (BadInputException e) {
            showReset(ctx, e.errors(), 400);
            return;
        } catch (backstop.error.NotFoundException e) {
            showReset(ctx, List.of(), 404);
            return;
        }
        Auth.endSession(ctx);
        ctx.redirect("/login?reset=1");
    }

    private void createToken(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        try {
            String token = accounts.createApiToken(
                    visitor.requireUser(), value(ctx, "name"), validity(ctx.formParam("expires")), visitor.caller());
            showAccount(ctx, Optional.of(token), List.of(), 200);
        } catch (BadInputException e) {
            showAccount(ctx, Optional.empty(), e.errors(), 400);
        }
    }

    private void revokeToken(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        accounts.revokeApiToken(
                visitor.requireUser(), ctx.pathParamAsClass("id", Long.class).get(), visitor.caller());
        ctx.redirect("/account#tokens");
    }

    private void delete(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        if (!"DELETE".equals(ctx.formParam("confirm"))) {
            showAccount(ctx, Optional.empty(), List.of(new FieldError("confirm", "type DELETE to confirm")), 400);
            return;
        }
        try {
            accounts.deleteOwnAccount(visitor.requireUser(), ctx.formParam("password"), visitor.caller());
        } catch (BadInputException e) {
            showAccount(ctx, Optional.empty(), e.errors(), 400);
            return;
        }
        Auth.endSession(ctx);
        ctx.redirect("/?deleted=1");
    }

    /** Every row Backstop holds about the caller, as JSON: the account, each feature's section, the audit trail. */
    private void export(Context ctx) throws JsonProcessingException {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", "backstop-export-v1");
        document.put("exported_at", audit.now().toString());
        document.put("account", me);
        document.put("sign_in", accounts.securityExport(me));
        features.forEach(feature -> document.put(feature.section(), feature.exportFor(me, visitor.caller())));
        document.put("audit_trail", audit.trailOf(me, AuditQuery.MAX_LIMIT, 0));
        audit.read(visitor.caller(), "person.export", Optional.of(me), "full export");
        ctx.header("Content-Disposition", "attachment; filename=\"backstop-" + me.username() + ".json\"");
        ctx.contentType("application/json");
        ctx.result(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    /** The token form's choice: a number of days, or "never" (also when the field is left out). */
    private static Optional<java.time.Duration> validity(String expires) {
        if (expires == null || expires.isBlank() || "never".equals(expires.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.Duration.ofDays(Long.parseLong(expires.strip())));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadInputException("expires", "must be a number of days or never");
        }
    }

    static String landing(User user) {
        return switch (user.role()) {
            case PERSON -> "/people/" + user.id();
            case CLINICIAN -> "/clinic";
            case ADMIN -> "/admin";
        };
    }

    /** Only a local path may follow the log-in, never another site (open redirect). */
    static String safeNext(String next) {
        // A plain local path only: no scheme, no "//" host, no backslash, no whitespace or control characters
        // (browsers drop tabs and newlines, which would turn "/\t/evil" into "//evil").
        if (next == null || next.length() > 300 || !next.matches("/[A-Za-z0-9/_.~%?=&+-]*") || next.startsWith("//")) {
            return "";
        }
        return next;
    }

    private static String value(Context ctx, String field) {
        String value = ctx.formParam(field);
        return value == null ? "" : value.strip();
    }
}
