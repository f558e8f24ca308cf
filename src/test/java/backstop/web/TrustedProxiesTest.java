package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.account.SecuritySettings;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 13, finding 2: behind a proxy the throttle counts each client, and forged headers count for nothing. */
class TrustedProxiesTest {
    private static final String PASSWORD = "a long enough secret";

    @Test
    void theClientIsTheRightMostAddressNotATrustedProxy() {
        TrustedProxies proxies = TrustedProxies.parse("--trusted-proxies", "10.0.0.0/8, 127.0.0.1, ::1");
        assertThat(proxies.client("127.0.0.1", Optional.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.client("127.0.0.1", Optional.of("6.6.6.6, 203.0.113.9, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
        assertThat(proxies.client("192.0.2.1", Optional.of("203.0.113.9"))).isEqualTo("192.0.2.1");
        assertThat(proxies.client("127.0.0.1", Optional.empty())).isEqualTo("127.0.0.1");
        assertThat(proxies.client("127.0.0.1", Optional.of("not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(proxies.client("0:0:0:0:0:0:0:1", Optional.of("2001:db8::7")))
                .isEqualTo("2001:db8::7");
        assertThat(TrustedProxies.none().client("127.0.0.1", Optional.of("203.0.113.9")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void onlyATrustedProxySaysTheRequestCameOverTls() {
        TrustedProxies proxies = TrustedProxies.parse("x", "127.0.0.1/32");
        assertThat(proxies.forwardedHttps("127.0.0.1", Optional.of("https"))).isTrue();
        assertThat(proxies.forwardedHttps("192.0.2.1", Optional.of("https"))).isFalse();
        assertThat(TrustedProxies.none().forwardedHttps("127.0.0.1", Optional.of("https")))
                .isFalse();
    }

    @Test
    void aBadEntryIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse("--trusted-proxies", "10.0.0.0/33"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--trusted-proxies");
        assertThatThrownBy(() -> TrustedProxies.parse("--trusted-proxies", "proxy.example"))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("--trusted-proxies", "300.1.1.1"))
                .isInstanceOf(BadInputException.class);
    }

    @BothDatabases
    void behindATrustedProxyOneGuesserDoesNotBlockEveryoneElse(Database database) {
        try (TestServer server = TestServer.start(
                database,
                Clock.systemUTC(),
                SecuritySettings.defaults(),
                TrustedProxies.parse("proxies", "127.0.0.1"))) {
            server.client().register("dana", PASSWORD);
            WebClient guesser = server.client().withHeader("X-Forwarded-For", "203.0.113.5");
            for (int i = 0; i < 25; i++) {
                guesser.login("user" + i, "guess " + i);
            }
            assertThat(guesser.login("user99", "guess").statusCode()).isEqualTo(429);
            WebClient dana = server.client().withHeader("X-Forwarded-For", "198.51.100.20");
            HttpResponse<String> signIn = dana.login("dana", PASSWORD);
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(server.services().audit().search(backstop.account.AuditQuery.latest(1)))
                    .first()
                    .satisfies(entry -> assertThat(entry.address()).isEqualTo("198.51.100.20"));
        }
    }

    @BothDatabases
    void withoutTrustedProxiesAForgedHeaderDoesNotEscapeTheThrottle(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("dana", PASSWORD);
            for (int i = 0; i < 25; i++) {
                server.client().withHeader("X-Forwarded-For", "203.0.113." + i).login("user" + i, "guess");
            }
            HttpResponse<String> next = server.client()
                    .withHeader("X-Forwarded-For", "198.51.100.99")
                    .login("user99", "guess");
            assertThat(next.statusCode()).isEqualTo(429);
        }
    }
}
