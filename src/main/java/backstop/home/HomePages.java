package backstop.home;

import backstop.account.AuditLog;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.assessment.StoredAssessment;
import backstop.diary.DiaryService;
import backstop.error.ForbiddenException;
import backstop.insights.InsightCards;
import backstop.insights.InsightsService;
import backstop.plan.PlanService;
import backstop.web.Access;
import backstop.web.Api;
import backstop.web.Routes;
import backstop.web.Templates;
import backstop.web.Visitor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** The home page (what Backstop is and what to do first) and a person's own overview of the whole loop. */
public final class HomePages implements Routes {
    private final Templates templates;
    private final AuditLog audit;
    private final AssessmentService assessments;
    private final DiaryService diary;
    private final PlanService plans;
    private final InsightsService insights;

    public HomePages(
            Templates templates,
            AuditLog audit,
            AssessmentService assessments,
            DiaryService diary,
            PlanService plans,
            InsightsService insights) {
        this.templates = templates;
        this.audit = audit;
        this.assessments = assessments;
        this.diary = diary;
        this.plans = plans;
        this.insights = insights;
    }

    @Override
    public void register(RoutesConfig routes, Api api) {
        routes.get("/", this::home, Access.ANYONE);
        routes.get("/people/{id}", this::overview, Access.SIGNED_IN);
    }

    private void home(Context ctx) {
        templates.render(ctx, "home.jte", "Backstop");
    }

    private void overview(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        Visitor visitor = Visitor.of(ctx);
        User me = visitor.requireUser();
        // A person's pages are theirs alone; clinician access by explicit link comes with the clinician view.
        if (me.id() != id) {
            audit.recordAlone(visitor.caller(), "person.view.refused", Optional.empty(), "person " + id);
            throw new ForbiddenException("this is another person's page");
        }
        audit.read(visitor.caller(), "person.view", Optional.of(me), "overview");
        List<StoredAssessment> history = assessments.history(me, visitor.caller());
        var today = diary.today();
        var report = insights.reportFor(me, visitor.caller());

        OverviewView view = new OverviewView(
                me,
                history.stream().findFirst(),
                assessments.reassessmentDue(history),
                plans.current(me, visitor.caller()),
                today,
                diary.day(me, today, visitor.caller())
                        .filter(backstop.diary.SavedDay::checkedIn)
                        .isPresent(),
                plans.exerciseMinutes(me, today, visitor.caller()).isPresent(),
                report,
                InsightCards.from(report));
        templates.render(ctx, "people/overview.jte", "Your overview", view);
    }
}
