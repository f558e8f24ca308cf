package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.TestServer;
import backstop.web.WebClient;
import org.junit.jupiter.api.Test;

/** The pain chart has a text alternative: a summary in words and the last month's numbers as a table. */
class DiaryChartPageTest {
    @Test
    void theChartPageSaysInWordsWhatTheChartShowsAndHoldsTheNumbersInATable() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            server.client().register("owner", "a long enough secret");
            WebClient dana = server.client();
            dana.register("dana", "a long enough secret");
            String empty = dana.get("/diary/chart").body();
            assertThat(empty).contains("No check-ins in the last 31 days yet.");

            String today = server.services().diary().today().toString();
            String yesterday = server.services().diary().today().minusDays(1).toString();
            assertThat(dana.json("PUT", "/api/v1/diary/" + yesterday, "{\"pain_am\": 2, \"pain_pm\": 4}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(dana.json("PUT", "/api/v1/diary/" + today, "{\"pain_pm\": 6, \"desk_hours\": 7.5}")
                            .statusCode())
                    .isEqualTo(200);

            String page = dana.get("/diary/chart").body();
            assertThat(page)
                    .contains("In the last 31 days you checked in on 2 days: pain averaged 2.0 in the morning and"
                            + " 5.0 in the evening out of 10, at most 6. Days without a check-in are left out.")
                    .contains("role=\"img\"")
                    .contains("<th scope=\"row\">" + today + "</th><td>–</td><td>6</td>")
                    .contains("<td>7.5</td>")
                    .contains("id=\"plan-start\" hidden");
        }
    }
}
