package backstop.web;

import backstop.Services;
import backstop.account.User;
import backstop.assessment.StoredAssessment;
import backstop.error.ForbiddenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The home page (what Backstop is and what to do first) and a person's own overview. */
final class HomePages implements Routes {
    private final Services services;
    private final Templates templates;

    HomePages(Services services, Templates templates) {
        this.services = services;
        this.templates = templates;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/", this::home, Access.ANYONE);
        routes.get("/people/{id}", this::overview, Access.SIGNED_IN);
    }

    private void home(Context ctx) {
        templates.render(ctx, "home.jte", "Backstop", Map.of());
    }

    private void overview(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        // A person's pages are theirs alone; clinician access by explicit link comes with the clinician view.
        if (me.id() != id) {
            services.audit().recordAlone(visitor.caller(), "person.view.refused", Optional.empty(), "person " + id);
            throw new ForbiddenException("this is another person's page");
        }
        services.database().useTransaction(handle ->
                services.audit().record(handle, visitor.caller(), "person.view", Optional.of(me), "overview"));
        List<StoredAssessment> assessments = services.assessments().history(me, visitor.caller());
        var today = services.diary().today();
        var report = services.insights().reportFor(me, visitor.caller());
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("person", me);
        params.put("latest", assessments.stream().findFirst());
        params.put("reassess", services.assessments().reassessmentDue(assessments));
        params.put("plan", services.plans().current(me, visitor.caller()));
        params.put("today", today);
        params.put("checkedIn", services.diary().day(me, today, visitor.caller()).isPresent());
        params.put("loggedToday", services.plans().exerciseMinutes(me, today).isPresent());
        params.put("insights", report);
        params.put("cards", backstop.insights.InsightCards.from(report));
        templates.render(ctx, "people/overview.jte", "Your overview", params);
    }
}
