package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Browser;
import backstop.web.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** From assessment to plan to today's session, logged with a timer, in a real browser on a phone-sized screen. */
class PlanBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aPersonMakesTheirPlanAndWalksThroughTodaysSession() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            var dana = server.services().accounts().findByUsername("dana").orElseThrow();
            server.services()
                    .assessments()
                    .submit(dana, Intakes.deskWorker(), backstop.account.Caller.of(dana, "test"));

            // The person lives in Berlin: the calendar form takes the browser's time zone, not UTC.
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/Berlin"));
            browser.open(server.url("/plan"));
            browser.type("#minutes", "12");
            browser.click("#make-plan");
            assertThat(browser.find("#coverage").getText()).contains("Postural strain");
            assertThat(browser.find("#zone").getDomProperty("value")).isEqualTo("Europe/Berlin");
            assertThat(backstop.web.Axe.violations(browser)).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-warning]")))
                    .isEmpty();

            browser.clickAndWaitForNewPage("#today-link");
            var exercises = browser.driver().findElements(By.cssSelector(".today-exercise"));
            assertThat(exercises).isNotEmpty();
            assertThat(exercises.get(0).findElement(By.cssSelector("img")).getAttribute("src"))
                    .endsWith("illustration.svg");
            // What to do now leads; how to do it is folded away until asked for.
            exercises.get(0).findElement(By.cssSelector("details.how summary")).click();
            exercises.get(0).findElement(By.cssSelector("button.timer")).click();
            new WebDriverWait(browser.driver(), Browser.WAIT)
                    .until(d -> exercises
                            .get(0)
                            .findElement(By.cssSelector(".timer-display"))
                            .getText()
                            .endsWith(" s"));
            String first = exercises.get(0).getAttribute("data-exercise");
            browser.click("#done-" + first);
            browser.click("#q-pain_before input[value='1'] + span");
            browser.click("#q-pain_during input[value='2'] + span");
            browser.click("#log-session");
            assertThat(browser.find("#logged").getText()).contains("Logged");
            assertThat(browser.find("#logged-today").getText()).contains("Logged for this day");
            assertThat(backstop.web.Axe.violations(browser)).isEmpty();

            browser.open(server.url("/diary/" + server.services().diary().today()));
            assertThat(browser.find("#exercise_min").getAttribute("value")).matches("\\d+");
        }
    }
}
