package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The daily check-in on a phone-sized screen, the CSV upload and the chart, in a real browser. */
class DiaryBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aPersonChecksInOnAPhoneAndFindsTheDayInTheirDiary() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            signUpAsPerson(browser, server);
            browser.open(server.url("/diary"));
            browser.click("#checkin-today");
            tap(browser, "#q-pain_am label:nth-of-type(3)");
            tap(browser, "#q-pain_pm label:nth-of-type(5)");
            tap(browser, "input[name=locations][value=between_shoulder_blades]");
            browser.type("#desk_hours", "7.5");
            browser.type("#breaks", "4");
            tap(browser, "input[name=sleep_position][value=side]");
            tap(browser, "details.note summary");
            browser.type("#note", "long call, stiff after");
            tap(browser, "#save-checkin");
            assertThat(browser.find("#saved").getText()).contains("Saved your check-in");
            String today = server.services().diary().today().toString();
            assertThat(browser.find("li[data-date='" + today + "']").getText()).contains("pain 2 → 4");
            Number width = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);

            browser.open(server.url("/diary/" + today));
            browser.type("#desk_hours", "30");
            tap(browser, "#save-checkin");
            // The browser itself holds back a value outside the field's range; the server would refuse it too.
            assertThat(browser.find("#desk_hours").getDomProperty("validationMessage"))
                    .isNotBlank();
            assertThat(browser.path()).isEqualTo("/diary/" + today);
        }
    }

    @Test
    void aDiaryCsvIsUploadedAndDrawnAsAChart() throws Exception {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            signUpAsPerson(browser, server);
            Path csv = Files.createTempFile("diary", ".csv");
            Files.writeString(
                    csv,
                    DiarySimulator.simulateToCsv(SimulatorSettings.defaults(60, 3)
                            .withStart(server.services().diary().today().minusDays(59))));
            browser.open(server.url("/diary"));
            browser.driver().findElement(By.id("file")).sendKeys(csv.toString());
            browser.click("#import-form button[type=submit]");
            assertThat(Integer.parseInt(browser.find("#added").getText())).isPositive();

            browser.open(server.url("/diary/chart"));
            new WebDriverWait(browser.driver(), Browser.WAIT)
                    .until(d -> !d.findElements(By.cssSelector("#pain-chart canvas"))
                            .isEmpty());
            assertThat(browser.find("#chart-status").getText()).contains("days with a check-in");
            assertThat(browser.find("#chart-summary").getText()).startsWith("In the last 31 days you checked in on");
            assertThat(backstop.web.Axe.violations(browser)).isEmpty();
            browser.click(".range button[data-days='7']");
            new WebDriverWait(browser.driver(), Browser.WAIT)
                    .until(d -> d.findElement(By.id("chart-status")).getText().matches("\\d+ days with a check-in."));
            Files.deleteIfExists(csv);
        }
    }

    /** Clicks with the element in the middle of the screen, clear of the check-in's sticky Save bar. */
    static void tap(Browser browser, String css) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.find(css));
        browser.click(css);
    }

    static void signUpAsPerson(Browser browser, TestServer server) {
        browser.signUpAsPerson(server, "dana", PASSWORD);
    }
}
