package backstop.web;

import backstop.account.SecuritySettings;
import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.Database;
import backstop.db.Durability;
import io.javalin.Javalin;
import java.time.Clock;

/** The real app on a random port over a real test database; tests talk to it over HTTP like any client. */
public final class TestServer implements AutoCloseable {
    private final Services services;
    private final Javalin app;

    private TestServer(Services services, TrustedProxies proxies) {
        this.services = services;
        this.app = WebApp.create(services, "test", proxies, Durability.check(services.database()))
                .start("127.0.0.1", 0);
    }

    public static TestServer start(Database database) {
        return new TestServer(Services.wire(database, Clock.systemUTC()), TrustedProxies.none());
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
