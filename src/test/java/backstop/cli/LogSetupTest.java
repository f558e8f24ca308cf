package backstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The log as `serve` writes it, configured in code: a line with its key=value pairs, or one JSON object. */
class LogSetupTest {
    @Test
    void aLineCarriesTheTimeInUtcTheLevelTheLoggerTheMessageAndItsKeyValuePairs() {
        LoggerContext context = new LoggerContext();
        LogSetup.configure(context, false);

        String line = encode(context, request(context));

        assertThat(line)
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  backstop\\.http request"
                        + " method=\"GET\" status=\"200\"\\R");
    }

    @Test
    void jsonGivesOneObjectPerLine() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // the JSON encoder writes the MDC too
        LogSetup.configure(context, true);

        String line = encode(context, request(context));

        assertThat(line).startsWith("{").endsWith("}\n").contains("\"message\":\"request\"", "\"method\"");
        assertThat(line.strip()).doesNotContain("\n");
    }

    @Test
    void librariesSpeakOnlyWhenSomethingIsWrongAndTheRestFromInfo() {
        LoggerContext context = new LoggerContext();
        LogSetup.configure(context, false);

        assertThat(context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.flywaydb.core.Flyway").getEffectiveLevel())
                .isEqualTo(Level.WARN);
        assertThat(context.getLogger("backstop.http").getEffectiveLevel()).isEqualTo(Level.INFO);
    }

    private static LoggingEvent request(LoggerContext context) {
        Logger logger = context.getLogger("backstop.http");
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "request", null, null);
        event.setKeyValuePairs(List.of(new KeyValuePair("method", "GET"), new KeyValuePair("status", 200)));
        return event;
    }

    private static String encode(LoggerContext context, ILoggingEvent event) {
        var appender = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT");
        return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
    }
}
