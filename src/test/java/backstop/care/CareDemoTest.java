package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The demo's care data: a changed plan and measures over six weeks, added once. */
class CareDemoTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    private void moveTo(LocalDate day) {
        clock.advance(Duration.between(clock.instant(), day.atTime(9, 0).toInstant(ZoneOffset.UTC)));
    }

    @BothDatabases
    void theDemoChangesAPlanAndAnswersMeasuresOnceWithATimelineThatAddsUp(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        clock.advance(Duration.ofDays(50));
        LocalDate today = w.care().today();
        CareDemo.seed(w.care(), w.services().careTeam(), w.kim(), today, this::moveTo);
        assertThat(w.care().today()).isEqualTo(today);
        assertThat(w.care().versions(w.dana(), w.as(w.dana())).get(0).change()).isPresent();
        var series = w.care().measuresOf(w.kim(), w.dana().id(), w.as(w.kim()));
        assertThat(series.get(1).points()).hasSize(4);
        assertThat(series.get(1).anyBeyondMcid()).isTrue();
        assertThat(series.get(2).points()).hasSize(3);
        assertThat(series.get(1).points().get(0).date()).isEqualTo(today.minusWeeks(6));
        long rows = w.count("SELECT COUNT(*) FROM measure_responses") + w.count("SELECT COUNT(*) FROM plans");
        CareDemo.seed(w.care(), w.services().careTeam(), w.kim(), today, this::moveTo);
        assertThat(w.count("SELECT COUNT(*) FROM measure_responses") + w.count("SELECT COUNT(*) FROM plans"))
                .isEqualTo(rows);
    }
}
