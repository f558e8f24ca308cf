package backstop.account;

import backstop.db.Database;
import java.util.Optional;
import org.jdbi.v3.core.HandleCallback;

/**
 * A feature that stores a person's data and can hand all of it back: the account export asks every feature for its
 * section, so "download my data" stays complete as features are added. (Deletion needs no such hook: every table
 * of personal data references the account with ON DELETE CASCADE.)
 *
 * @param <T> the feature's export record, whose JSON is the section
 */
public interface PersonalData<T extends Record> {
    /** The key of this feature's section in the export document, e.g. {@code diary}. */
    String section();

    /** Everything this feature holds about {@code person}. */
    T exportFor(User person, Caller caller);

    /**
     * How a feature collects its section: in one transaction, the read audit line ({@code action}, naming the
     * person) and then the person's own rows, so the export and its line go together.
     */
    static <T> T collect(
            Database database,
            AuditLog audit,
            User person,
            Caller caller,
            String action,
            String detail,
            HandleCallback<T, RuntimeException> rows) {
        return database.read(handle -> {
            audit.read(handle, caller, action, Optional.of(person), detail);
            return rows.withHandle(handle);
        });
    }
}
