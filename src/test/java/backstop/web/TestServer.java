package backstop.web;

import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.Database;
import io.javalin.Javalin;
import java.time.Clock;

/** The real app on a random port over a real test database; tests talk to it over HTTP like any client. */
public final class TestServer implements AutoCloseable {
    private final Services services;
    private final Javalin app;

    private TestServer(Services services) {
        this.services = services;
        this.app = WebApp.create(services, "test").start("127.0.0.1", 0);
    }

    public static TestServer start(Database database) {
        return new TestServer(Services.wire(database, Clock.systemUTC()));
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
