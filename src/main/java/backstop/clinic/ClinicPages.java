package backstop.clinic;

import backstop.account.User;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** The clinician's workspace: the roster of linked patients, one-time codes, and ending a link. */
public final class ClinicPages implements Routes {
    private final CareTeam team;
    private final Templates templates;

    public ClinicPages(CareTeam team, Templates templates) {
        this.team = team;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/clinic", this::roster, Access.CLINICIAN);
        routes.post("/clinic/invites", this::invite, Access.CLINICIAN);
        routes.post("/clinic/patients/{id}/end", this::end, Access.CLINICIAN);
    }

    private void roster(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("patients", team.activePatients(me));
        params.put("notice", ctx.queryParam("ended") != null ? "The link has ended." : "");
        templates.render(ctx, "clinic/roster.jte", "Your patients", params);
    }

    private void invite(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        Invite invite = team.createInvite(me, Visitor.of(ctx).caller());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("invite", invite);
        params.put("link", base(ctx) + "/care-team?code=" + invite.code());
        templates.render(ctx, "clinic/invite.jte", "A code for a new patient", params);
    }

    private void end(Context ctx) {
        User me = Visitor.of(ctx).requireUser();
        long id = ctx.pathParamAsClass("id", Long.class).get();
        team.endLink(me, id, Visitor.of(ctx).caller());
        ctx.redirect("/clinic?ended=1");
    }

    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
