package backstop.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The library as anyone sees it, without an account. */
class ExercisePagesTest {

    @Test
    void anyoneBrowsesAndFiltersTheLibrary() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            WebClient visitor = server.client();
            int total = ExerciseCatalogue.load().size();
            assertThat(visitor.get("/exercises").body()).contains(total + " of " + total + " exercises");
            String breathing = visitor.get("/exercises?cause=stress_tension&category=relaxation_breathing")
                    .body();
            assertThat(breathing).contains("data-exercise=").doesNotContain(total + " of " + total);
            String noKit = visitor.get("/exercises?equipment=").body();
            assertThat(noKit).contains("exercises");
            HttpResponse<String> bad = visitor.get("/exercises?cause=bad_luck");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("cause").contains("bad_luck");
        }
    }

    @Test
    void anExerciseShowsItsDoseStepsAndIllustration() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            WebClient visitor = server.client();
            Exercise exercise = ExerciseCatalogue.load().all().get(0);
            String page = visitor.get("/exercises/" + exercise.id()).body();
            assertThat(page)
                    .contains(
                            exercise.name(),
                            DoseText.describe(exercise.dose()),
                            "Stop if",
                            "/exercises/" + exercise.id() + "/illustration.svg");
            HttpResponse<String> svg = visitor.get("/exercises/" + exercise.id() + "/illustration.svg");
            assertThat(svg.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
            assertThat(svg.body()).contains("<svg");
            assertThat(visitor.get("/exercises/no-such-exercise").statusCode()).isEqualTo(404);
            assertThat(visitor.get("/api/v1/exercises?category=micro_break").body())
                    .contains("\"category\":\"micro_break\"");
            assertThat(visitor.get("/api/v1/exercises/" + exercise.id()).body())
                    .contains("\"id\":\"" + exercise.id() + "\"");
        }
    }

    @Test
    void doseTextReadsLikeAPersonWouldSayIt() {
        assertThat(DoseText.describe(new Dose(2, 12, 0, true, 3, Period.WEEK, 184)))
                .isEqualTo("2 sets of 12 each side, 3 times a week");
        assertThat(DoseText.describe(new Dose(1, 3, 30, false, 2, Period.DAY, 120)))
                .isEqualTo("3 holds of 30 s, twice a day");
        assertThat(DoseText.duration(new Dose(1, 3, 30, false, 2, Period.DAY, 120)))
                .isEqualTo("about 2 min");
    }
}
