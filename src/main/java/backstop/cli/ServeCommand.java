package backstop.cli;

import backstop.account.SecuritySettings;
import backstop.app.Services;
import backstop.app.WebApp;
import backstop.db.Durability;
import backstop.web.TrustedProxies;
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

    @Option(
            names = "--trusted-proxies",
            paramLabel = "CIDRS",
            defaultValue = "${env:BACKSTOP_TRUSTED_PROXIES:-}",
            description = "Reverse proxies whose X-Forwarded-For/-Proto to believe, e.g. 10.0.0.0/8,127.0.0.1"
                    + " (env BACKSTOP_TRUSTED_PROXIES; default: none).")
    String trustedProxies;

    @Option(
            names = "--two-factor-required",
            paramLabel = "ROLES",
            defaultValue = "${env:BACKSTOP_TWO_FACTOR_REQUIRED:-none}",
            description = "Roles that must sign in with a TOTP code: admin, clinician, both (admin,clinician) or none"
                    + " (env BACKSTOP_TWO_FACTOR_REQUIRED; default: ${DEFAULT-VALUE}).")
    String twoFactorRequired;

    @Option(
            names = "--allow-unsafe-durability",
            description = "Serve even when PostgreSQL may lose acknowledged writes in a crash (fsync off or"
                    + " synchronous_commit off/local). For throw-away test servers only.")
    boolean allowUnsafeDurability;

    @Option(
            names = "--exit-when-ready",
            hidden = true,
            description = "Start, then stop as soon as the app would serve: the build's training run for the start-up"
                    + " class archive (pom.xml, docs/performance.md).")
    boolean exitWhenReady;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        java.io.PrintWriter err = spec.commandLine().getErr();
        TrustedProxies proxies = TrustedProxies.parse("--trusted-proxies", trustedProxies);
        SecuritySettings settings = SecuritySettings.parse("--two-factor-required", twoFactorRequired);
        // The web app is built (its routes registered) while the schema is brought up to date; it starts after.
        Services.Opened<Prepared> opened = database.open(settings, services -> {
            Durability checked = Durability.check(services.database());
            return new Prepared(checked, WebApp.create(services, Version.current(), proxies, checked));
        });
        Services services = opened.services();
        Durability durability = opened.prepared().durability();
        if (!durability.safe()) {
            if (!allowUnsafeDurability) {
                services.close();
                err.println("Backstop will not serve: this database may lose writes it has acknowledged.");
                durability.problems().forEach(problem -> err.println("  - " + problem));
                err.println("Fix the setting, or start with --allow-unsafe-durability for a throw-away server.");
                return 1;
            }
            err.println("Warning: serving on a database that may lose acknowledged writes in a crash"
                    + " (--allow-unsafe-durability): " + String.join(" ", durability.problems()));
        }
        if (exitWhenReady) {
            // The classes a start loads are now loaded; the JVM's exit writes them to the archive it was asked for.
            Javalin app = opened.prepared().app();
            app.start(host, port);
            System.out.println("Backstop started on port " + app.port() + " and stops: --exit-when-ready.");
            app.stop();
            services.close();
            return 0;
        }
        serve(services, opened.prepared().app(), host, port, "");
        return 0;
    }

    /** The durability found and the app built while the schema was brought up to date. */
    private record Prepared(Durability durability, Javalin app) {}

    static void serve(Services services, String host, int port, String banner) throws InterruptedException {
        Durability durability = Durability.check(services.database());
        serve(
                services,
                WebApp.create(services, Version.current(), TrustedProxies.none(), durability),
                host,
                port,
                banner);
    }

    /** Starts the app and blocks until the process is asked to stop; closes everything on the way out. */
    static void serve(Services services, Javalin app, String host, int port, String banner)
            throws InterruptedException {
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
        StartupMemory.release();
        System.out.println("Backstop " + Version.current() + " is running at http://"
                + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + app.port()
                + " (data: " + services.database().url().display() + "). Stop it with Ctrl+C.");
        if (!banner.isEmpty()) {
            System.out.println(banner);
        }
        stopped.await();
    }
}
