package backstop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SQLite keeps prepared statements per connection; reusing them must never change what a statement does. */
public class StatementCacheTest {

    @Test
    void theSameQueryRunInsideItsOwnRowMapperGetsAStatementOfItsOwn() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Database database = fresh.database();
            database.useTransaction(handle -> {
                handle.execute("INSERT INTO settings (name, value) VALUES ('a', '1')");
                handle.execute("INSERT INTO settings (name, value) VALUES ('b', '2')");
            });
            String sql = "SELECT value FROM settings WHERE name = :name";
            List<String> pairs =
                    database.withHandle(handle -> handle.createQuery("SELECT name FROM settings ORDER BY name")
                            .map((rs, ctx) -> rs.getString("name") + "="
                                    + handle.createQuery(sql)
                                            .bind("name", rs.getString("name"))
                                            .mapTo(String.class)
                                            .one())
                            .list());
            assertThat(pairs).containsExactly("a=1", "b=2");
        }
    }

    @Test
    void aStatementWithNamedParametersIsPreparedOnceByTheWriterAndByTheReaders() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Database database = fresh.database();
            List<java.sql.Statement> writes = new java.util.ArrayList<>();
            List<java.sql.Statement> reads = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String name = "n" + i;
                writes.add(database.inTransaction(handle -> {
                    var insert = handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, 'x')")
                            .bind("name", name);
                    insert.execute();
                    return insert.getContext().getStatement();
                }));
                reads.add(database.withHandle(handle -> {
                    var query = handle.createQuery("SELECT value FROM settings WHERE name = :name")
                            .bind("name", name);
                    assertThat(query.mapTo(String.class).one()).isEqualTo("x");
                    return query.getContext().getStatement();
                }));
            }
            // Jdbi prepares ":name" as "?" but closes with the text as written; both uses must find the one statement.
            assertThat(writes).allSatisfy(statement -> assertThat(statement).isSameAs(writes.get(0)));
            assertThat(reads.get(2)).isIn(reads.get(0), reads.get(1));
        }
    }

    @Test
    void aStatementUsedAgainSeesNewCommitsAndItsNewParameters() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Database database = fresh.database();
            String count = "SELECT COUNT(*) FROM settings WHERE value = :value";
            for (int i = 1; i <= 5; i++) {
                String name = "n" + i;
                database.useTransaction(
                        handle -> handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, 'x')")
                                .bind("name", name)
                                .execute());
                assertThat(count(database, count, "x")).isEqualTo(i);
                assertThat(count(database, count, "y")).isZero();
            }
        }
    }

    @Test
    void aStatementThatFailedWorksTheNextTime() {
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Database database = fresh.database();
            String insert = "INSERT INTO settings (name, value) VALUES (:name, 'v')";
            database.useTransaction(
                    handle -> handle.createUpdate(insert).bind("name", "taken").execute());
            assertThatThrownBy(() -> database.useTransaction(handle ->
                            handle.createUpdate(insert).bind("name", "taken").execute()))
                    .isInstanceOf(RuntimeException.class);
            database.useTransaction(
                    handle -> handle.createUpdate(insert).bind("name", "free").execute());
            assertThat(count(database, "SELECT COUNT(*) FROM settings WHERE value = :value", "v"))
                    .isEqualTo(2);
        }
    }

    private static int count(Database database, String sql, String value) {
        Integer rows = database.withHandle(handle -> handle.createQuery(sql)
                .bind("value", value)
                .mapTo(Integer.class)
                .one());
        return rows;
    }
}
