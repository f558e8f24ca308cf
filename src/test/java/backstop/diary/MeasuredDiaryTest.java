package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.AccountService;
import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Values the Desk page measured fill the desk fields of a day the person left empty, marked as measured; nothing
 * measured overwrites a typed value, and the person corrects a measured value by typing another.
 */
class MeasuredDiaryTest {
    private static final LocalDate DAY = LocalDate.parse("2026-03-18");
    private final TestClock clock = TestClock.startingAt("2026-03-20T18:00:00Z");

    private record World(Database database, DiaryService diary, User dana, User eli, Caller asDana) {
        void measure(User person, LocalDate date, double hours, int longest, int breaks) {
            database.useTransaction(handle -> diary.recordMeasured(
                    handle,
                    person,
                    new MeasuredDay(
                            date,
                            OptionalDouble.of(hours),
                            OptionalInt.of(longest),
                            OptionalInt.of(breaks),
                            "desk",
                            java.time.Instant.parse("2026-03-18T17:00:00Z"))));
        }

        SavedDay day(LocalDate date) {
            return diary.day(dana, date, asDana).orElseThrow();
        }
    }

    private World world(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        AccountService accounts = new AccountService(database, audit, clock);
        Caller setup = Caller.anonymous("setup");
        accounts.register("owner", "", "a long enough secret", setup);
        User dana = accounts.register("dana", "", "a long enough secret", setup);
        User eli = accounts.register("eli", "", "a long enough secret", setup);
        return new World(database, new DiaryService(database, audit, clock), dana, eli, Caller.of(dana, "web"));
    }

    private static CheckIn typed(DiaryDay.Builder day) {
        return new CheckIn(day.build(), CheckInDetails.none());
    }

    @BothDatabases
    void aMeasuredDayWithoutACheckInShowsItsDeskValuesAsMeasured(Database database) {
        World world = world(database);
        world.measure(world.dana(), DAY, 6.5, 75, 7);

        SavedDay day = world.day(DAY);
        assertThat(day.checkedIn()).isFalse();
        assertThat(day.revision()).isZero();
        assertThat(day.checkIn().day().breaks()).hasValue(7);
        assertThat(day.checkIn().day().longestSitMin()).hasValue(75);
        assertThat(day.checkIn().day().deskHours()).hasValue(6.5);
        assertThat(day.checkIn().day().painPm()).isEmpty();
        assertThat(day.measured()).containsExactlyInAnyOrder("breaks", "longest_sit_min", "desk_hours");
        assertThat(world.diary().diary(world.dana(), world.asDana()).day(DAY)).isPresent();
        assertThat(world.diary()
                        .diary(world.eli(), Caller.of(world.eli(), "web"))
                        .days())
                .as("another person's diary holds none of it")
                .isEmpty();
    }

    @BothDatabases
    void aValueThePersonTypedIsNeverReplacedByAMeasurement(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY).painPm(4).breaks(2)), "check-in", world.asDana());
        world.measure(world.dana(), DAY, 6.5, 75, 7);

        SavedDay day = world.day(DAY);
        assertThat(day.checkIn().day().breaks()).as("typed").hasValue(2);
        assertThat(day.checkIn().day().longestSitMin()).as("measured").hasValue(75);
        assertThat(day.measured()).containsExactlyInAnyOrder("longest_sit_min", "desk_hours");
        assertThat(day.checkIn().day().painPm()).hasValue(4);
    }

    @BothDatabases
    void savingTheCheckInWithTheMeasuredValuesUnchangedKeepsThemMeasured(Database database) {
        World world = world(database);
        world.measure(world.dana(), DAY, 6.5, 75, 7);
        // The check-in form shows 7 breaks, the person adds their evening pain and saves the form as it is.
        world.diary()
                .save(
                        world.dana(),
                        typed(DiaryDay.on(DAY)
                                .painPm(5)
                                .breaks(7)
                                .longestSitMin(75)
                                .deskHours(6.5)),
                        "check-in",
                        world.asDana());
        world.measure(world.dana(), DAY, 7.0, 80, 8);

        SavedDay day = world.day(DAY);
        assertThat(day.checkedIn()).isTrue();
        assertThat(day.checkIn().day().breaks())
                .as("the later measurement shows")
                .hasValue(8);
        assertThat(day.measured()).containsExactlyInAnyOrder("breaks", "longest_sit_min", "desk_hours");
        assertThat(world.diary()
                        .revisions(world.dana(), DAY, world.asDana())
                        .get(0)
                        .checkIn()
                        .day()
                        .breaks())
                .as("the revision holds what the person typed, not the measurement")
                .isEmpty();
    }

    @BothDatabases
    void aCheckInSentTwiceFromThePhoneIsSavedOnceAndAnsweredWithTheMeasuredValues(Database database) {
        World world = world(database);
        world.measure(world.dana(), DAY, 6.5, 75, 7);
        CheckIn sent = typed(DiaryDay.on(DAY).painPm(4));

        SavedDay first = world.diary().save(world.dana(), sent, "check-in", Optional.of("phone-1"), world.asDana());
        SavedDay again = world.diary().save(world.dana(), sent, "check-in", Optional.of("phone-1"), world.asDana());

        assertThat(first.revision()).isEqualTo(1);
        assertThat(again.revision()).as("the second arrival saved nothing").isEqualTo(1);
        assertThat(again.checkIn().day().painPm()).hasValue(4);
        assertThat(again.checkIn().day().breaks()).hasValue(7);
        assertThat(again.measured()).containsExactlyInAnyOrder("breaks", "longest_sit_min", "desk_hours");
        assertThat(world.diary().revisions(world.dana(), DAY, world.asDana())).hasSize(1);
    }

    @BothDatabases
    void aCorrectedValueBecomesThePersonsOwn(Database database) {
        World world = world(database);
        world.measure(world.dana(), DAY, 6.5, 75, 7);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY).breaks(5)), "check-in", world.asDana());
        world.measure(world.dana(), DAY, 7.0, 80, 9);

        SavedDay day = world.day(DAY);
        assertThat(day.checkIn().day().breaks()).hasValue(5);
        assertThat(day.measured()).doesNotContain("breaks");
    }

    @BothDatabases
    void aTypedValueEqualToTheMeasurementStaysThePersonsOwn(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY).breaks(7)), "check-in", world.asDana());
        world.measure(world.dana(), DAY, 6.5, 75, 7);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY).breaks(7).painPm(3)), "check-in", world.asDana());
        world.measure(world.dana(), DAY, 7.0, 80, 9);

        assertThat(world.day(DAY).checkIn().day().breaks()).hasValue(7);
    }

    @BothDatabases
    void theDiaryRangeListsMeasuredOnlyDaysBetweenCheckedInOnes(Database database) {
        World world = world(database);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY.minusDays(1)).painPm(3)), "check-in", world.asDana());
        world.measure(world.dana(), DAY, 6.5, 75, 7);
        world.diary().save(world.dana(), typed(DiaryDay.on(DAY.plusDays(1)).painPm(2)), "check-in", world.asDana());

        List<SavedDay> days = world.diary().range(world.dana(), DAY.minusDays(1), DAY.plusDays(1), world.asDana());
        assertThat(days)
                .extracting(saved -> saved.checkIn().day().date())
                .containsExactly(DAY.minusDays(1), DAY, DAY.plusDays(1));
        assertThat(days).extracting(SavedDay::checkedIn).containsExactly(true, false, true);
        assertThat(world.diary().exportCsv(world.dana(), world.asDana())).contains(DAY + ",,,6.5,75,7");
    }
}
