package backstop.cli;

import backstop.app.Services;
import backstop.app.WebApp;
import io.javalin.Javalin;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the web app (and its API) on this machine.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DatabaseOption database;

    @Option(
            names = "--port",
            defaultValue = "${env:BACKSTOP_PORT:-8080}",
            description = "Port to listen on (env BACKSTOP_PORT; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            defaultValue = "${env:BACKSTOP_HOST:-127.0.0.1}",
            description =
                    "Address to listen on; 0.0.0.0 for every interface (env BACKSTOP_HOST; default: ${DEFAULT-VALUE}).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        Services services = database.open();
        serve(services, host, port, "");
        return 0;
    }

    /** Starts the app and blocks until the process is asked to stop; closes everything on the way out. */
    static void serve(Services services, String host, int port, String banner) throws InterruptedException {
        Javalin app = WebApp.create(services, Version.current());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.stop();
                            services.close();
                            stopped.countDown();
                        },
                        "backstop-shutdown"));
        app.start(host, port);
        System.out.println("Backstop " + Version.current() + " is running at http://"
                + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port()
                + " (data: " + services.database().url().display() + "). Stop it with Ctrl+C.");
        if (!banner.isEmpty()) {
            System.out.println(banner);
        }
        stopped.await();
    }
}
