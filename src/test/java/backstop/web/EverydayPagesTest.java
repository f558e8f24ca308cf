package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.diary.ImportMode;
import backstop.plan.PlanPreferences;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page a person uses day to day, on a phone (360 and 390 px wide) and a desktop: nothing scrolls sideways and
 * axe-core finds no violation (issue 14).
 */
class EverydayPagesTest {
    @Test
    void everyPageAPersonUsesFitsAPhoneAndPassesAxe() throws IOException {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", "correct horse battery");
            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            Caller asDana = Caller.of(dana, "test");
            String csv;
            try (InputStream in = getClass().getResourceAsStream("/insights/gappy/191-days-2025-and-4-days-2026.csv")) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            server.services().diary().importCsv(dana, csv, ImportMode.STRICT, asDana);
            long assessment = server.services()
                    .assessments()
                    .submit(dana, Intakes.deskWorker(), asDana)
                    .id();
            server.services().plans().create(dana, PlanPreferences.defaults(), asDana);
            String today = server.services().diary().today().toString();

            List<String> pages = List.of(
                    "/people/" + dana.id(),
                    "/assessments",
                    "/assessments/" + assessment,
                    "/plan",
                    "/plan/today",
                    "/diary",
                    "/diary/" + today,
                    "/diary/2026-11-30/history",
                    "/diary/chart",
                    "/insights",
                    "/account");
            for (int width : new int[] {360, 390, 1280}) {
                browser.driver().manage().window().setSize(new Dimension(width, width == 1280 ? 900 : 800));
                for (String page : pages) {
                    browser.open(server.url(page));
                    browser.find("main");
                    assertThat(browser.text())
                            .as(page + ": no template syntax or internal codes shown as text")
                            .doesNotContain("@comment", "@endcomment", "${", "neck shoulder", "burning tingling");
                    Number scrollWidth = (Number) ((JavascriptExecutor) browser.driver())
                            .executeScript("return document.documentElement.scrollWidth;");
                    assertThat(scrollWidth.intValue())
                            .as(page + " at " + width + " px")
                            .isLessThanOrEqualTo(width);
                    if (width != 360) {
                        assertThat(Axe.violations(browser))
                                .as(page + " at " + width + " px")
                                .isEmpty();
                    }
                }
            }
        }
    }
}
