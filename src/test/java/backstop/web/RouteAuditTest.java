package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.web.AuthorizationMatrixTest.How;
import backstop.web.AuthorizationMatrixTest.Row;
import backstop.web.AuthorizationMatrixTest.Who;
import backstop.web.AuthorizationMatrixTest.World;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every route the app serves (Javalin's route table, as in {@link AuthorizationMatrixTest}) is called once by the
 * caller named in {@code src/test/resources/web/audit-lines.tsv}, with the request the authorization matrix sends,
 * and must write exactly the audit lines listed there: one per record of health data it read, none repeated, none
 * for a route that shows no health data. On PostgreSQL the lines of one request must come from the transactions
 * counted in the file (a row's {@code xmin} names the transaction that wrote it): reads add none of their own when
 * the request writes, and one when it only reads.
 *
 * <p>A new route fails the test until it has its line: say who calls it, which audit actions its answer writes
 * (space-separated, sorted, "-" for none) and in how many transactions.
 */
class RouteAuditTest {
    private static final String LINES = "/web/audit-lines.tsv";

    record Expected(String method, String route, Who who, String actions, int transactions) {
        String key() {
            return method + " " + route;
        }
    }

    @BothDatabases
    void everyRouteWritesOneAuditLinePerHealthRecordItReadAndNoneWhenItShowsNone(Database database) throws Exception {
        Map<String, Row> requests = new LinkedHashMap<>();
        AuthorizationMatrixTest.readMatrix().forEach(row -> requests.put(row.key(), row));
        Map<String, Expected> expected = readExpected();
        try (TestServer server = TestServer.start(database)) {
            Javalin app = backstop.app.WebApp.create(server.services(), "test");
            TreeSet<String> served = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(route -> route.endpoint)
                    .filter(endpoint ->
                            List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(endpoint.method.name()))
                    .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> missing = new TreeSet<>(served);
            missing.removeAll(expected.keySet());
            assertThat(missing)
                    .as(
                            "routes with no line in src/test/resources%s; add one per route like%n%s",
                            LINES,
                            missing.stream()
                                    .map(key -> key.replace(' ', '\t') + "\towner\t<actions or ->\t<transactions>")
                                    .collect(Collectors.joining("\n")))
                    .isEmpty();
            TreeSet<String> stale = new TreeSet<>(expected.keySet());
            stale.removeAll(served);
            assertThat(stale)
                    .as("lines for routes the app no longer serves: remove them")
                    .isEmpty();

            boolean postgres = database.url().kind() == DatabaseUrl.Kind.POSTGRESQL;
            World world = new World(server);
            List<String> wrong = new ArrayList<>();
            StringBuilder observed = new StringBuilder();
            for (Row row : requests.values()) {
                Expected line = expected.get(row.key());
                long before = lastAuditId(database);
                int status = AuthorizationMatrixTest.call(world, row, line.who(), How.SESSION)
                        .statusCode();
                List<String> written = database.withHandle(handle -> handle.createQuery(
                                "SELECT actor_name, action, subject_name, detail FROM audit_log WHERE id > :id"
                                        + " ORDER BY id")
                        .bind("id", before)
                        .map((rs, ctx) -> rs.getString("actor_name") + "|" + rs.getString("action") + "|"
                                + rs.getString("subject_name") + "|" + rs.getString("detail"))
                        .list());
                Set<String> distinct = new HashSet<>();
                written.stream()
                        .filter(entry -> !distinct.add(entry))
                        .forEach(entry -> wrong.add(row.key() + " wrote this line twice: " + entry));
                String actions = written.isEmpty()
                        ? "-"
                        : written.stream()
                                .map(entry -> entry.split("\\|")[1])
                                .sorted()
                                .collect(Collectors.joining(" "));
                if (!actions.equals(line.actions())) {
                    wrong.add(
                            row.key() + " (" + status + ") wrote [" + actions + "], expected [" + line.actions() + "]");
                }
                int transactions = postgres ? transactionsSince(database, before) : line.transactions();
                if (transactions != line.transactions()) {
                    wrong.add(row.key() + " wrote its audit lines in " + transactions + " transactions, expected "
                            + line.transactions());
                }
                observed.append(row.method())
                        .append('\t')
                        .append(row.route())
                        .append('\t')
                        .append(line.who().name().toLowerCase(Locale.ROOT))
                        .append('\t')
                        .append(actions)
                        .append('\t')
                        .append(transactions)
                        .append("\t# ")
                        .append(status)
                        .append(' ')
                        .append(written)
                        .append('\n');
                world.signInAll();
            }
            if (Boolean.getBoolean("audit.print")) {
                System.out.println(observed);
            }
            assertThat(wrong).as("audit lines that differ from " + LINES).isEmpty();
        }
    }

    private static long lastAuditId(Database database) {
        return database.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_log")
                .mapTo(Long.class)
                .one());
    }

    /** How many transactions wrote the audit lines after {@code id}: PostgreSQL stamps each row with its writer. */
    static int transactionsSince(Database database, long id) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT COUNT(DISTINCT xmin::text) FROM audit_log WHERE id > :id")
                        .bind("id", id)
                        .mapTo(Integer.class)
                        .one());
    }

    static Map<String, Expected> readExpected() throws IOException {
        Map<String, Expected> lines = new LinkedHashMap<>();
        try (InputStream in = RouteAuditTest.class.getResourceAsStream(LINES)) {
            assertThat(in).as(LINES).isNotNull();
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\t");
                assertThat(cells.length).as("cells in: " + text).isGreaterThanOrEqualTo(5);
                Expected line = new Expected(
                        cells[0],
                        cells[1],
                        Who.valueOf(cells[2].toUpperCase(Locale.ROOT)),
                        cells[3],
                        Integer.parseInt(cells[4]));
                assertThat(lines.put(line.key(), line))
                        .as("one line for " + line.key())
                        .isNull();
            }
        }
        return lines;
    }
}
