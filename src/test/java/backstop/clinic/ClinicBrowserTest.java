package backstop.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.plan.PlanPreferences;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The clinic's main path in a real browser: the clinician makes a code, the person accepts it, the roster shows
 * them, the clinician opens the chart, the person revokes, and the clinician's next request is refused.
 */
class ClinicBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    private static void signIn(Browser browser, TestServer server, String name) {
        browser.open(server.url("/login"));
        browser.type("#username", name);
        browser.type("#password", PASSWORD);
        browser.clickAndWaitForNewPage("#login");
    }

    @Test
    void linkRosterChartAndRevocation() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser clinician = Browser.desktop();
                Browser person = Browser.desktop()) {
            Caller cli = Caller.commandLine(Optional.empty());
            server.services().accounts().addUser("kim", "Kim Physio", PASSWORD, Role.CLINICIAN, cli);
            var dana = server.services().accounts().addUser("dana", "Dana Doe", PASSWORD, Role.PERSON, cli);
            server.services().assessments().submit(dana, Intakes.deskWorker(), cli);
            server.services().plans().create(dana, PlanPreferences.defaults(), cli);

            signIn(clinician, server, "kim");
            assertThat(clinician.path()).isEqualTo("/clinic");
            assertThat(clinician.find("#no-patients").getText()).contains("Nobody is linked");
            clinician.clickAndWaitForNewPage("#new-code");
            String code = clinician.find("#invite-code").getText();
            String link = clinician.find("#invite-link").getText();
            assertThat(link).endsWith("/care-team?code=" + code);

            signIn(person, server, "dana");
            person.open(link);
            assertThat(person.find("#code").getDomProperty("value")).isEqualTo(code);
            person.clickAndWaitForNewPage("#accept");
            assertThat(person.find("#notice").getText()).contains("You are linked");
            assertThat(person.find("#linked").getText()).contains("Kim Physio");

            clinician.open(server.url("/clinic"));
            assertThat(clinician.find("#roster").getText()).contains("Dana Doe").contains("No check-in yet");
            clinician.clickAndWaitForNewPage("#roster a[href='/clinic/patients/" + dana.id() + "']");
            assertThat(clinician.find("#chart-title").getText()).isEqualTo("Dana Doe");
            assertThat(clinician.find("#chart-assessment").getText()).contains("(likely)");
            assertThat(clinician.find("#chart-plan").getText()).contains("minutes a session");

            person.open(server.url("/care-team"));
            assertThat(person.find("#looks").getText()).contains("kim");
            long linkId = server.services().careTeam().linksOf(dana).get(0).id();
            person.clickAndWaitForNewPage("#revoke-" + linkId);
            assertThat(person.find("#notice").getText()).contains("Access ended");
            assertThat(person.find("#no-links").getText()).contains("Nobody");

            clinician.driver().navigate().refresh();
            assertThat(clinician.text()).contains("You do not have access to this.");
            clinician.open(server.url("/clinic"));
            assertThat(clinician.find("#no-patients").getText()).contains("Nobody is linked");
        }
    }
}
