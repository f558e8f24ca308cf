package backstop.account.pages;

import backstop.account.AccountService;
import backstop.account.Caller;
import backstop.account.Enrolled;
import backstop.account.NewSession;
import backstop.account.SessionStage;
import backstop.account.SignedIn;
import backstop.account.TwoFactorSetup;
import backstop.account.User;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.ForbiddenException;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Auth;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Two-factor sign-in (TOTP, RFC 6238): the code step of signing in, the set-up a role that requires it goes through
 * before signing in, and the account page's part (turn on with a QR code, recovery codes, turn off).
 */
public final class TwoFactorPages implements Routes {
    private static final String TITLE = "Two-factor sign-in";
    private final AccountService accounts;
    private final Templates templates;

    public TwoFactorPages(AccountService accounts, Templates templates) {
        this.accounts = accounts;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/login/two-factor", this::showCode, Access.ANYONE);
        routes.post("/login/two-factor", this::submitCode, Access.ANYONE);
        routes.get("/login/two-factor/setup", this::showEnrolment, Access.ANYONE);
        routes.post("/login/two-factor/setup", this::completeEnrolment, Access.ANYONE);
        routes.get("/account/two-factor", ctx -> showAccount(ctx, List.of(), 200), Access.SIGNED_IN);
        routes.post("/account/two-factor/setup", this::begin, Access.SIGNED_IN);
        routes.post("/account/two-factor/confirm", this::confirm, Access.SIGNED_IN);
        routes.post("/account/two-factor/disable", this::disable, Access.SIGNED_IN);
        routes.post("/account/two-factor/recovery-codes", this::recoveryCodes, Access.SIGNED_IN);
    }

    private Optional<SignedIn> partial(Context ctx, SessionStage stage) {
        return Visitor.of(ctx).partial().filter(session -> session.stage() == stage);
    }

    private void showCode(Context ctx) {
        if (partial(ctx, SessionStage.SECOND_FACTOR).isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        renderCode(ctx, List.of(), 200);
    }

    private void renderCode(Context ctx, List<FieldError> errors, int status) {
        ctx.status(status);
        String next = AccountPages.safeNext(ctx.queryParam("next"));
        templates.render(ctx, "account/sign_in_code.jte", TITLE, new SignInCodeView(next, errors));
    }

    private void submitCode(Context ctx) {
        Optional<SignedIn> pending = partial(ctx, SessionStage.SECOND_FACTOR);
        if (pending.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        Caller caller = Caller.of(pending.get().user(), Visitor.of(ctx).address());
        NewSession session;
        try {
            session = accounts.completeSignIn(Auth.sessionCookie(ctx), ctx.formParam("code"), caller);
        } catch (BadInputException e) {
            renderCode(ctx, e.errors(), 400);
            return;
        } catch (ForbiddenException e) {
            ctx.redirect("/login");
            return;
        }
        Auth.startSession(ctx, session.cookieValue());
        String next = AccountPages.safeNext(ctx.formParam("next"));
        ctx.redirect(next.isEmpty() ? AccountPages.landing(session.session().user()) : next);
    }

    private void showEnrolment(Context ctx) {
        Optional<SignedIn> pending = partial(ctx, SessionStage.ENROL);
        if (pending.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        User user = pending.get().user();
        TwoFactorSetup setup = accounts.pendingTwoFactor(user)
                .orElseGet(() -> accounts.beginTwoFactor(
                        user, Caller.of(user, Visitor.of(ctx).address())));
        render(ctx, view(user, Optional.of(setup), "/login/two-factor/setup", List.of(), "", true, List.of()), 200);
    }

    private void completeEnrolment(Context ctx) {
        Optional<SignedIn> pending = partial(ctx, SessionStage.ENROL);
        if (pending.isEmpty()) {
            ctx.redirect("/login");
            return;
        }
        User user = pending.get().user();
        Enrolled enrolled;
        try {
            enrolled = accounts.completeEnrolment(
                    Auth.sessionCookie(ctx),
                    ctx.formParam("code"),
                    Caller.of(user, Visitor.of(ctx).address()));
        } catch (BadInputException e) {
            render(
                    ctx,
                    view(
                            user,
                            accounts.pendingTwoFactor(user),
                            "/login/two-factor/setup",
                            List.of(),
                            "",
                            true,
                            e.errors()),
                    400);
            return;
        } catch (ForbiddenException e) {
            ctx.redirect("/login");
            return;
        }
        NewSession session = enrolled.session().orElseThrow();
        Auth.startSession(ctx, session.cookieValue());
        render(
                ctx,
                view(user, Optional.empty(), "", enrolled.recoveryCodes(), AccountPages.landing(user), true, List.of()),
                200);
    }

    private void showAccount(Context ctx, List<FieldError> errors, int status) {
        User me = Visitor.of(ctx).requireUser();
        Optional<TwoFactorSetup> setup =
                accounts.twoFactorStatus(me).enabled() ? Optional.empty() : accounts.pendingTwoFactor(me);
        render(ctx, view(me, setup, "/account/two-factor/confirm", List.of(), "", false, errors), status);
    }

    private void begin(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        try {
            accounts.beginTwoFactor(visitor.requireUser(), visitor.caller());
        } catch (BadInputException e) {
            showAccount(ctx, e.errors(), 400);
            return;
        }
        ctx.redirect("/account/two-factor");
    }

    private void confirm(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        try {
            List<String> codes = accounts.confirmTwoFactor(me, ctx.formParam("code"), visitor.caller());
            render(ctx, view(me, Optional.empty(), "", codes, "/account", false, List.of()), 200);
        } catch (BadInputException e) {
            showAccount(ctx, e.errors(), 400);
        }
    }

    private void disable(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        try {
            accounts.disableTwoFactor(visitor.requireUser(), ctx.formParam("password"), visitor.caller());
        } catch (BadInputException e) {
            showAccount(ctx, e.errors(), 400);
            return;
        }
        ctx.redirect("/account/two-factor");
    }

    private void recoveryCodes(Context ctx) {
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        try {
            List<String> codes = accounts.newRecoveryCodes(me, ctx.formParam("password"), visitor.caller());
            render(ctx, view(me, Optional.empty(), "", codes, "/account", false, List.of()), 200);
        } catch (BadInputException e) {
            showAccount(ctx, e.errors(), 400);
        }
    }

    private TwoFactorView view(
            User user,
            Optional<TwoFactorSetup> setup,
            String confirmAction,
            List<String> codes,
            String continueTo,
            boolean signingIn,
            List<FieldError> errors) {
        return new TwoFactorView(
                accounts.twoFactorStatus(user),
                setup.map(s -> new TwoFactorView.Setup(
                        QrSvg.dataUri(s.otpauthUri()), s.grouped(), s.otpauthUri(), confirmAction)),
                codes,
                continueTo,
                signingIn,
                errors);
    }

    private void render(Context ctx, TwoFactorView view, int status) {
        ctx.status(status);
        templates.render(ctx, "account/two_factor.jte", TITLE, view);
    }
}
