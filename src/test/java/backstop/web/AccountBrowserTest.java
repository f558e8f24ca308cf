package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import org.junit.jupiter.api.Test;

/** Sign-up, sign-in and sign-out in a real browser, and one person's pages closed to another. */
class AccountBrowserTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void twoPeopleSignUpAndNeitherCanOpenTheOthersPages() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.desktop()) {
            register(browser, server, "owner");
            assertThat(browser.path()).isEqualTo("/admin");
            signOut(browser);

            register(browser, server, "dana");
            browser.waitForPath("/people/\\d+");
            String danasPage = browser.path();
            assertThat(browser.find("#overview-title").getText()).isEqualTo("Hello, dana");
            signOut(browser);

            browser.open(server.url(danasPage));
            browser.waitForPath("/login");
            assertThat(browser.text()).contains("Sign in");

            register(browser, server, "eli");
            browser.open(server.url(danasPage));
            assertThat(browser.text()).contains("No access").doesNotContain("Hello, dana");
            signOut(browser);

            browser.open(server.url("/login"));
            browser.type("#username", "dana");
            browser.type("#password", "not the password");
            browser.click("#login");
            assertThat(browser.find("[role=alert]").getText()).contains("do not match");
            browser.type("#password", PASSWORD);
            browser.click("#login");
            browser.waitForPath(danasPage);
            assertThat(browser.find("#overview-title").getText()).isEqualTo("Hello, dana");
        }
    }

    @Test
    void theSignUpFormExplainsWhatIsWrongOnAPhone() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.startForBrowser(fresh.database());
                Browser browser = Browser.phone()) {
            browser.open(server.url("/register"));
            browser.type("#username", "ok-name");
            browser.type("#password", "short");
            browser.type("#password_confirm", "short");
            browser.click("#register");
            assertThat(browser.find("[data-field=password]").getText()).contains("at least 8 characters");
            assertThat(browser.find("#username").getAttribute("value")).isEqualTo("ok-name");
            Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue())
                    .as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(390);
        }
    }

    private static void register(Browser browser, TestServer server, String name) {
        browser.signUp(server, name, PASSWORD);
    }

    private static void signOut(Browser browser) {
        browser.click("#logout");
        browser.waitForPath("/");
    }
}
