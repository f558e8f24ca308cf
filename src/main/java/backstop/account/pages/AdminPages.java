package backstop.account.pages;

import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.AuditQuery;
import backstop.account.Role;
import backstop.account.User;
import backstop.error.BadInputException;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Auth;
import backstop.web.DateParam;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The operator's pages: accounts and their roles, and the audit trail with filters. No health data here. */
public final class AdminPages implements Routes {
    private static final int PAGE_SIZE = 100;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Templates templates;

    public AdminPages(AccountService accounts, AuditLog audit, Templates templates) {
        this.accounts = accounts;
        this.audit = audit;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/admin", this::users, Access.ADMIN);
        routes.post("/admin/users/{id}/role", this::changeRole, Access.ADMIN);
        routes.post("/admin/users/{id}/reset", this::issueReset, Access.ADMIN);
        routes.post("/admin/users/{id}/unlock", this::unlock, Access.ADMIN);
        routes.get("/admin/audit", this::auditPage, Access.ADMIN);
        api.get(
                "/api/v1/admin/audit",
                ctx -> ctx.json(audit.search(query(ctx))),
                Access.ADMIN,
                "Audit trail",
                "Newest first; filters: actor, subject, action (prefix), from, to (yyyy-mm-dd), offset.",
                "A list of audit entries.");
    }

    private void users(Context ctx) {
        showUsers(ctx, "", "");
    }

    private void showUsers(Context ctx, String notice, String resetLink) {
        templates.render(
                ctx,
                "admin/users.jte",
                "Accounts",
                new UsersView(accounts.allUsers(Visitor.of(ctx).requireUser()), notice, resetLink));
    }

    /** A single-use link for a person who forgot their password; shown once, for the admin to hand over. */
    private void issueReset(Context ctx) {
        User user = accounts.get(ctx.pathParamAsClass("id", Long.class).get());
        String token =
                accounts.issuePasswordReset(user.username(), Visitor.of(ctx).caller());
        String base = (Auth.isSecure(ctx) ? "https://" : "http://") + ctx.host();
        showUsers(
                ctx,
                "Reset link for " + user.username() + ", shown only now; it works once within 24 hours:",
                base + "/reset/" + token);
    }

    private void unlock(Context ctx) {
        User user = accounts.get(ctx.pathParamAsClass("id", Long.class).get());
        int cleared = accounts.unlock(user.username(), Visitor.of(ctx).caller());
        showUsers(ctx, user.username() + " can sign in at once: " + cleared + " failed attempt(s) forgotten.", "");
    }

    private void changeRole(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Role role = Role.fromCode("role", ctx.formParam("role"));
        accounts.changeRole(id, role, Visitor.of(ctx).caller());
        ctx.redirect("/admin");
    }

    private void auditPage(Context ctx) {
        AuditQuery query = query(ctx);
        AuditTrailView view = new AuditTrailView(
                audit.search(query),
                new AuditTrailView.Filters(
                        text(ctx, "actor").orElse(""),
                        text(ctx, "subject").orElse(""),
                        text(ctx, "action").orElse(""),
                        text(ctx, "from").orElse(""),
                        text(ctx, "to").orElse("")),
                query.offset(),
                PAGE_SIZE);
        // htmx asks for the rows alone when a filter changes.
        if ("true".equals(ctx.header("HX-Request"))) {
            templates.partial(ctx, "admin/_audit_rows.jte", view);
        } else {
            templates.render(ctx, "admin/audit.jte", "Audit trail", view);
        }
    }

    private static AuditQuery query(Context ctx) {
        int offset = ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0);
        if (offset < 0) {
            throw new BadInputException("offset", "must not be negative");
        }
        Optional<Instant> from = day(ctx, "from", 0);
        Optional<Instant> to = day(ctx, "to", 1);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new BadInputException("to", "must not be before from");
        }
        return new AuditQuery(
                text(ctx, "actor"), text(ctx, "subject"), text(ctx, "action"), from, to, PAGE_SIZE, offset);
    }

    private static Optional<String> text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A yyyy-mm-dd filter as the start of that day in UTC; {@code plusDays} 1 makes "to" include the whole day. */
    private static Optional<Instant> day(Context ctx, String name, int plusDays) {
        return DateParam.optional(name, ctx.queryParam(name))
                .map(date -> date.plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
