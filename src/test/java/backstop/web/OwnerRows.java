package backstop.web;

import backstop.db.Database;

/** The hash of every row a person owns, as {@link AuthorizationMatrixTest} takes it, for tests in other packages. */
public final class OwnerRows {
    private OwnerRows() {}

    public static String hash(Database database, long person) {
        return AuthorizationMatrixTest.ownerRows(database, person);
    }
}
