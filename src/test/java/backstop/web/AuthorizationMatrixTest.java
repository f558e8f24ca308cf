package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.assessment.Intakes;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.plan.CalendarFeed;
import backstop.plan.PlanPreferences;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (issue 13): every route the app serves — taken from Javalin's route table, the same table
 * whose {@code /api} part {@link ApiDocument} documents — is called by every kind of caller, with a session and with
 * an API token, and must answer the status written in {@code src/test/resources/web/authorization-matrix.tsv}.
 * Around every call by someone other than the owner, a hash of all the owner's rows must not change: a refusal
 * (or anyone's own request) never touches another person's data.
 *
 * <p>A route without a row fails the test with the line to add. How to add a row or a caller kind (the clinic's
 * "linked clinician"): see docs/reliability.md, "Authorization matrix".
 */
class AuthorizationMatrixTest {
    private static final String PASSWORD = "a long enough secret";
    private static final String MATRIX = "/web/authorization-matrix.tsv";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    /** Who calls. To add one: a constant here, its column in the TSV, and its account in {@link World}. */
    enum Who {
        ANONYMOUS,
        OWNER,
        OTHER_PERSON,
        UNLINKED_CLINICIAN,
        /** A clinician the owner linked with a one-time code: may read the owner's chart, and change nothing of it. */
        LINKED_CLINICIAN,
        ADMIN
    }

    /** How the caller authenticates. Anonymous with a token sends a token that does not exist. */
    enum How {
        SESSION,
        TOKEN
    }

    record Row(String method, String route, String request, String body, Map<Who, String> expected) {
        String key() {
            return method + " " + route;
        }

        int expect(Who who, How how) {
            String cell = expected.get(who);
            String[] parts = cell.split("\\|");
            return Integer.parseInt(how == How.SESSION || parts.length == 1 ? parts[0] : parts[1]);
        }
    }

    /** The accounts and the owner's records that requests refer to. */
    static final class World {
        final TestServer server;
        final Map<Who, User> users = new EnumMap<>(Who.class);
        final Map<Who, String> tokens = new EnumMap<>(Who.class);
        final Map<Who, WebClient> browsers = new EnumMap<>(Who.class);
        final Map<String, String> placeholders = new LinkedHashMap<>();

        World(TestServer server) {
            this.server = server;
            Services services = server.services();
            Caller cli = Caller.commandLine(Optional.empty());
            users.put(Who.ADMIN, services.accounts().addUser("root", "", PASSWORD, Role.ADMIN, cli));
            users.put(Who.OWNER, services.accounts().addUser("dana", "", PASSWORD, Role.PERSON, cli));
            users.put(Who.OTHER_PERSON, services.accounts().addUser("eli", "", PASSWORD, Role.PERSON, cli));
            users.put(Who.UNLINKED_CLINICIAN, services.accounts().addUser("kim", "", PASSWORD, Role.CLINICIAN, cli));
            users.put(Who.LINKED_CLINICIAN, services.accounts().addUser("lee", "", PASSWORD, Role.CLINICIAN, cli));
            users.forEach((who, user) -> tokens.put(who, services.accounts().createApiToken(user, "matrix", cli)));
            tokens.put(Who.ANONYMOUS, "bst_" + "x".repeat(43));
            User owner = users.get(Who.OWNER);
            services.careTeam()
                    .accept(
                            owner,
                            services.careTeam()
                                    .createInvite(users.get(Who.LINKED_CLINICIAN), cli)
                                    .code(),
                            cli);
            long assessment = services.assessments()
                    .submit(owner, Intakes.deskWorker(), cli)
                    .id();
            services.plans().create(owner, PlanPreferences.defaults(), DAY.minusDays(7), cli);
            String feed = services.plans()
                    .createFeed(
                            owner,
                            new CalendarFeed(
                                    ZoneOffset.UTC, LocalTime.of(7, 30), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                            cli);
            placeholders.put("{owner}", Long.toString(owner.id()));
            placeholders.put("{assessment}", Long.toString(assessment));
            services.accounts().createApiToken(owner, "spare", cli);
            placeholders.put(
                    "{token}",
                    Long.toString(services.accounts().apiTokens(owner).get(1).id()));
            placeholders.put("{feed}", feed);
            placeholders.put("{date}", DAY.toString());
            placeholders.put("{exercise}", services.exercises().all().get(0).id());
            signInAll();
        }

        /** Gives every caller a working session again (a row may have signed one out or changed a role). */
        void signInAll() {
            for (Who who : Who.values()) {
                WebClient client = browsers.get(who);
                boolean fine = client != null
                        && (who == Who.ANONYMOUS
                                ? client.get("/api/v1/me").statusCode() == 401
                                : client.get("/api/v1/me")
                                        .body()
                                        .contains("\"username\":\""
                                                + users.get(who).username() + "\""));
                if (!fine) {
                    client = server.client();
                    if (who != Who.ANONYMOUS) {
                        assertThat(client.login(users.get(who).username(), PASSWORD)
                                        .statusCode())
                                .isEqualTo(302);
                    }
                    browsers.put(who, client);
                }
                // A page with a form, so the client holds its anti-forgery token.
                client.get("/login");
            }
        }

        String path(Row row) {
            String path = row.request();
            for (var entry : placeholders.entrySet()) {
                path = path.replace(entry.getKey(), entry.getValue());
            }
            return path;
        }
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheMatrixSaysAndRefusalsChangeNothing() throws Exception {
        List<Row> rows = readMatrix();
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE);
                TestServer server = TestServer.start(fresh.database())) {
            Javalin app = backstop.app.WebApp.create(server.services(), "test");
            TreeSet<String> served = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(route -> route.endpoint)
                    .filter(endpoint ->
                            List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(endpoint.method.name()))
                    .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                    .collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> listed = rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
            TreeSet<String> missing = new TreeSet<>(served);
            missing.removeAll(listed);
            assertThat(missing)
                    .as(
                            "routes with no row in src/test/resources%s; add a line per route like%n%s",
                            MATRIX,
                            missing.stream()
                                    .map(key ->
                                            key.replace(' ', '\t') + "\t<request path>\t-\t302|401\t200\t200\t200\t200")
                                    .collect(Collectors.joining("\n")))
                    .isEmpty();
            TreeSet<String> stale = new TreeSet<>(listed);
            stale.removeAll(served);
            assertThat(stale)
                    .as("rows for routes the app no longer serves: remove them")
                    .isEmpty();

            World world = new World(server);
            List<String> wrong = new ArrayList<>();
            StringBuilder observed = new StringBuilder();
            String before =
                    ownerRows(fresh.database(), world.users.get(Who.OWNER).id());
            for (Row row : rows) {
                Map<Who, String> seen = new EnumMap<>(Who.class);
                // The owner goes last: their own requests may change their rows (and sign them out).
                for (Who who : List.of(
                        Who.ANONYMOUS,
                        Who.OTHER_PERSON,
                        Who.UNLINKED_CLINICIAN,
                        Who.LINKED_CLINICIAN,
                        Who.ADMIN,
                        Who.OWNER)) {
                    List<Integer> statuses = new ArrayList<>();
                    for (How how : How.values()) {
                        int status = call(world, row, who, how).statusCode();
                        statuses.add(status);
                        // Calls run one at a time, so the rows after one call are the rows before the next.
                        String after = ownerRows(
                                fresh.database(), world.users.get(Who.OWNER).id());
                        // A linked clinician's accepted change (a prescription, a referral) is theirs to make.
                        boolean mayChange = who == Who.OWNER || who == Who.LINKED_CLINICIAN && status < 400;
                        if (!mayChange && !before.equals(after)) {
                            wrong.add(row.key() + " by " + who + " with " + how + " changed the owner's rows");
                        }
                        before = after;
                        if (status != row.expect(who, how)) {
                            wrong.add(row.key() + " by " + who + " with " + how + ": " + status + ", expected "
                                    + row.expect(who, how));
                        }
                    }
                    seen.put(
                            who,
                            statuses.get(0).equals(statuses.get(1))
                                    ? "" + statuses.get(0)
                                    : statuses.get(0) + "|" + statuses.get(1));
                }
                world.signInAll();
                // Signing in again may touch the owner's account row (a sign-in time), so read the rows afresh.
                before = ownerRows(fresh.database(), world.users.get(Who.OWNER).id());
                observed.append(row.method())
                        .append('\t')
                        .append(row.route())
                        .append('\t')
                        .append(row.request())
                        .append('\t')
                        .append(row.body());
                for (Who who : Who.values()) {
                    observed.append('\t').append(seen.get(who));
                }
                observed.append('\n');
            }
            if (Boolean.getBoolean("matrix.print")) {
                System.out.println(observed);
            }
            assertThat(wrong).as("answers that differ from the matrix").isEmpty();
        }
    }

    static HttpResponse<String> call(World world, Row row, Who who, How how) {
        WebClient client = world.browsers.get(who);
        String path = world.path(row);
        if (how == How.SESSION && row.method().equals("GET")) {
            return client.get(path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.server.url(path)));
        if (how == How.TOKEN) {
            request.header("Authorization", "Bearer " + world.tokens.get(who));
            client = world.server.client();
        } else {
            request.header("X-CSRF-Token", client.csrf());
        }
        String body = row.body();
        if (body.equals("-")) {
            body = row.route().startsWith("/api/") ? "json:{}" : "form:";
        }
        HttpRequest.BodyPublisher publisher;
        if (body.startsWith("json:")) {
            request.header("Content-Type", "application/json");
            publisher = HttpRequest.BodyPublishers.ofString(
                    body.substring(5).equals("intake") ? Intakes.deskWorker() : body.substring(5));
        } else if (body.startsWith("csv:")) {
            request.header("Content-Type", "text/csv");
            publisher = HttpRequest.BodyPublishers.ofString(body.substring(4).replace("\\n", "\n"));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded");
            publisher = HttpRequest.BodyPublishers.ofString(body.substring(5));
        }
        return client.send(request.method(
                        row.method(), row.method().equals("GET") ? HttpRequest.BodyPublishers.noBody() : publisher)
                .build());
    }

    /**
     * Every row that belongs to the owner, in every table that names an account (sessions and the audit aside). The
     * tables and their owner columns are read from the schema once; the test changes rows, never the schema.
     */
    static String ownerRows(Database database, long owner) {
        Map<String, String> tables = OWNER_COLUMNS.computeIfAbsent(database, AuthorizationMatrixTest::ownerColumns);
        return database.withHandle(handle -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (var table : tables.entrySet()) {
                    try (Statement statement = handle.getConnection().createStatement();
                            ResultSet rs = statement.executeQuery("SELECT * FROM " + table.getKey() + " WHERE "
                                    + table.getValue() + " = " + owner + " ORDER BY 1")) {
                        ResultSetMetaData columns = rs.getMetaData();
                        while (rs.next()) {
                            digest.update(table.getKey().getBytes(StandardCharsets.UTF_8));
                            for (int i = 1; i <= columns.getColumnCount(); i++) {
                                String name = columns.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                                // When a token was last used moves with the owner's own use only, and is not data.
                                if (!name.equals("last_used_at")) {
                                    digest.update(
                                            String.valueOf(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
                                }
                            }
                        }
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (Exception e) {
                throw new IllegalStateException("could not read the owner's rows", e);
            }
        });
    }

    private static final Map<Database, Map<String, String>> OWNER_COLUMNS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Each table that names an account, in name order, with the column that names it. */
    private static Map<String, String> ownerColumns(Database database) {
        return database.withHandle(handle -> {
            try {
                Connection connection = handle.getConnection();
                DatabaseMetaData meta = connection.getMetaData();
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                    }
                }
                Map<String, String> owned = new LinkedHashMap<>();
                for (String table : new TreeSet<>(tables)) {
                    // Sessions move with sign-ins, the audit trail records refusals, and reset links are what an
                    // admin makes for an account by design: none of them is the person's data.
                    if (table.equals("sessions")
                            || table.equals("audit_log")
                            || table.equals("password_resets")
                            || table.startsWith("flyway")) {
                        continue;
                    }
                    ownerColumn(meta, connection.getSchema(), table).ifPresent(column -> owned.put(table, column));
                }
                return owned;
            } catch (Exception e) {
                throw new IllegalStateException("could not read the schema", e);
            }
        });
    }

    private static Optional<String> ownerColumn(DatabaseMetaData meta, String schema, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (table.equals("users")) {
            return Optional.of("id");
        }
        return columns.stream()
                .filter(name -> name.equals("user_id") || name.equals("person_id") || name.equals("patient_id"))
                .findFirst();
    }

    static List<Row> readMatrix() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX).isNotNull();
            List<String> header = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (line.startsWith("#")) {
                    if (line.startsWith("# method\t")) {
                        header = List.of(line.substring(1).strip().split("\t"));
                    }
                    continue;
                }
                assertThat(header).as("the header line comes first").isNotNull();
                assertThat(cells).as("cells in: " + line).hasSize(header.size());
                Map<Who, String> expected = new EnumMap<>(Who.class);
                for (Who who : Who.values()) {
                    int column = header.indexOf(who.name().toLowerCase(java.util.Locale.ROOT));
                    assertThat(column).as("a column for " + who).isPositive();
                    expected.put(who, cells[column]);
                }
                rows.add(new Row(cells[0], cells[1], cells[2], cells[3], expected));
            }
        }
        return rows;
    }
}
