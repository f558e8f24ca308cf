package backstop.cli;

import backstop.app.Services;
import backstop.db.DatabaseUrl;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that touches data shares. */
final class DatabaseOption {
    @Option(
            names = "--db",
            paramLabel = "URL",
            defaultValue = "${env:BACKSTOP_DB:-sqlite:data/backstop.db}",
            description =
                    "sqlite:PATH or postgresql://host:port/db?user=..&password=.. (env BACKSTOP_DB; default: ${DEFAULT-VALUE})")
    String url;

    DatabaseUrl parse() {
        return DatabaseUrl.parse(url);
    }

    Services open() {
        return Services.open(parse(), Clock.systemUTC());
    }

    Services open(backstop.account.SecuritySettings settings) {
        return Services.open(parse(), Clock.systemUTC(), settings);
    }

    <T> Services.Opened<T> open(
            backstop.account.SecuritySettings settings, java.util.function.Function<Services, T> meanwhile) {
        return Services.open(parse(), Clock.systemUTC(), settings, meanwhile);
    }
}
