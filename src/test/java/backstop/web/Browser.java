package backstop.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with a fresh profile; Selenium is given both paths
 * so it never tries to download a browser or driver.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Long enough for a loaded 2-core CI machine; a wait ends as soon as its condition holds. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final Path profile;

    private Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("backstop-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        // The page's clock is the browser tests' server clock (SharedClock): noon of today, or what a test sets.
        ((org.openqa.selenium.chromium.HasCdp) driver)
                .executeCdpCommand(
                        "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", SharedClock.dateScript()));
    }

    public static Browser desktop() {
        return new Browser(1280, 900);
    }

    /** About the size of a common phone held upright. */
    public static Browser phone() {
        return new Browser(390, 844);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement element = find(css);
        element.clear();
        element.sendKeys(text);
    }

    public void click(String css) {
        new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    /**
     * Clicks something that loads a new page (a form's submit button, a link) and waits until the old page is gone,
     * so what the test reads next belongs to the new one.
     */
    public void clickAndWaitForNewPage(String css) {
        // A mark on the old page's window: a new document has a new window object without it. (Chromium's answer
        // for an element of a replaced document is not always a StaleElementReferenceException, so staleness of an
        // element is not a reliable signal.)
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.backstopOldPage = true;");
        click(css);
        new WebDriverWait(driver, WAIT)
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.backstopOldPage === undefined && document.readyState === 'complete';")));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void waitForPath(String regex) {
        new WebDriverWait(driver, WAIT).until(d -> path().matches(regex));
    }

    /** Creates an account through the sign-up page, signs in with it and waits for its landing page. */
    public void signUp(TestServer server, String name, String password) {
        open(server.url("/register"));
        type("#username", name);
        type("#password", password);
        type("#password_confirm", password);
        click("#register");
        waitForPath("/login");
        type("#username", name);
        type("#password", password);
        click("#login");
        waitForPath("/(admin|people/\\d+|clinic.*)");
    }

    /** Signs up a person: the installation's owner (first account) is made over HTTP first if there is none yet. */
    public void signUpAsPerson(TestServer server, String name, String password) {
        if (server.services().accounts().findByUsername("owner").isEmpty()) {
            server.client().register("owner", "a long enough secret");
        }
        signUp(server, name, password);
        waitForPath("/people/\\d+");
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless; the browser is already gone.
        }
    }
}
