package backstop.diary;

import backstop.account.AuditLog;
import backstop.account.Caller;
import backstop.account.PersonalData;
import backstop.account.User;
import backstop.db.Database;
import backstop.error.BadInputException;
import backstop.error.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * A person's diary: check-ins by day, their edit history, CSV import and export, and desk values measured by the
 * Desk page (shown in the fields the person left empty, marked as measured). Missing days stay missing: nothing here
 * ever invents a value the person did not give or a tool did not measure.
 */
public final class DiaryService implements PersonalData<DiaryExport> {
    private static final java.util.regex.Pattern SUBMISSION_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final LocalDate LAST_DAY = LocalDate.of(DiaryDay.LAST_YEAR, 12, 31);
    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final DiaryStore store = new DiaryStore();

    public DiaryService(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves one day (new or edited); an edit appends a revision, so the earlier values stay readable. A measured
     * desk value sent back unchanged stays measured (see {@link MeasuredDay}); any other value is the person's own
     * and no measurement replaces it.
     */
    public SavedDay save(User person, CheckIn checkIn, String source, Caller caller) {
        return save(person, checkIn, source, Optional.empty(), caller);
    }

    /**
     * Saves a check-in the device kept while offline, once: a second arrival of the same {@code submissionId}
     * (1–64 letters, digits or {@code . _ : -}) changes nothing and answers with the day as it is now, so a retry
     * never saves twice nor overwrites an edit made since.
     */
    public SavedDay save(User person, CheckIn checkIn, String source, Optional<String> submissionId, Caller caller) {
        LocalDate date = checkIn.day().date();
        refuseFuture(date);
        submissionId.ifPresent(id -> {
            if (!SUBMISSION_ID.matcher(id).matches()) {
                throw new BadInputException("Idempotency-Key", "must be 1-64 letters, digits or . _ : -");
            }
        });
        Instant now = clock.instant();
        // Made here, on the caller's thread; inside the transaction only when a measurement changed what is saved.
        String sentJson = DiaryStore.valuesJson(checkIn);
        // Two servers saving the same day at once: the second retries on top of the first (last writer wins).
        return database.inTransactionRetryingConflicts(handle -> {
            // Locked before it is read (PostgreSQL), so two saves of the day queue instead of conflicting.
            database.lockRows(handle, "diary_days", Map.of("person_id", person.id(), "day", date.toString()));
            DiaryStore.StoredDay stored = store.find(handle, person.id(), date);
            Optional<SavedDay> existing = stored.typed();
            Optional<MeasuredDay> measured = stored.measured();
            if (submissionId.isPresent()) {
                if (store.submissionSeen(handle, person.id(), submissionId.get())) {
                    audit.read(handle, caller, "diary.read", Optional.of(person), date.toString());
                    return MeasuredDay.overlay(existing, measured);
                }
                store.recordSubmission(handle, person.id(), submissionId.get(), date, now);
            }
            CheckIn own = measured.map(m -> m.withoutEchoOf(checkIn, existing.map(SavedDay::checkIn)))
                    .orElse(checkIn);
            if (existing.isPresent() && existing.get().checkIn().equals(own)) {
                // Nothing to save, but the stored day goes back to the caller: a read.
                audit.read(handle, caller, "diary.read", Optional.of(person), date.toString());
                return MeasuredDay.overlay(existing, measured);
            }
            int revision = existing.map(saved -> saved.revision() + 1).orElse(1);
            String ownJson = own.equals(checkIn) ? sentJson : DiaryStore.valuesJson(own);
            store.save(handle, person.id(), own, ownJson, revision, now, savedBy(caller), source);
            audit.record(handle, caller, "diary.save", Optional.of(person), date + " revision " + revision);
            return MeasuredDay.overlay(Optional.of(new SavedDay(own, revision, now)), measured);
        });
    }

    /**
     * Records what a tool measured on a day (the Desk page), inside the caller's transaction so the measurement and
     * the events it comes from are written together. An empty measurement removes the day's measured values.
     */
    public void recordMeasured(Handle handle, User person, MeasuredDay measured) {
        if (measured.deskHours().isEmpty()
                && measured.longestSitMin().isEmpty()
                && measured.breaks().isEmpty()) {
            store.deleteMeasured(handle, person.id(), measured.date());
        } else {
            store.saveMeasured(handle, person.id(), measured);
        }
    }

    /** Every measured day of the person, for their data export (read in the caller's audited transaction). */
    public List<MeasuredDay> measuredDays(Handle handle, User person) {
        return store.measured(handle, person.id(), LocalDate.of(DiaryDay.FIRST_YEAR, 1, 1), LAST_DAY);
    }

    public Optional<SavedDay> day(User person, LocalDate date, Caller caller) {
        return database.read(handle -> {
            audit.read(handle, caller, "diary.read", Optional.of(person), date.toString());
            DiaryStore.StoredDay stored = store.find(handle, person.id(), date);
            return stored.typed().isEmpty() && stored.measured().isEmpty()
                    ? Optional.<SavedDay>empty()
                    : Optional.of(MeasuredDay.overlay(stored.typed(), stored.measured()));
        });
    }

    /** Days from {@code from} to {@code to}, both included; days without a check-in are simply absent. */
    public List<SavedDay> range(User person, LocalDate from, LocalDate to, Caller caller) {
        if (to.isBefore(from)) {
            throw new BadInputException("to", "must not be before from");
        }
        return database.read(handle -> {
            audit.read(handle, caller, "diary.read", Optional.of(person), from + " to " + to);
            return merge(store.range(handle, person.id(), from, to), store.measured(handle, person.id(), from, to));
        });
    }

    /** Days from {@code from} to {@code to} as {@link #range} gives them, read in the caller's audited transaction. */
    public List<SavedDay> range(Handle handle, User person, LocalDate from, LocalDate to) {
        return merge(store.range(handle, person.id(), from, to), store.measured(handle, person.id(), from, to));
    }

    /** The whole diary, for insights, charts and export. */
    public Diary diary(User person, Caller caller) {
        return new Diary(all(person, caller, "whole diary").stream()
                .map(saved -> saved.checkIn().day())
                .toList());
    }

    public List<DiaryRevision> revisions(User person, LocalDate date, Caller caller) {
        List<DiaryRevision> revisions = database.read(handle -> {
            audit.read(handle, caller, "diary.read", Optional.of(person), date + " history");
            return store.revisions(handle, person.id(), date);
        });
        if (revisions.isEmpty()) {
            throw new NotFoundException("no check-in on " + date);
        }
        return revisions;
    }

    /**
     * Imports a diary CSV. In {@link ImportMode#STRICT} a file with any bad row is refused whole (every bad row is
     * named) and nothing is written; with {@link ImportMode#SKIP_BAD} the good rows are written and the bad ones
     * reported. Days already in the diary are updated (their earlier values stay in the history); the check-in
     * details the CSV does not carry are kept.
     */
    public ImportReport importCsv(User person, String csv, ImportMode mode, Caller caller) {
        CsvImport parsed = DiaryCsv.read(csv, mode);
        boolean withDetails = CheckInCsv.hasDetails(csv);
        Map<LocalDate, CheckInDetails> details = withDetails ? CheckInCsv.readDetails(csv) : Map.of();
        List<String> warnings = parsed.warnings().stream()
                .filter(warning ->
                        CheckInCsv.DETAIL_COLUMNS.stream().noneMatch(column -> warning.contains("'" + column + "'")))
                .toList();
        List<DiaryDay> days = parsed.days();
        List<backstop.error.FieldError> future = days.stream()
                .filter(day -> isFuture(day.date()))
                .map(day -> new backstop.error.FieldError("date", day.date() + " is in the future"))
                .toList();
        if (!future.isEmpty() && mode == ImportMode.STRICT) {
            throw new BadInputException(future);
        }
        List<DiaryDay> accepted =
                days.stream().filter(day -> !isFuture(day.date())).toList();
        return database.inTransaction(handle -> {
            ImportReport written = importDays(
                    handle,
                    person,
                    accepted.stream()
                            .map(day -> new CheckIn(day, details.getOrDefault(day.date(), CheckInDetails.none())))
                            .toList(),
                    withDetails,
                    "import",
                    caller);
            List<backstop.error.FieldError> skipped = new ArrayList<>(parsed.errors());
            skipped.addAll(future);
            audit.record(
                    handle,
                    caller,
                    "diary.import",
                    Optional.of(person),
                    written.added() + " added, "
                            + written.updated() + " updated, " + written.unchanged() + " unchanged, "
                            + skipped.size() + " skipped");
            return new ImportReport(written.added(), written.updated(), written.unchanged(), skipped, warnings);
        });
    }

    /**
     * Writes imported days inside the caller's transaction, by the CSV import's rule: a new day is added, a day
     * already in the diary is updated (its earlier values stay in its history) and an equal one is left alone. The
     * check-in details (where, what kind) of a day already there are kept when the import carries none. Days are
     * not checked against today here: the caller refuses future days first. Audited by the caller.
     */
    public ImportReport importDays(Handle handle, User person, List<CheckIn> days, String source, Caller caller) {
        return importDays(handle, person, days, false, source, caller);
    }

    /**
     * As above; with {@code replaceDetails} (a CSV that has the detail columns) a day's details are the import's
     * even where it leaves them empty, since an empty cell there is the person's "not recorded".
     */
    public ImportReport importDays(
            Handle handle, User person, List<CheckIn> days, boolean replaceDetails, String source, Caller caller) {
        Instant now = clock.instant();
        Map<LocalDate, SavedDay> existing = store.all(handle, person.id()).stream()
                .collect(Collectors.toMap(saved -> saved.checkIn().day().date(), Function.identity()));
        List<CheckIn> inserts = new ArrayList<>();
        List<CheckIn> updates = new ArrayList<>();
        Map<LocalDate, Integer> revisions = new HashMap<>();
        int unchanged = 0;
        for (CheckIn day : days) {
            SavedDay before = existing.get(day.day().date());
            if (before == null) {
                inserts.add(day);
                revisions.put(day.day().date(), 1);
                continue;
            }
            CheckIn merged = !replaceDetails && day.details().equals(CheckInDetails.none())
                    ? new CheckIn(day.day(), before.checkIn().details())
                    : day;
            if (before.checkIn().equals(merged)) {
                unchanged++;
            } else {
                updates.add(merged);
                revisions.put(day.day().date(), before.revision() + 1);
            }
        }
        store.saveAll(handle, person.id(), inserts, updates, revisions, now, savedBy(caller), source);
        return new ImportReport(inserts.size(), updates.size(), unchanged, List.of(), List.of());
    }

    /** The whole diary as CSV: the interchange columns plus where it hurt and what kind of pain (docs/formats.md). */
    public String exportCsv(User person, Caller caller) {
        List<SavedDay> days = all(person, caller, "export");
        audit.read(caller, "diary.export", Optional.of(person), days.size() + " days");
        return CheckInCsv.export(days);
    }

    /** Today in UTC; a day may be filled in for any date up to today (one day of slack for time zones). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private List<SavedDay> all(User person, Caller caller, String what) {
        return database.read(handle -> {
            audit.read(handle, caller, "diary.read", Optional.of(person), what);
            return merge(
                    store.all(handle, person.id()),
                    store.measured(handle, person.id(), LocalDate.of(DiaryDay.FIRST_YEAR, 1, 1), LAST_DAY));
        });
    }

    /** Typed days and measured days (both in date order) as the diary shows them, in date order. */
    private static List<SavedDay> merge(List<SavedDay> typed, List<MeasuredDay> measured) {
        if (measured.isEmpty()) {
            return typed;
        }
        Map<LocalDate, SavedDay> byDate = new java.util.TreeMap<>();
        typed.forEach(day -> byDate.put(day.checkIn().day().date(), day));
        for (MeasuredDay day : measured) {
            byDate.put(day.date(), MeasuredDay.overlay(Optional.ofNullable(byDate.get(day.date())), Optional.of(day)));
        }
        return List.copyOf(byDate.values());
    }

    private void refuseFuture(LocalDate date) {
        if (isFuture(date)) {
            throw new BadInputException("date", "is in the future; a day can be filled in from that day on");
        }
    }

    private boolean isFuture(LocalDate date) {
        return date.isAfter(today().plusDays(1));
    }

    private static String savedBy(Caller caller) {
        return caller.user().map(User::username).orElse(caller.address());
    }

    @Override
    public String section() {
        return "diary";
    }

    /** Every day with its current values and every earlier revision. */
    @Override
    public DiaryExport exportFor(User person, Caller caller) {
        return PersonalData.collect(database, audit, person, caller, "diary.export", "full export", handle -> {
            Map<LocalDate, List<DiaryRevision>> revisions = store.allRevisions(handle, person.id());
            return new DiaryExport(store.all(handle, person.id()).stream()
                    .map(saved -> {
                        LocalDate date = saved.checkIn().day().date();
                        return new DiaryExport.Day(
                                date.toString(),
                                DiaryFields.toMap(saved.checkIn()),
                                revisions.getOrDefault(date, List.of()).stream()
                                        .map(revision -> new DiaryExport.Revision(
                                                revision.revision(),
                                                revision.savedAt().toString(),
                                                revision.savedBy(),
                                                revision.source(),
                                                DiaryFields.toMap(revision.checkIn())))
                                        .toList());
                    })
                    .toList());
        });
    }
}
