package backstop.web;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intakes;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.db.DatabaseUrl;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A page view audits its reads once per record and in one transaction (issue 15 §3): {@code /plan} used to write
 * seven lines, the same one over and over, each in a commit of its own. And when the audit cannot be written, the
 * health data is not shown.
 */
class ReadAuditTest {
    private static final String PASSWORD = "a long enough secret";

    private static WebClient personWithPlan(TestServer server) {
        server.client().register("owner", PASSWORD);
        WebClient dana = server.client();
        dana.register("dana", PASSWORD);
        assertThat(dana.json("POST", "/api/v1/assessments", Intakes.deskWorker())
                        .statusCode())
                .isEqualTo(201);
        assertThat(dana.json("POST", "/api/v1/plans", "{\"minutes_per_session\": 12}")
                        .statusCode())
                .isEqualTo(201);
        return dana;
    }

    @BothDatabases
    void thePlanPageWritesEachReadOnceAndAllInOneTransaction(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = personWithPlan(server);
            long before = lastId(database);

            assertThat(dana.get("/plan").statusCode()).isEqualTo(200);

            List<String> lines = linesSince(database, before);
            assertThat(lines).contains("plan.read|dana|current plan").doesNotHaveDuplicates();
            assertThat(lines).allSatisfy(line -> assertThat(line).contains("|dana|"));
            if (database.url().kind() == DatabaseUrl.Kind.POSTGRESQL) {
                assertThat(RouteAuditTest.transactionsSince(database, before)).isEqualTo(1);
            }

            // A second view is a new request: its lines are written again, once each.
            long second = lastId(database);
            dana.get("/plan");
            assertThat(linesSince(database, second)).containsExactlyElementsOf(lines);
        }
    }

    @BothDatabases
    void aReadWhoseAuditCannotBeWrittenIsAnsweredWith503AndNotTheData(Database database) {
        try (TestServer server = TestServer.start(database)) {
            WebClient dana = personWithPlan(server);
            String plan = dana.get("/api/v1/plans/current").body();
            assertThat(plan).contains("minutes_per_session");
            refuseAuditLines(database);

            HttpResponse<String> api = dana.get("/api/v1/plans/current");
            HttpResponse<String> page = dana.get("/plan");
            HttpResponse<String> export = dana.get("/diary/export.csv");

            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).doesNotContain("minutes_per_session").contains("could not record");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).doesNotContain("id=\"sessions\"");
            assertThat(export.statusCode()).isEqualTo(503);
            assertThat(export.headers().firstValue("Content-Disposition")).isEmpty();
            // A page that shows no health data is not held up by the audit.
            assertThat(dana.get("/exercises").statusCode()).isEqualTo(200);
        }
    }

    /** Makes every insert into the audit trail fail, as a full disk or a broken table would. */
    private static void refuseAuditLines(Database database) {
        database.useTransaction(handle -> {
            if (database.url().kind() == DatabaseUrl.Kind.POSTGRESQL) {
                handle.execute("CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS"
                        + " $$ BEGIN RAISE EXCEPTION 'audit trail unavailable'; END $$");
                handle.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_audit()");
            } else {
                handle.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log"
                        + " BEGIN SELECT RAISE(ABORT, 'audit trail unavailable'); END");
            }
        });
    }

    private static long lastId(Database database) {
        return database.withHandle(handle -> handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM audit_log")
                .mapTo(Long.class)
                .one());
    }

    private static List<String> linesSince(Database database, long id) {
        return database.withHandle(handle -> handle.createQuery(
                        "SELECT action, subject_name, detail FROM audit_log WHERE id > :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) ->
                        rs.getString("action") + "|" + rs.getString("subject_name") + "|" + rs.getString("detail"))
                .list());
    }
}
