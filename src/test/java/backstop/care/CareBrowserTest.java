package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.SecuritySettings;
import backstop.account.User;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.model.Cause;
import backstop.plan.PlanExercise;
import backstop.plan.StoredPlan;
import backstop.web.Browser;
import backstop.web.TestServer;
import backstop.web.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In a real browser: the linked clinician changes the plan and sees the coverage check before saving, schedules a
 * PSFS, the person fills it in from their overview, and the clinician sees the answer.
 */
class CareBrowserTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    private static void signIn(Browser browser, TestServer server, User user) {
        browser.driver().manage().deleteAllCookies();
        browser.open(server.url("/login"));
        browser.type("#username", user.username());
        browser.type("#password", CareWorld.PASSWORD);
        browser.clickAndWaitForNewPage("#login");
        browser.waitForPath("(?!/login).*");
    }

    @Test
    void aClinicianChangesThePlanWithTheCoverageCheckAndAPsfsIsAnsweredAndSeen() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server =
                        TestServer.start(fresh.database(), clock, SecuritySettings.defaults(), TrustedProxies.none());
                Browser browser = Browser.desktop()) {
            CareWorld w = CareWorld.make(server.services(), fresh.database(), clock);
            StoredPlan plan =
                    w.services().plans().current(w.dana(), w.as(w.dana())).orElseThrow();
            Cause cause = w.services()
                    .assessments()
                    .latest(w.dana(), w.as(w.dana()))
                    .orElseThrow()
                    .result()
                    .activeCauses()
                    .get(0);
            List<String> serving = plan.plan().sessions().stream()
                    .flatMap(s -> s.exercises().stream())
                    .filter(e -> e.causes().contains(cause))
                    .map(PlanExercise::id)
                    .distinct()
                    .toList();
            String base = "/clinic/patients/" + w.dana().id();

            signIn(browser, server, w.kim());
            browser.open(server.url(base + "/plan"));
            for (String id : serving) {
                browser.click("tr[data-exercise='" + id + "'] input[name='remove']");
            }
            browser.type("#reason", "too much at once");
            browser.type("#note", "Fewer exercises for two weeks.");
            browser.clickAndWaitForNewPage("#preview");
            assertThat(browser.find("#changes").getText()).contains("Removed");
            assertThat(browser.find("[data-loss]").getText())
                    .startsWith("This change leaves " + cause.label().toLowerCase(java.util.Locale.ROOT));
            browser.clickAndWaitForNewPage("#save-plan");
            assertThat(browser.find("#saved").getText()).contains("Saved as a new version");

            browser.open(server.url(base + "/measures"));
            browser.clickAndWaitForNewPage("#schedule");
            assertThat(browser.find("#schedules").getText()).contains("Activities your pain limits");

            signIn(browser, server, w.dana());
            browser.open(server.url("/plan"));
            assertThat(browser.find("#changed-by").getText())
                    .contains("Changed by Kim Physio")
                    .contains("Fewer exercises for two weeks.");
            browser.open(server.url("/people/" + w.dana().id()));
            browser.find("#measure-tasks");
            browser.clickAndWaitForNewPage("#measure-tasks a[href='/measures/psfs']");
            browser.type("#activity1", "carrying the shopping");
            browser.type("#rating1", "3");
            browser.type("#activity2", "an hour at the screen");
            browser.type("#rating2", "5");
            browser.clickAndWaitForNewPage("#send-measure");
            assertThat(browser.find("#answered").getText()).contains("saved");
            assertThat(browser.driver().findElements(By.cssSelector("#tasks"))).isEmpty();

            signIn(browser, server, w.kim());
            browser.open(server.url(base + "/measures"));
            assertThat(browser.find("[data-measure='psfs']").getText())
                    .contains("4.0 of 10")
                    .contains("carrying the shopping 3");
        }
    }
}
