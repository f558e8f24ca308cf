package backstop.clinic;

import backstop.account.AuditEntry;
import backstop.account.AuditLog;
import backstop.account.Role;
import backstop.account.User;
import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.error.ForbiddenException;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * The person's side of linking: enter a clinician's code, see who can see their data and since when, revoke a link
 * at once, and see which clinicians looked at their data and when.
 */
public final class CareTeamPages implements Routes {
    private final CareTeam team;
    private final AuditLog audit;
    private final Templates templates;

    public CareTeamPages(CareTeam team, AuditLog audit, Templates templates) {
        this.team = team;
        this.audit = audit;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/care-team", this::page, Access.SIGNED_IN);
        routes.post("/care-team/accept", this::accept, Access.SIGNED_IN);
        routes.post("/care-team/{id}/revoke", this::revoke, Access.SIGNED_IN);
    }

    private static User person(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        if (!me.is(Role.PERSON)) {
            throw new ForbiddenException("only a person has a care team");
        }
        return me;
    }

    private void page(Context ctx) {
        render(ctx, person(ctx), Optional.ofNullable(ctx.queryParam("code")).orElse(""), List.of(), notice(ctx));
    }

    private void accept(Context ctx) {
        User me = person(ctx);
        String code = Optional.ofNullable(ctx.formParam("code")).orElse("");
        try {
            team.accept(me, code, Visitor.of(ctx).caller());
        } catch (BadInputException e) {
            ctx.status(400);
            render(ctx, me, code, e.errors(), "");
            return;
        }
        ctx.redirect("/care-team?linked=1");
    }

    private void revoke(Context ctx) {
        User me = person(ctx);
        long id = ctx.pathParamAsClass("id", Long.class).get();
        team.revoke(me, id, Visitor.of(ctx).caller());
        ctx.redirect("/care-team?revoked=1");
    }

    private static String notice(Context ctx) {
        if (ctx.queryParam("linked") != null) {
            return "You are linked. Your clinician can now see your data; you can end that here at any time.";
        }
        if (ctx.queryParam("revoked") != null) {
            return "Access ended. That clinician can no longer see your data, from their very next step.";
        }
        return "";
    }

    private void render(Context ctx, User me, String code, List<FieldError> errors, String notice) {
        List<CareLink> links = team.linksOf(me);
        List<AuditEntry> looks = audit.trailOf(me, 200, 0).stream()
                .filter(entry -> !entry.actor().isEmpty() && !entry.actor().equals(me.username()))
                .filter(entry -> entry.action().startsWith("clinic."))
                .limit(50)
                .toList();
        CareTeamView view = new CareTeamView(
                links.stream().filter(CareLink::active).toList(),
                links.stream().filter(link -> !link.active()).toList(),
                code,
                errors,
                notice,
                looks);
        templates.render(ctx, "clinic/care_team.jte", "Your care team", view);
    }
}
