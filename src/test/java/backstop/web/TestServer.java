package backstop.web;

import backstop.TestClock;
import backstop.account.SecuritySettings;
import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.Database;
import backstop.db.Durability;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.Instant;

/** The real app on a random port over a real test database; tests talk to it over HTTP like any client. */
public final class TestServer implements AutoCloseable {
    private final Services services;
    private final Javalin app;

    private TestServer(Services services, TrustedProxies proxies) {
        this.services = services;
        this.app = WebApp.create(services, "test", proxies, Durability.check(services.database()))
                .start("127.0.0.1", 0);
    }

    /**
     * The moment an HTTP test's server starts at, whatever the real date: its clock then runs at the real pace from
     * here, so "today" is the same day for the whole test (and for every run). Tests ask the services for today.
     * It is the day the fixtures were written against (their diaries end on 2026-11-30), so they stay "recent".
     */
    public static final Instant TEST_START = Instant.parse("2026-12-01T09:00:00Z");

    /** With the clock starting at {@link #TEST_START}. */
    public static TestServer start(Database database) {
        return new TestServer(Services.wire(database, TestClock.tickingFrom(TEST_START)), TrustedProxies.none());
    }

    /**
     * For tests that drive a real browser: the server reads the time the pages read ({@link SharedClock}, noon of
     * today and ticking), so the two agree on the date and it does not change during a test.
     */
    public static TestServer startForBrowser(Database database) {
        return startForBrowser(database, new SharedClock());
    }

    /** For a browser whose page shares the server's clock ({@link SharedClock}). */
    public static TestServer startForBrowser(Database database, Clock clock) {
        return new TestServer(Services.wire(database, clock), TrustedProxies.none());
    }

    /** With the operator's settings, a clock the test moves, and the proxies it trusts. */
    public static TestServer start(Database database, Clock clock, SecuritySettings settings, TrustedProxies proxies) {
        return new TestServer(Services.wire(database, clock, settings), proxies);
    }

    public int port() {
        return app.port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public Services services() {
        return services;
    }

    public WebClient client() {
        return new WebClient(this);
    }

    @Override
    public void close() {
        app.stop();
    }
}
