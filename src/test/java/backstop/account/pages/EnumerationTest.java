package backstop.account.pages;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: whether a name has an account cannot be learnt from sign-up or sign-in, neither from the answer
 * (how long it takes is specified in {@code backstop.account.EqualCostTest}: both cases run one password hash).
 */
class EnumerationTest {
    private static final String PASSWORD = "a long enough secret";

    private static String shape(HttpResponse<String> response) {
        return response.statusCode() + " "
                + response.headers().firstValue("Location").orElse("")
                + " cookies="
                + response.headers().allValues("Set-Cookie").stream()
                        .map(c -> c.substring(0, c.indexOf('=')))
                        .sorted()
                        .toList();
    }

    /** Each page carries its own anti-forgery token; the rest must be the same. */
    private static String withoutTokens(String page) {
        return page.replaceAll("[A-Za-z0-9_-]{40,}", "TOKEN");
    }

    private static HttpResponse<String> signUp(WebClient client, String name) {
        client.get("/register");
        return client.post("/register", Map.of("username", name, "password", PASSWORD, "password_confirm", PASSWORD));
    }

    @Test
    void signUpAndSignInAnswerTheSameWhetherOrNotTheNameExists() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            server.client().register("owner", PASSWORD);
            server.client().register("dana", PASSWORD);
            HttpResponse<String> taken = signUp(server.client(), "dana");
            HttpResponse<String> free = signUp(server.client(), "newcomer");
            assertThat(shape(taken)).isEqualTo(shape(free));
            assertThat(taken.body()).isEqualTo(free.body());

            HttpResponse<String> wrongPassword = server.client().login("dana", "not the password");
            HttpResponse<String> noSuchName = server.client().login("nobody-here", "not the password");
            assertThat(wrongPassword.statusCode())
                    .isEqualTo(noSuchName.statusCode())
                    .isEqualTo(401);
            assertThat(withoutTokens(wrongPassword.body()).replace("dana", "NAME"))
                    .isEqualTo(withoutTokens(noSuchName.body()).replace("nobody-here", "NAME"));
        }
    }
}
