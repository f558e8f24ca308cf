package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.AuditQuery;
import backstop.account.Caller;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The stored diary: days, edits with history, import and export, on both databases. */
class DiaryServiceTest {
    private final TestClock clock = TestClock.startingAt("2026-03-20T18:00:00Z");

    private record World(DiaryService diary, AuditLog audit, User dana, User eli, Caller asDana) {}

    private World world(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock);
        Caller setup = Caller.anonymous("setup");
        accounts.register("owner", "", "a long enough secret", setup);
        User dana = accounts.register("dana", "", "a long enough secret", setup);
        User eli = accounts.register("eli", "", "a long enough secret", setup);
        return new World(new DiaryService(database, audit, clock), audit, dana, eli, Caller.of(dana, "web"));
    }

    private static CheckIn day(String date, int painPm, double deskHours) {
        return new CheckIn(
                DiaryDay.on(LocalDate.parse(date))
                        .painPm(painPm)
                        .deskHours(deskHours)
                        .note("ok, \"fine\"")
                        .build(),
                new CheckInDetails(List.of("between_shoulder_blades"), List.of("dull_ache")));
    }

    @BothDatabases
    void readingTheDiaryAnswersWhileTheWriterIsBusy(Database database) throws Exception {
        try (Database writes = Database.open(database.url(), true)) {
            World world = world(writes);
            world.diary().save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana());
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch mayFinish = new CountDownLatch(1);
            CompletableFuture<Void> held = CompletableFuture.runAsync(() -> writes.useTransaction(handle -> {
                running.countDown();
                try {
                    mayFinish.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(running.await(2, TimeUnit.MINUTES)).isTrue();

            // As in a web request: the read's audit line waits for the request's end, the read itself waits for
            // nothing. Queued behind the held write it would be refused as busy after the writer's 10 s wait.
            world.audit().beginRequest();
            List<SavedDay> days = world.diary()
                    .range(world.dana(), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), world.asDana());
            assertThat(days).hasSize(1);
            assertThat(held).isNotDone();

            mayFinish.countDown();
            held.get(2, TimeUnit.MINUTES);
            world.audit().endRequest();
            assertThat(world.audit().search(AuditQuery.latest(20)))
                    .extracting("action")
                    .contains("diary.read");
        }
    }

    @BothDatabases
    void aCheckInIsStoredAndAnEditKeepsTheEarlierValues(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana());
        SavedDay edited = world.diary().save(world.dana(), day("2026-03-18", 6, 9.5), "check-in", world.asDana());
        assertThat(edited.revision()).isEqualTo(2);
        assertThat(world.diary().day(world.dana(), LocalDate.parse("2026-03-18"), world.asDana()))
                .hasValueSatisfying(saved -> assertThat(saved.checkIn()).isEqualTo(day("2026-03-18", 6, 9.5)));
        List<DiaryRevision> history =
                world.diary().revisions(world.dana(), LocalDate.parse("2026-03-18"), world.asDana());
        assertThat(history).extracting(DiaryRevision::revision).containsExactly(2, 1);
        assertThat(history.get(1).checkIn()).isEqualTo(day("2026-03-18", 4, 8));
        assertThat(history.get(0).savedBy()).isEqualTo("dana");
    }

    @BothDatabases
    void savingTheSameValuesAgainAddsNoRevision(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana());
        assertThat(world.diary()
                        .save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana())
                        .revision())
                .isEqualTo(1);
    }

    @BothDatabases
    void missingDaysStayMissing(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), day("2026-03-10", 3, 7), "check-in", world.asDana());
        world.diary().save(world.dana(), day("2026-03-14", 5, 7), "check-in", world.asDana());
        assertThat(world.diary()
                        .range(
                                world.dana(),
                                LocalDate.parse("2026-03-09"),
                                LocalDate.parse("2026-03-15"),
                                world.asDana()))
                .extracting(saved -> saved.checkIn().day().date().toString())
                .containsExactly("2026-03-10", "2026-03-14");
        assertThat(world.diary().diary(world.dana(), world.asDana()).days()).hasSize(2);
    }

    @BothDatabases
    void aDayInTheFutureIsRefused(Database database) {
        World world = world(database);
        assertThatThrownBy(() -> world.diary().save(world.dana(), day("2026-03-25", 3, 7), "check-in", world.asDana()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors()).extracting("field").containsExactly("date"));
    }

    @BothDatabases
    void eachPersonSeesOnlyTheirOwnDays(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana());
        Caller asEli = Caller.of(world.eli(), "web");
        assertThat(world.diary().diary(world.eli(), asEli).days()).isEmpty();
        assertThat(world.diary().day(world.eli(), LocalDate.parse("2026-03-18"), asEli))
                .isEmpty();
        assertThat(world.diary().exportCsv(world.eli(), asEli))
                .isEqualTo(DiaryCsv.HEADER + ",locations,pain_kinds\r\n");
    }

    @BothDatabases
    void aFileWithBadRowsIsRefusedWholeNamingEveryRow(Database database) throws IOException {
        World world = world(database);
        String csv = resource("/diary/bad-rows.csv");
        assertThatThrownBy(() -> world.diary().importCsv(world.dana(), csv, ImportMode.STRICT, world.asDana()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.errors())
                                .extracting("field")
                                .contains("line 3, date", "line 4, pain_pm", "line 5, desk_hours"));
        assertThat(world.diary().diary(world.dana(), world.asDana()).days()).isEmpty();
        assertThat(world.audit().search(AuditQuery.latest(20)))
                .extracting("action")
                .doesNotContain("diary.import");
    }

    @BothDatabases
    void skipBadImportsTheGoodRowsAndReportsTheRest(Database database) throws IOException {
        World world = world(database);
        ImportReport report = world.diary()
                .importCsv(world.dana(), resource("/diary/bad-rows.csv"), ImportMode.SKIP_BAD, world.asDana());
        assertThat(report.added()).isEqualTo(2);
        assertThat(report.skipped()).isNotEmpty();
        assertThat(world.diary().diary(world.dana(), world.asDana()).days())
                .extracting(d -> d.date().toString())
                .containsExactly("2026-03-02", "2026-03-07");
    }

    @BothDatabases
    void exportThenImportGivesTheSameDiaryExactly(Database database) {
        World world = world(database);
        String simulated = DiarySimulator.simulateToCsv(
                SimulatorSettings.defaults(120, 7).withStart(LocalDate.parse("2025-11-01")));
        ImportReport first = world.diary().importCsv(world.dana(), simulated, ImportMode.STRICT, world.asDana());
        assertThat(first.added()).isPositive();
        String exported = world.diary().exportCsv(world.dana(), world.asDana());
        Caller asEli = Caller.of(world.eli(), "web");
        world.diary().importCsv(world.eli(), exported, ImportMode.STRICT, asEli);
        assertThat(world.diary().exportCsv(world.eli(), asEli)).isEqualTo(exported);
        assertThat(world.diary().diary(world.eli(), asEli))
                .isEqualTo(world.diary().diary(world.dana(), world.asDana()));
        assertThat(DiaryCsv.read(exported, ImportMode.STRICT).diary())
                .isEqualTo(DiaryCsv.read(simulated, ImportMode.STRICT).diary());
    }

    @BothDatabases
    void reimportingUpdatesChangedDaysKeepsTheirDetailsAndCountsTheRest(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), day("2026-03-18", 4, 8), "check-in", world.asDana());
        String csv = DiaryCsv.HEADER + "\r\n2026-03-18,,7,8,,,,,,,,\"ok, \"\"fine\"\"\"\r\n2026-03-19,,2,,,,,,,,,\r\n";
        ImportReport report = world.diary().importCsv(world.dana(), csv, ImportMode.STRICT, world.asDana());
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        SavedDay updated = world.diary()
                .day(world.dana(), LocalDate.parse("2026-03-18"), world.asDana())
                .orElseThrow();
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.checkIn().day().painPm()).hasValue(7);
        assertThat(updated.checkIn().details().locations()).containsExactly("between_shoulder_blades");
        assertThat(world.diary()
                        .importCsv(world.dana(), csv, ImportMode.STRICT, world.asDana())
                        .unchanged())
                .isEqualTo(2);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = DiaryServiceTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
