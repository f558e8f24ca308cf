package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Axe;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The daily check-in as a person does it with a thumb (issue 14): no sideways scrolling down to 360 px, every control
 * at least 44 × 44 px, a whole check-in in at most 12 taps with no typing, and no accessibility violations — on a
 * phone (390 × 844) and a desktop (1280 × 900).
 */
class CheckInPhoneTest {
    private static final String PASSWORD = "correct horse battery";
    private static final int MAX_TAPS = 12;

    /** Counts the taps of one check-in. */
    private static final class Thumb {
        private final Browser browser;
        private int taps;

        Thumb(Browser browser) {
            this.browser = browser;
        }

        void tap(String css) {
            WebElement element = browser.find(css);
            ((JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            browser.click(css);
            taps++;
        }

        void tapAndWaitForNewPage(String css) {
            ((JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.find(css));
            browser.clickAndWaitForNewPage(css);
            taps++;
        }
    }

    @Test
    void onAPhoneYesterdaysAnswersAreOneTapAndTheWholeCheckInFitsTheThumb() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            LocalDate today = server.services().diary().today();
            server.services()
                    .diary()
                    .save(
                            dana,
                            new CheckIn(
                                    DiaryDay.on(today.minusDays(1))
                                            .painAm(2)
                                            .sleepPosition(SleepPosition.SIDE)
                                            .build(),
                                    new CheckInDetails(
                                            List.of("between_shoulder_blades", "neck_shoulder"),
                                            List.of("burning_tingling"))),
                            "check-in",
                            Caller.of(dana, "test"));

            browser.open(server.url("/diary"));
            Thumb thumb = new Thumb(browser);
            thumb.tapAndWaitForNewPage("#checkin-today");
            assertFits(browser, 390);
            assertThat(browser.text())
                    .contains("neck and shoulder", "burning or tingling")
                    .doesNotContain("neck shoulder", "burning tingling");
            assertThat(Axe.violations(browser)).isEmpty();

            thumb.tap("#q-pain_am input[value='3'] + span");
            thumb.tap("#q-pain_pm input[value='5'] + span");
            thumb.tap("#same-as-yesterday");
            thumb.tap("#q-desk_hours button[data-value='8']");
            thumb.tap("#q-breaks button[data-value='4']");
            thumb.tap("#q-longest_sit_min button[data-value='60']");
            thumb.tap("#q-exercise_min button[data-value='0']");
            thumb.tap("input[name=arm_load][value='1']");
            thumb.tap("#q-stress input[value='6'] + span");
            thumb.tap("#q-sleep_quality input[value='7'] + span");
            assertThat(browser.find("#carry-status").getDomProperty("textContent"))
                    .as("a screen reader hears what the tap filled in")
                    .startsWith("Filled in: between the shoulder blades");
            thumb.tapAndWaitForNewPage("#save-checkin");
            assertThat(thumb.taps).isLessThanOrEqualTo(MAX_TAPS);

            assertThat(browser.find("#saved").getText()).contains("Saved your check-in");
            CheckIn saved = server.services()
                    .diary()
                    .day(dana, today, Caller.of(dana, "test"))
                    .orElseThrow()
                    .checkIn();
            assertThat(saved.day().painAm()).hasValue(3);
            assertThat(saved.day().painPm()).hasValue(5);
            assertThat(saved.day().deskHours()).hasValue(8.0);
            assertThat(saved.day().breaks()).hasValue(4);
            assertThat(saved.day().longestSitMin()).hasValue(60);
            assertThat(saved.day().exerciseMin())
                    .as("0 is a value, not 'not recorded'")
                    .hasValue(0);
            assertThat(saved.day().armLoad()).contains(ArmLoad.LIGHT);
            assertThat(saved.day().stress()).hasValue(6);
            assertThat(saved.day().sleepQuality()).hasValue(7);
            assertThat(saved.day().sleepPosition()).contains(SleepPosition.SIDE);
            assertThat(saved.details().locations()).containsExactly("between_shoulder_blades", "neck_shoulder");
            assertThat(saved.details().painKinds()).containsExactly("burning_tingling");
            assertFits(browser, 390);
            assertThat(Axe.violations(browser)).isEmpty();

            // The narrowest common phone: nothing scrolls sideways, no control shrinks below 44 px.
            browser.driver().manage().window().setSize(new Dimension(360, 780));
            browser.open(server.url("/diary/" + today.plusDays(0)));
            assertFits(browser, 360);
            browser.open(server.url("/diary"));
            assertFits(browser, 360);
        }
    }

    @Test
    void onADesktopAFirstCheckInIsTappedAndNotRecordedStaysApartFromZero() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            browser.open(server.url("/diary"));
            Thumb thumb = new Thumb(browser);
            thumb.tapAndWaitForNewPage("#checkin-today");
            assertThat(browser.driver().findElements(By.id("same-as-yesterday")))
                    .as("nothing to carry over on the first day")
                    .isEmpty();
            assertFits(browser, 1280);
            assertThat(Axe.violations(browser)).isEmpty();

            thumb.tap("#q-pain_am input[value='0'] + span");
            thumb.tap("#q-pain_pm input[value='2'] + span");
            thumb.tap("input[name=locations][value=mid_back_centre]");
            thumb.tap("input[name=pain_kinds][value=stiffness]");
            thumb.tap("#q-desk_hours button[data-value='6']");
            thumb.tap("#q-breaks button[data-value='2']");
            thumb.tap("input[name=arm_load][value='0']");
            thumb.tap("#q-stress input[value='3'] + span");
            thumb.tap("input[name=sleep_position][value=back]");
            // Another quick choice replaces the first.
            thumb.tap("#q-desk_hours button[data-value='8']");

            // The 0–10 scale is one Tab stop: arrow keys move within it.
            WebElement stress = browser.find("#q-stress input[value='3']");
            stress.sendKeys(Keys.ARROW_RIGHT);
            assertThat(browser.find("#q-stress input[value='4']").isSelected()).isTrue();
            thumb.tapAndWaitForNewPage("#save-checkin");
            assertThat(thumb.taps).isLessThanOrEqualTo(MAX_TAPS);

            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            DiaryDay saved = server.services()
                    .diary()
                    .day(dana, server.services().diary().today(), Caller.of(dana, "test"))
                    .orElseThrow()
                    .checkIn()
                    .day();
            assertThat(saved.painAm()).as("0 is recorded as 0").hasValue(0);
            assertThat(saved.deskHours()).hasValue(8.0);
            assertThat(saved.breaks()).hasValue(2);
            assertThat(saved.stress()).hasValue(4);
            assertThat(saved.longestSitMin()).as("left alone: not recorded").isEmpty();
            assertThat(saved.exerciseMin()).as("left alone: not recorded").isEmpty();
            assertThat(saved.sleepQuality()).as("left alone: not recorded").isEmpty();
            assertThat(saved.sleepPosition()).contains(SleepPosition.BACK);
            assertThat(Axe.violations(browser)).isEmpty();
        }
    }

    /** No sideways scrolling, and every control on the page a target of at least 44 × 44 CSS pixels. */
    static void assertFits(Browser browser, int width) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
        assertThat(scrollWidth.intValue()).as("page width at " + width + " px").isLessThanOrEqualTo(width);
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js.executeScript(SMALL_TARGETS);
        assertThat(small).as("controls smaller than 44 × 44 px").isEmpty();
    }

    /**
     * Every visible control: links outside running text, buttons, summaries, boxes, and each radio button or check
     * box measured by the label a person taps.
     */
    static final String SMALL_TARGETS = "const out = [];"
            + "document.querySelectorAll('a, button, summary, select, textarea, input:not([type=hidden])')"
            + ".forEach(el => {"
            + "  if (el.closest('[hidden]') || el.closest('footer') || el.closest('.skip')) return;"
            + "  if (el.tagName === 'A' && el.closest('p, li, small, dd, td') && !el.classList.contains('button')"
            + "      && !el.closest('nav') && !el.closest('ul.days')) return;"
            + "  let target = el;"
            + "  if (el.type === 'radio' || el.type === 'checkbox' || el.type === 'file') {"
            + "    target = el.closest('label') || el; }"
            + "  const r = target.getBoundingClientRect();"
            + "  if (r.width === 0 && r.height === 0) return;"
            + "  if (r.width < 43.5 || r.height < 43.5) out.push((el.id || el.name || el.textContent.trim())"
            + "    + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));"
            + "});"
            + "return out;";
}
