package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The intake in a real browser on a phone-sized screen, from the first red-flag question to the result. */
class AssessmentBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aPersonCompletesTheIntakeOneTopicPerScreenAndSeesTheirCauses() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            signUp(browser, server);
            browser.click("#start-assessment");
            assertThat(browser.find("#progress").getText()).startsWith("Step 1 of");

            browser.clickAndWaitForNewPage("#next");
            assertThat(browser.find(".field-error").getText()).contains("please answer");

            int screens = 0;
            while (!browser.path().matches("/assessments/\\d+") && screens++ < 30) {
                answerEveryQuestion(browser);
                browser.clickAndWaitForNewPage("#next");
            }
            assertThat(browser.path()).matches("/assessments/\\d+");
            assertThat(browser.find("#urgency").getAttribute("data-urgency")).isEqualTo("self_care");
            assertThat(browser.driver().findElements(By.cssSelector("li.cause")))
                    .hasSize(5);
            assertThat(browser.text()).contains("This is not a diagnosis");
            assertThat(browser.find("#rules-version").getText()).contains("version 2 of Backstop's assessment rules");
            assertThat(browser.driver().findElements(By.cssSelector("#not-asked")))
                    .isEmpty();

            browser.open(server.url("/assessments"));
            assertThat(browser.driver().findElements(By.cssSelector("tbody tr")))
                    .hasSize(1);
        }
    }

    @Test
    void anEmergencyAnswerEndsTheIntakeAtOnce() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            signUp(browser, server);
            browser.open(server.url("/assessment"));
            List<WebElement> questions = browser.driver().findElements(By.cssSelector("fieldset.question"));
            for (int i = 0; i < questions.size(); i++) {
                String answer = i == 0 ? "yes" : "no";
                List<WebElement> radio = questions.get(i).findElements(By.cssSelector("input[value=" + answer + "]"));
                if (!radio.isEmpty()) {
                    radio.get(0).click();
                }
            }
            // Age and the risk lists are left blank: an emergency answer must end the intake all the same.
            browser.click("#next");
            assertThat(browser.find("#emergency").getText()).contains("Please get help now");
            assertThat(browser.driver().findElements(By.cssSelector("fieldset.question")))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("li.cause")))
                    .isEmpty();
        }
    }

    @Test
    void effortPainBetweenTheShoulderBladesAtSixtyEndsTheIntakeWithoutTheWordChest() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            signUp(browser, server);
            browser.open(server.url("/assessment"));
            browser.click("#q-red_flags-chest_pain_with_exertion input[value=no]");
            browser.click("#q-red_flags-exertional_upper_back_pain input[value=yes]");
            browser.find("#age").sendKeys("61");
            browser.click("#next");

            assertThat(browser.find("#emergency").getText())
                    .contains("Please get help now", "between the shoulder blades");
        }
    }

    private static void signUp(Browser browser, TestServer server) {
        browser.signUpAsPerson(server, "dana", PASSWORD);
    }

    /** Answers like a cautious person: "no" to every warning sign, a middle value or the first option elsewhere. */
    private static void answerEveryQuestion(Browser browser) {
        for (WebElement question : browser.driver().findElements(By.cssSelector("fieldset.question"))) {
            List<WebElement> no = question.findElements(By.cssSelector("input[value=no]"));
            List<WebElement> labels = question.findElements(By.cssSelector("label"));
            List<WebElement> numbers = question.findElements(By.cssSelector("input[type=number]"));
            if (!no.isEmpty()) {
                no.get(0).click();
            } else if (!numbers.isEmpty()) {
                WebElement number = numbers.get(0);
                int min = Integer.parseInt(number.getAttribute("min"));
                int max = Integer.parseInt(number.getAttribute("max"));
                number.clear();
                number.sendKeys(String.valueOf(Math.min(max, Math.max(min, 40))));
            } else if (!labels.isEmpty()) {
                labels.get(Math.min(3, labels.size() - 1)).click();
            }
        }
    }
}
