package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The CSV export holds every check-in field, and imports back exactly, where it hurt and what kind included. */
class CheckInExportTest {
    @BothDatabases
    void whereItHurtAndWhatKindOfPainGoIntoTheCsvAndComeBack(Database database) {
        try (TestServer server = TestServer.start(database)) {
            DiaryService diary = server.services().diary();
            Caller cli = Caller.commandLine(Optional.empty());
            server.services().accounts().register("owner", "", "a long enough secret", cli);
            User dana = server.services().accounts().register("dana", "", "a long enough secret", cli);
            User eli = server.services().accounts().register("eli", "", "a long enough secret", cli);
            LocalDate day = LocalDate.of(2026, 3, 2);
            diary.save(
                    dana,
                    new CheckIn(
                            DiaryDay.on(day).painAm(3).painPm(5).build(),
                            new CheckInDetails(
                                    List.of("between_shoulder_blades", "neck_shoulder"), List.of("burning_tingling"))),
                    "check-in",
                    Caller.of(dana, "test"));

            String csv = diary.exportCsv(dana, Caller.of(dana, "test"));
            assertThat(csv)
                    .startsWith(DiaryCsv.HEADER + ",locations,pain_kinds\r\n")
                    .contains("2026-03-02,3,5,,,,,,,,,,between_shoulder_blades;neck_shoulder,burning_tingling\r\n");

            ImportReport report = diary.importCsv(eli, csv, ImportMode.STRICT, Caller.of(eli, "test"));
            assertThat(report.added()).isEqualTo(1);
            assertThat(report.warnings()).as("the detail columns are known").isEmpty();
            assertThat(diary.day(eli, day, Caller.of(eli, "test")).orElseThrow().checkIn())
                    .isEqualTo(diary.day(dana, day, Caller.of(dana, "test"))
                            .orElseThrow()
                            .checkIn());
            assertThat(diary.exportCsv(eli, Caller.of(eli, "test"))).isEqualTo(csv);
        }
    }
}
