package backstop.account;

/**
 * A feature that stores a person's data and can hand all of it back: the account export asks every feature for its
 * section, so "download my data" stays complete as features are added. (Deletion needs no such hook: every table
 * of personal data references the account with ON DELETE CASCADE.)
 */
public interface PersonalData {
    /** The key of this feature's section in the export document, e.g. {@code diary}. */
    String section();

    /** Everything this feature holds about {@code person}, as JSON-ready values. */
    Object exportFor(User person, Caller caller);
}
