package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.assessment.Intakes;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPreferences;
import backstop.web.Axe;
import backstop.web.Browser;
import backstop.web.SharedClock;
import backstop.web.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole working day in a real browser, with the micro-break interval shortened to a minute and that minute
 * skipped by moving the clock the server and the page share ({@link SharedClock}): start the day, a
 * micro-break from the plan arrives with a notification, one is postponed by key, one taken, a calendar meeting
 * pauses the reminders, and the breaks are in the day's check-in and beside the evening pain.
 */
class DeskBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void aPersonWorksADayWithBreaksFromTheirPlanAndFindsThemInTheirDiary() throws IOException {
        // From nine in the morning, so that the day's minutes skipped below never cross midnight.
        SharedClock clock = SharedClock.atTimeOfDay(LocalTime.of(9, 0));
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database(), clock);
                Browser browser = Browser.desktop()) {
            clock.install(browser);
            browser.signUpAsPerson(server, "dana", PASSWORD);
            User dana = server.services().accounts().findByUsername("dana").orElseThrow();
            Caller asDana = Caller.of(dana, "test");
            server.services().assessments().submit(dana, Intakes.deskWorker(), asDana);
            List<String> planExercises = server
                    .services()
                    .plans()
                    .create(dana, PlanPreferences.defaults(), asDana)
                    .plan()
                    .desk()
                    .orElseThrow()
                    .microBreak()
                    .stream()
                    .map(PlanExercise::name)
                    .toList();
            assertThat(planExercises).isNotEmpty();
            ((HasCdp) browser.driver())
                    .executeCdpCommand(
                            "Browser.grantPermissions",
                            Map.of("origin", server.url(""), "permissions", List.of("notifications")));

            browser.open(server.url("/desk"));
            assertThat(browser.find("#notify-state").getText()).isEqualTo("Notifications are on.");
            assertThat(Axe.violations(browser)).isEmpty();
            browser.click("#follow_plan");
            browser.type("#micro_minutes", "1");
            browser.type("#postpone_minutes", "1");
            browser.clickAndWaitForNewPage("#save-settings");
            assertThat(browser.find("#saved").getText()).contains("Saved your break settings");

            browser.click("#start-day");
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#status-text").getText().startsWith("Working since"));

            // The first micro-break, a minute later: an exercise of the plan with its illustration, a countdown and a
            // notification.
            assertThat(browser.find("#break-panel").isDisplayed()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            waitFor(browser, Browser.WAIT, () -> browser.find("#break-panel").isDisplayed());
            assertThat(browser.find("#break-title").getText()).isEqualTo("Micro-break");
            assertThat(planExercises)
                    .anySatisfy(name ->
                            assertThat(browser.find("#break-lead").getText()).startsWith(name));
            assertThat(browser.find("#break-name").getText()).endsWith("(from your plan)");
            assertThat(browser.find("#break-img").getAttribute("src")).endsWith("/illustration.svg");
            assertThat(browser.find("#break-countdown").getText()).matches("0:[0-6]\\d");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .isEqualTo("break-panel");
            waitFor(browser, Browser.WAIT, () -> notifications(browser).contains("Micro-break due"));
            assertThat(Axe.violations(browser)).isEmpty();

            browser.driver().switchTo().activeElement().sendKeys("p");
            waitFor(browser, Browser.WAIT, () -> !browser.find("#break-panel").isDisplayed());
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#totals").getText().contains("1 postponed"));

            // Postponed by a minute: it comes back when that minute has passed.
            clock.advance(Duration.ofMinutes(1));
            waitFor(browser, Browser.WAIT, () -> browser.find("#break-panel").isDisplayed());
            browser.driver().switchTo().activeElement().sendKeys("d");
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#totals").getText().contains("1 taken"));
            LocalDate today = server.services().diary().today();
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> server.services()
                            .diary()
                            .day(dana, today, asDana)
                            .map(day -> day.checkIn().day().breaks().orElse(0) == 1)
                            .orElse(false));

            // A meeting in the calendar, now: the page says the reminders wait for it.
            Path ics = Files.createTempFile("work", ".ics");
            Files.writeString(ics, meetingAround(clock.instant()), StandardCharsets.UTF_8);
            browser.find("#calendar_file").sendKeys(ics.toString());
            browser.clickAndWaitForNewPage("#connect-calendar");
            assertThat(browser.find("#calendar-state").getText()).contains("uploaded file with 1 events");
            assertThat(browser.find("#busy-today").getText()).startsWith("Busy today:");
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#status-text").getText().contains("(a meeting in your calendar)"));
            Files.delete(ics);

            // The check-in shows the measured breaks and stretch; the person adds the evening pain.
            browser.open(server.url("/diary/" + today));
            assertThat(browser.find("#breaks").getAttribute("value")).isEqualTo("1");
            assertThat(browser.find("#breaks-measured").getText()).isEqualTo("measured");
            assertThat(browser.find("#longest_sit_min").getAttribute("value")).matches("\\d+");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.find("#q-pain_pm"));
            browser.click("#q-pain_pm input[value='4'] + span");
            browser.clickAndWaitForNewPage("#checkin-form button[type=submit]");

            browser.open(server.url("/desk"));
            var row = browser.find("#history-days tr[data-date='" + today + "']");
            List<String> cells = row.findElements(By.cssSelector("td")).stream()
                    .map(cell -> cell.getText())
                    .toList();
            assertThat(cells.get(1)).as("breaks taken").isEqualTo("1");
            assertThat(cells.get(2)).as("postponed").isEqualTo("1");
            assertThat(cells.get(5)).as("evening pain").isEqualTo("4");
            assertThat(browser.find("#sitting-result").getText()).startsWith("Not enough data yet");
            assertThat(Axe.violations(browser)).isEmpty();
            browser.find("#stop-day").sendKeys(Keys.ENTER);
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#status-text").getText().startsWith("Not at the desk"));

            browser.open(server.url("/diary/chart"));
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#desk-chart-status").getText().equals("1 day at the desk."));
            assertThat(browser.driver().findElements(By.cssSelector("#desk-chart canvas")))
                    .isNotEmpty();
        }
    }

    @Test
    void timeAwayCountsAsABreakOnlyWhenThePersonSaysSo() {
        // Mid-morning: the break taken "twenty minutes ago" falls on today's totals (run at 00:10 UTC on the real
        // clock, it fell on yesterday's and the test failed).
        SharedClock clock = SharedClock.atTimeOfDay(LocalTime.of(10, 40));
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database(), clock);
                Browser browser = Browser.desktop()) {
            clock.install(browser);
            browser.signUpAsPerson(server, "eli", PASSWORD);
            User eli = server.services().accounts().findByUsername("eli").orElseThrow();
            Caller asEli = Caller.of(eli, "test");
            Instant start = clock.instant().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
            server.services()
                    .desk()
                    .record(eli, DeskEvent.of("start", EventType.WORK_START, start.atOffset(ZoneOffset.UTC)), asEli);
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            String alive =
                    "localStorage.setItem('backstop.desk." + eli.id() + ".alive', String(Date.now() - 20 * 60000));";

            // The page was last seen twenty minutes ago (set from another page, where no desk timer runs).
            browser.open(server.url("/exercises"));
            js.executeScript(alive);
            browser.open(server.url("/desk"));
            waitFor(browser, Browser.WAIT, () -> browser.find("#idle-panel").isDisplayed());
            assertThat(browser.find("#idle-text").getText()).startsWith("Nothing happened on this page from");
            assertThat(Axe.violations(browser)).isEmpty();
            browser.click("#idle-no");
            waitFor(browser, Browser.WAIT, () -> !browser.find("#idle-panel").isDisplayed());
            assertThat(naturalBreaks(server, eli)).as("reading is not a break").isZero();

            browser.open(server.url("/exercises"));
            js.executeScript(alive);
            browser.open(server.url("/desk"));
            waitFor(browser, Browser.WAIT, () -> browser.find("#idle-panel").isDisplayed());
            browser.click("#idle-yes");
            waitFor(browser, Browser.WAIT, () -> naturalBreaks(server, eli) == 1);
            waitFor(
                    browser,
                    Browser.WAIT,
                    () -> browser.find("#totals").getText().contains("1 taken"));
        }
    }

    private static int naturalBreaks(TestServer server, User person) {
        return server.services()
                .database()
                .withHandle(handle -> handle.createQuery(
                                "SELECT COUNT(*) FROM desk_events WHERE person_id = :p AND kind = 'natural'")
                        .bind("p", person.id())
                        .mapTo(Integer.class)
                        .one());
    }

    private static List<String> notifications(Browser browser) {
        Object titles = ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(r => r.getNotifications())"
                        + ".then(list => done(list.map(n => n.title))).catch(() => done([]));");
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) titles;
        return list;
    }

    private static String meetingAround(Instant when) {
        DateTimeFormatter utc =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        Instant now = when.truncatedTo(ChronoUnit.MINUTES);
        return String.join(
                "\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Backstop tests//Meeting//EN",
                "BEGIN:VEVENT",
                "UID:meeting@example.org",
                "DTSTAMP:" + utc.format(now),
                "DTSTART:" + utc.format(now.minus(Duration.ofMinutes(2))),
                "DTEND:" + utc.format(now.plus(Duration.ofMinutes(30))),
                "SUMMARY:Quarterly planning",
                "END:VEVENT",
                "END:VCALENDAR",
                "");
    }

    private static void waitFor(Browser browser, Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), timeout).until(driver -> condition.getAsBoolean());
    }
}
