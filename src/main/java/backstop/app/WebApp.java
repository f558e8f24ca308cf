package backstop.app;

import backstop.account.pages.AccountPages;
import backstop.account.pages.AdminPages;
import backstop.account.pages.TwoFactorPages;
import backstop.assessment.AssessmentPages;
import backstop.care.CarePages;
import backstop.clinic.CareTeamPages;
import backstop.clinic.ClinicApiPages;
import backstop.clinic.ClinicPages;
import backstop.db.Durability;
import backstop.desk.DeskPages;
import backstop.diary.DiaryPages;
import backstop.exercise.ExercisePages;
import backstop.home.HomePages;
import backstop.insights.InsightsPages;
import backstop.plan.PlanPages;
import backstop.share.clinic.ClinicSharePages;
import backstop.share.fhir.FhirPages;
import backstop.share.report.ReportPages;
import backstop.web.HttpStack;
import backstop.web.ReadAudit;
import backstop.web.Templates;
import backstop.web.TrustedProxies;
import io.javalin.Javalin;
import java.util.List;

/** Wires every feature's pages onto the HTTP stack. Not started here. */
public final class WebApp {
    private WebApp() {}

    public static Javalin create(Services services, String version) {
        return create(services, version, TrustedProxies.none(), Durability.unchecked());
    }

    /** The app as {@code serve} runs it: behind {@code proxies}, reporting the database's {@code durability}. */
    public static Javalin create(Services services, String version, TrustedProxies proxies, Durability durability) {
        // The key is asked for at the first request: serve builds the app while the schema is brought up to date.
        HttpStack http = new HttpStack(services::serverKey, services.accounts(), version, proxies, durability);
        Templates templates = http.templates();
        return http.create(
                services.database(),
                List.of(
                        new ReadAudit(services.audit()),
                        new HomePages(
                                templates,
                                services.audit(),
                                services.assessments(),
                                services.diary(),
                                services.plans(),
                                services.insights()),
                        new AccountPages(
                                services.accounts(),
                                services.audit(),
                                templates,
                                List.of(
                                        services.assessments(),
                                        services.diary(),
                                        services.plans(),
                                        services.desk(),
                                        services.care(),
                                        services.careTeam())),
                        new AdminPages(services.accounts(), services.audit(), templates),
                        new TwoFactorPages(services.accounts(), templates),
                        new AssessmentPages(services.assessments(), templates),
                        new DiaryPages(services.diary(), templates, services.plans()::exerciseMinutes),
                        new PlanPages(services.plans(), services.assessments(), templates),
                        new ExercisePages(services.exercises(), templates),
                        new InsightsPages(services.insights(), templates),
                        new DeskPages(services.desk(), templates),
                        new ClinicPages(services.careTeam(), services.roster(), services.charts(), templates),
                        new ClinicApiPages(services.roster(), services.charts()),
                        new CareTeamPages(services.careTeam(), services.audit(), templates),
                        new CarePages(services.care(), templates),
                        new FhirPages(services.fhir(), version),
                        new ReportPages(services.reports()),
                        new ClinicSharePages(services.careTeam(), services.fhir(), services.reports())));
    }
}
