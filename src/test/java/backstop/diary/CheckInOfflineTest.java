package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.Browser;
import backstop.web.TestServer;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A check-in filled in while the phone is offline is kept on the device and sent when the connection returns, once
 * (issue 14); and the daily reminder is kept by the service worker and shown as a notification.
 */
class CheckInOfflineTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void anOfflineCheckInIsKeptOnThePhoneAndSentOnceWhenBackOnline() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            LocalDate today = server.services().diary().today();
            browser.open(server.url("/diary/" + today));
            CheckInPhoneTest.assertFits(browser, 390);

            network(browser, true);
            waitFor(browser, "return navigator.onLine === false;");
            tap(browser, "#q-pain_am input[value='3'] + span");
            tap(browser, "#q-desk_hours button[data-value='6']");
            tap(browser, "input[name=locations][value=one_side]");
            tap(browser, "#save-checkin");
            assertThat(browser.find("#offline-status").getText()).contains("kept on this phone");
            assertThat(browser.path()).isEqualTo("/diary/" + today);
            assertThat(js(browser, "return window.backstopCheckinQueue.pending();"))
                    .isEqualTo(1L);
            assertThat(server.services().diary().day(dana, today, Caller.of(dana, "test")))
                    .isEmpty();
            String kept = (String) js(browser, "return localStorage.getItem('backstop-checkin-queue');");

            network(browser, false);
            waitFor(browser, "return window.backstopCheckinQueue.pending() === 0;");
            assertThat(browser.find("#offline-status").getText()).contains("was sent and saved");
            SavedDay saved = server.services()
                    .diary()
                    .day(dana, today, Caller.of(dana, "test"))
                    .orElseThrow();
            assertThat(saved.checkIn().day().painAm()).hasValue(3);
            assertThat(saved.checkIn().day().deskHours()).hasValue(6.0);
            assertThat(saved.checkIn().details().locations()).containsExactly("one_side");
            assertThat(saved.revision()).isEqualTo(1);

            // The person corrects the day on another device; then the same kept check-in arrives again (a second
            // tab, or a retry after a lost answer). It is recognised and changes nothing.
            server.services()
                    .diary()
                    .save(
                            dana,
                            new CheckIn(DiaryDay.on(today).painAm(2).build(), CheckInDetails.none()),
                            "check-in",
                            Caller.of(dana, "test"));
            ((JavascriptExecutor) browser.driver())
                    .executeScript("localStorage.setItem('backstop-checkin-queue', arguments[0]);", kept);
            js(browser, "window.backstopCheckinQueue.flush(); return 0;");
            waitFor(browser, "return window.backstopCheckinQueue.pending() === 0;");
            SavedDay after = server.services()
                    .diary()
                    .day(dana, today, Caller.of(dana, "test"))
                    .orElseThrow();
            assertThat(after.revision()).isEqualTo(2);
            assertThat(after.checkIn().day().painAm()).hasValue(2);
        }
    }

    @Test
    void theDailyReminderIsKeptByTheServiceWorkerAndShownAsANotification() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.signUpAsPerson(server, "dana", PASSWORD);
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand(
                            "Browser.grantPermissions",
                            Map.of("origin", server.url(""), "permissions", java.util.List.of("notifications")));
            browser.open(server.url("/diary"));
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('reminder-time').value = '07:45';");
            tap(browser, "#reminder-on");
            new WebDriverWait(browser.driver(), Browser.WAIT)
                    .until(d -> !browser.find("#reminder-status")
                            .getDomProperty("textContent")
                            .isEmpty());
            assertThat(browser.find("#reminder-status").getText())
                    .isEqualTo("Reminder set for 07:45 every day, on this device.");
            waitFor(
                    browser,
                    "const done = arguments[arguments.length - 1];"
                            + "caches.open('backstop-checkin').then(c => c.match('/checkin-reminder'))"
                            + ".then(r => r ? r.json() : null).then(j => done(j !== null && j.time === '07:45'));",
                    true);
            // The worker shows it (forced here; at 07:45 it shows it by itself once a day). The message is sent
            // again on every try: a worker the browser is just replacing or stopping may drop it, and a repeat only
            // replaces the notification (same tag).
            waitFor(
                    browser,
                    "const done = arguments[arguments.length - 1];"
                            + "navigator.serviceWorker.ready.then(r => {"
                            + "  r.active.postMessage({checkin: 'remind', force: true});"
                            + "  const until = Date.now() + 3000;"
                            + "  const look = () => r.getNotifications({tag: 'checkin-reminder'}).then(n => {"
                            + "    if (n.length === 1 && n[0].title === 'Time for your check-in') { done(true); }"
                            + "    else if (Date.now() > until) { done(false); }"
                            + "    else { setTimeout(look, 100); }"
                            + "  });"
                            + "  look();"
                            + "}).catch(() => done(false));",
                    true);
            assertThat(backstop.web.Axe.violations(browser)).isEmpty();
        }
    }

    private static void network(Browser browser, boolean offline) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static void waitFor(Browser browser, String script) {
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(script)));
    }

    private static void waitFor(Browser browser, String asyncScript, boolean async) {
        new WebDriverWait(browser.driver(), Browser.WAIT)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeAsyncScript(asyncScript)));
    }

    private static void tap(Browser browser, String css) {
        DiaryBrowserTest.tap(browser, css);
    }
}
