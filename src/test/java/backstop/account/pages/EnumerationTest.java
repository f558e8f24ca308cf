package backstop.account.pages;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, finding 8: whether a name has an account cannot be learnt from sign-up or sign-in, neither from the answer
 * nor from how long it takes (a name that does not exist costs a password hash too).
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

    @Test
    void signUpAndSignInTakeAboutAsLongWhetherOrNotTheNameExists() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            server.client().register("owner", PASSWORD);
            server.client().register("dana", PASSWORD);
            List<Long> existing = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            List<Long> takenSignUp = new ArrayList<>();
            List<Long> freeSignUp = new ArrayList<>();
            // Interleaved, so a burst of load on the shared machine hits both sides alike; medians shrug off outliers.
            for (int round = 0; round < 9; round++) {
                int i = round;
                WebClient a = server.client();
                a.get("/login");
                existing.add(timed(() -> a.post("/login", Map.of("username", "dana", "password", "wrong " + i))));
                WebClient b = server.client();
                b.get("/login");
                missing.add(timed(() -> b.post("/login", Map.of("username", "ghost" + i, "password", "wrong"))));
                WebClient c = server.client();
                c.get("/register");
                takenSignUp.add(timed(() -> c.post(
                        "/register", Map.of("username", "dana", "password", PASSWORD, "password_confirm", PASSWORD))));
                WebClient d = server.client();
                d.get("/register");
                freeSignUp.add(timed(() -> d.post(
                        "/register",
                        Map.of("username", "fresh" + i, "password", PASSWORD, "password_confirm", PASSWORD))));
            }
            assertClose(median(existing), median(missing));
            assertClose(median(takenSignUp), median(freeSignUp));
        }
    }

    private static void assertClose(long a, long b) {
        // A password hash costs tens of milliseconds; skipping it for one side would show as a factor of ten.
        assertThat((double) Math.max(a, b) / Math.max(1, Math.min(a, b)))
                .as("medians %d and %d microseconds", a, b)
                .isLessThan(2.0);
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return (System.nanoTime() - start) / 1000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
