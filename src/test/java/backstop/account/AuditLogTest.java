package backstop.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.TestClock;
import backstop.db.BothDatabases;
import backstop.db.Database;
import java.util.List;
import java.util.Optional;

/** How reads are audited: at once outside a request, once per record and together inside one. */
class AuditLogTest {
    private final TestClock clock = TestClock.startingAt("2026-03-02T08:00:00Z");

    private static User dana(Database database, AuditLog audit) {
        TestClock setup = TestClock.startingAt("2026-03-01T08:00:00Z");
        return new AccountService(database, audit, setup)
                .addUser("dana", "", "a long enough secret", Role.PERSON, Caller.commandLine(Optional.empty()));
    }

    @BothDatabases
    void aReadOutsideARequestIsWrittenAtOnceInTheReadersTransaction(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        User dana = dana(database, audit);
        Caller caller = Caller.of(dana, "cli");

        database.useTransaction(handle -> audit.read(handle, caller, "diary.read", Optional.of(dana), "whole diary"));
        audit.read(caller, "diary.read", Optional.of(dana), "whole diary");

        assertThat(reads(database)).containsExactly("diary.read whole diary", "diary.read whole diary");
    }

    @BothDatabases
    void aReadOutsideARequestIsWrittenBeforeTheReadGoesOnEvenInASqliteSnapshot(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        User dana = dana(database, audit);
        Caller caller = Caller.of(dana, "cli");

        // A SQLite read snapshot must not write: its line is committed through the writer, then the read goes on
        // (and sees it). PostgreSQL writes it in the read's own transaction.
        List<String> seenInTheRead = database.read(handle -> {
            audit.read(handle, caller, "diary.read", Optional.of(dana), "whole diary");
            return reads(database);
        });

        assertThat(seenInTheRead).containsExactly("diary.read whole diary");
        assertThat(reads(database)).containsExactly("diary.read whole diary");
    }

    @BothDatabases
    void withinARequestEachRecordIsWrittenOnceWhenTheRequestEnds(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        User dana = dana(database, audit);
        Caller caller = Caller.of(dana, "203.0.113.7");

        audit.beginRequest();
        database.useTransaction(handle -> {
            audit.read(handle, caller, "plan.read", Optional.of(dana), "current plan");
            audit.read(handle, caller, "plan.read", Optional.of(dana), "current plan");
        });
        audit.read(caller, "plan.read", Optional.of(dana), "current plan");
        audit.read(caller, "assessment.read", Optional.of(dana), "assessment 1");
        assertThat(reads(database))
                .as("nothing is written before the request ends")
                .isEmpty();
        audit.endRequest();

        assertThat(reads(database)).containsExactly("plan.read current plan", "assessment.read assessment 1");
        // The scope is closed: the next read is written at once again.
        audit.read(caller, "plan.read", Optional.of(dana), "current plan");
        assertThat(reads(database)).hasSize(3);
    }

    @BothDatabases
    void theReadsOfARequestJoinItsWriteAndAreKeptWhenTheWriteRollsBack(Database database) {
        AuditLog audit = new AuditLog(database, clock);
        User dana = dana(database, audit);
        Caller caller = Caller.of(dana, "203.0.113.7");

        audit.beginRequest();
        audit.read(caller, "plan.read", Optional.of(dana), "current plan");
        assertThatThrownBy(() -> database.useTransaction(handle -> {
                    audit.record(handle, caller, "diary.save", Optional.of(dana), "2026-03-02 revision 1");
                    throw new IllegalStateException("the write fails");
                }))
                .hasMessage("the write fails");
        assertThat(reads(database)).isEmpty();
        database.useTransaction(
                handle -> audit.record(handle, caller, "diary.save", Optional.of(dana), "2026-03-02 revision 1"));
        assertThat(reads(database)).containsExactly("plan.read current plan", "diary.save 2026-03-02 revision 1");
        audit.read(caller, "plan.read", Optional.of(dana), "current plan");
        audit.endRequest();

        assertThat(reads(database))
                .as("the read already written with the write is not written again")
                .containsExactly("plan.read current plan", "diary.save 2026-03-02 revision 1");
    }

    /** The lines about dana's data (her account's creation aside), oldest first. */
    private static List<String> reads(Database database) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT action, detail FROM audit_log WHERE action <> 'account.create' ORDER BY id")
                .map((rs, ctx) -> rs.getString("action") + " " + rs.getString("detail"))
                .list());
    }
}
