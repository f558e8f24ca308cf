package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.clinic.AlertKind;
import backstop.clinic.MeasureMark;
import backstop.clinic.RosterRow;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.ForbiddenException;
import backstop.error.NotFoundException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outcome measures: the clinician schedules, the person answers when due, changes beyond the MCID are marked. */
class MeasuresTest {
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    private static MeasureAnswer psfs(int... ratings) {
        List<String> names = List.of("lifting a bag", "an hour at the screen", "sleeping through");
        List<MeasureAnswer.Activity> activities = new java.util.ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            activities.add(new MeasureAnswer.Activity(names.get(i), ratings[i]));
        }
        return new MeasureAnswer(activities, Optional.empty());
    }

    @Test
    void theDefinitionsLoadAndABrokenFileIsRefused() {
        MeasureDefinitions definitions = MeasureDefinitions.load();
        assertThat(definitions.schedulable())
                .extracting(MeasureDefinitions.Measure::id)
                .containsExactly("psfs", "pgic");
        assertThat(definitions.find("pgic").orElseThrow().choices()).hasSize(7);
        MeasureDefinitions broken =
                new MeasureDefinitions(1, List.of(definitions.find("psfs").orElseThrow()));
        assertThatThrownBy(() -> MeasureDefinitions.check(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("measure nprs is missing")
                .hasMessageContaining("measure pgic is missing");
    }

    @Test
    void everyMeasureAndItsSourcesAreExplainedInTheClinicalDocs() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "clinical.md"));
        for (MeasureDefinitions.Measure measure : MeasureDefinitions.load().measures()) {
            assertThat(doc).as(measure.id()).contains("(`" + measure.id() + "`)");
            measure.sources().forEach(key -> assertThat(doc).as(key).contains("| `" + key + "` |"));
        }
        assertThat(doc).contains("| `" + Prescriber.CLINICIAN_SOURCE + "` |");
    }

    @BothDatabases
    void aScheduledPsfsBecomesATaskAndItsChangeBeyondTheMcidIsMarked(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        LocalDate today = w.care().today();
        assertThat(w.care().tasks(w.dana(), w.as(w.dana()))).isEmpty();
        w.care().scheduleMeasure(w.kim(), w.dana().id(), "psfs", today, 14, w.as(w.kim()));
        List<MeasureTask> tasks = w.care().tasks(w.dana(), w.as(w.dana()));
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.measure()).isEqualTo("psfs");
            assertThat(task.clinicianName()).isEqualTo("Kim Physio");
            assertThat(task.due()).isEqualTo(today);
        });
        w.care().answer(w.dana(), "psfs", psfs(3, 4, 2), w.as(w.dana()));
        assertThat(w.care().tasks(w.dana(), w.as(w.dana()))).isEmpty();
        assertThatThrownBy(() -> w.care().answer(w.dana(), "psfs", psfs(3, 4, 2), w.as(w.dana())))
                .isInstanceOf(BadInputException.class);

        clock.advance(Duration.ofDays(14));
        assertThat(w.care().tasks(w.dana(), w.as(w.dana())))
                .singleElement()
                .satisfies(task -> assertThat(task.activities())
                        .containsExactly("lifting a bag", "an hour at the screen", "sleeping through"));
        w.care().answer(w.dana(), "psfs", psfs(4, 5, 3), w.as(w.dana())); // +1.0: within the MCID
        clock.advance(Duration.ofDays(14));
        w.care().answer(w.dana(), "psfs", psfs(6, 6, 5), w.as(w.dana())); // +2.7: beyond it

        MeasureSeries series = w.care().measuresOf(w.kim(), w.dana().id(), w.as(w.kim())).stream()
                .filter(s -> s.measure().equals("psfs"))
                .findFirst()
                .orElseThrow();
        assertThat(series.points()).extracting(MeasureSeries.Point::scoreTenths).containsExactly(30, 40, 57);
        assertThat(series.points()).extracting(MeasureSeries.Point::beyondMcid).containsExactly(false, false, true);
        assertThat(series.points().get(2).direction()).isEqualTo("better");
        assertThat(w.care().myMeasures(w.dana(), w.as(w.dana())))
                .extracting(MeasureSeries::measure)
                .containsExactly("nprs", "psfs", "pgic");
    }

    @BothDatabases
    void theRosterShowsTheLatestMeasuresMarkedAgainstTheMcidAndAWorseningAsAReason(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        LocalDate today = w.care().today();
        w.care().scheduleMeasure(w.kim(), w.dana().id(), "psfs", today, 14, w.as(w.kim()));
        w.care().scheduleMeasure(w.kim(), w.dana().id(), "pgic", today, 28, w.as(w.kim()));
        assertThat(rosterLine(w).measures()).isEmpty();
        w.care().answer(w.dana(), "psfs", psfs(6, 6, 5), w.as(w.dana()));
        w.care().answer(w.dana(), "pgic", new MeasureAnswer(List.of(), Optional.of(2)), w.as(w.dana()));
        RosterRow first = rosterLine(w);
        assertThat(first.measures()).extracting(MeasureMark::measure).containsExactly("psfs", "pgic");
        assertThat(first.measures().get(0).direction()).isEmpty();
        assertThat(first.measures().get(1).words()).contains("Much better").contains("better beyond the MCID");

        clock.advance(Duration.ofDays(14));
        w.care().answer(w.dana(), "psfs", psfs(3, 4, 2), w.as(w.dana())); // -2.7: worse beyond the MCID
        RosterRow worse = rosterLine(w);
        assertThat(worse.measures().get(0).direction()).isEqualTo("worse");
        assertThat(worse.measures().get(0).words()).contains("3.0 of 10").contains("-2.7 since the first");
        assertThat(worse.openReasons())
                .filteredOn(reason -> reason.kind() == AlertKind.MEASURE_WORSE)
                .singleElement()
                .satisfies(reason -> assertThat(reason.words()).contains("PSFS"));
    }

    private static RosterRow rosterLine(CareWorld w) {
        return w.services().roster().roster(w.kim(), w.as(w.kim())).stream()
                .filter(row -> row.patient().person().id() == w.dana().id())
                .findFirst()
                .orElseThrow();
    }

    @BothDatabases
    void aPgicAnswerOfMuchBetterCountsAsMeaningfulAndBadAnswersAreNamed(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        w.care().scheduleMeasure(w.kim(), w.dana().id(), "pgic", w.care().today(), 28, w.as(w.kim()));
        assertThatThrownBy(() ->
                        w.care().answer(w.dana(), "pgic", new MeasureAnswer(List.of(), Optional.of(9)), w.as(w.dana())))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("choice"));
        assertThatThrownBy(() -> w.care().answer(w.dana(), "psfs", psfs(3), w.as(w.dana())))
                .isInstanceOf(NotFoundException.class);
        w.care().answer(w.dana(), "pgic", new MeasureAnswer(List.of(), Optional.of(2)), w.as(w.dana()));
        MeasureSeries pgic = w.care().myMeasures(w.dana(), w.as(w.dana())).get(2);
        assertThat(pgic.points()).singleElement().satisfies(point -> {
            assertThat(point.scoreText()).isEqualTo("Much better");
            assertThat(point.beyondMcid()).isTrue();
        });
    }

    @BothDatabases
    void schedulesAreCheckedAndOnlyALinkedClinicianMaySchedule(Database database) {
        CareWorld w = CareWorld.make(database, clock);
        LocalDate today = w.care().today();
        assertThatThrownBy(() ->
                        w.care().scheduleMeasure(w.kim(), w.dana().id(), "nprs", today.minusDays(1), 7, w.as(w.kim())))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .containsExactly("measure", "first_due", "every_days"));
        long before = w.count("SELECT COUNT(*) FROM measure_schedules");
        assertThatThrownBy(() -> w.care().scheduleMeasure(w.lee(), w.dana().id(), "psfs", today, 14, w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care().measuresOf(w.lee(), w.dana().id(), w.as(w.lee())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> w.care().scheduleMeasure(w.root(), w.dana().id(), "psfs", today, 14, w.as(w.root())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(w.count("SELECT COUNT(*) FROM measure_schedules")).isEqualTo(before);
        assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'care.measure%'"))
                .isZero();
    }
}
