package backstop.care;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.Caller;
import backstop.account.SecuritySettings;
import backstop.account.User;
import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.TrustedProxies;
import backstop.web.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prescribing and outcome measures over HTTP: pages and API, and every clinic route refused without a link. */
class CareHttpTest {
    private static final Pattern DIGEST = Pattern.compile("name=\"previewed\" value=\"([0-9a-f]+)\"");
    private static final Pattern JSON_DIGEST = Pattern.compile("\"digest\":\"([0-9a-f]+)\"");
    private final TestClock clock = TestClock.startingAt("2026-06-15T08:00:00Z");

    private static WebClient signedIn(TestServer server, User user) {
        WebClient client = server.client();
        assertThat(client.login(user.username(), CareWorld.PASSWORD).statusCode())
                .isEqualTo(302);
        return client;
    }

    @BothDatabases
    void aClinicianChecksAndSavesAPlanChangeAndThePersonSeesWhoChangedIt(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            CareWorld w = CareWorld.make(server.services(), database, clock);
            WebClient kim = signedIn(server, w.kim());
            String base = "/clinic/patients/" + w.dana().id() + "/plan";
            HttpResponse<String> page = kim.get(base);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"prescribe-form\"").contains("name=\"break_interval\"");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("break_interval", "20");
            form.put("reason", "shorter spells at the desk");
            form.put("note", "Take a break every 20 minutes for now.");
            HttpResponse<String> preview = kim.post(base + "/preview", form);
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("Desk breaks every 20 minutes").contains("id=\"no-loss\"");
            Matcher digest = DIGEST.matcher(preview.body());
            assertThat(digest.find()).isTrue();
            long plans = w.count("SELECT COUNT(*) FROM plans");

            Map<String, String> save = new LinkedHashMap<>(form);
            save.put("previewed", digest.group(1));
            HttpResponse<String> saved = kim.post(base, save);
            assertThat(saved.statusCode()).isEqualTo(302);
            assertThat(saved.headers().firstValue("Location")).hasValue(base + "?saved=1");
            assertThat(w.count("SELECT COUNT(*) FROM plans")).isEqualTo(plans + 1);
            // The same form again changes nothing now: refused, and no version is added.
            assertThat(kim.post(base, save).statusCode()).isEqualTo(400);
            assertThat(w.count("SELECT COUNT(*) FROM plans")).isEqualTo(plans + 1);

            WebClient dana = signedIn(server, w.dana());
            for (String path : List.of("/plan", "/plan/today")) {
                assertThat(dana.get(path).body())
                        .contains("id=\"changed-by\"")
                        .contains("Changed by Kim Physio on")
                        .contains("2026-06-15")
                        .contains("Take a break every 20 minutes for now.");
            }
            String versions = dana.get("/plan/versions").body();
            assertThat(Pattern.compile("href=\"/plan/versions/\\d+\"")
                            .matcher(versions)
                            .results())
                    .hasSize(2);
            long first = w.services()
                    .plans()
                    .versions(w.dana(), w.as(w.dana()))
                    .get(1)
                    .id();
            assertThat(dana.get("/plan/versions/" + first).statusCode()).isEqualTo(200);
            assertThat(signedIn(server, w.eli()).get("/plan/versions/" + first).statusCode())
                    .isEqualTo(404);
        }
    }

    @BothDatabases
    void aClinicianMakesTheFirstPlanOfALinkedPersonWithoutOne(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            CareWorld w = CareWorld.make(server.services(), database, clock);
            Caller cli = Caller.commandLine(Optional.empty());
            server.services().assessments().submit(w.eli(), backstop.assessment.Intakes.deskWorker(), cli);
            var invite = server.services().careTeam().createInvite(w.kim(), cli);
            server.services().careTeam().accept(w.eli(), invite.code(), w.as(w.eli()));
            WebClient kim = signedIn(server, w.kim());
            String base = "/clinic/patients/" + w.eli().id() + "/plan";
            assertThat(kim.get(base).body()).contains("id=\"create-plan\"");
            assertThat(kim.post(base + "/create", Map.of()).statusCode()).isEqualTo(302);
            assertThat(kim.get(base).body()).contains("id=\"prescribe-form\"");
            assertThat(kim.post(base + "/create", Map.of()).statusCode()).isEqualTo(409);
            assertThat(w.services().plans().versions(w.eli(), w.as(w.eli()))).hasSize(1);
        }
    }

    @BothDatabases
    void theApiPreviewsAndSavesAndRefusesAStalePreview(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            CareWorld w = CareWorld.make(server.services(), database, clock);
            WebClient kim = signedIn(server, w.kim());
            String base = "/api/v1/clinic/patients/" + w.dana().id() + "/plan";
            String body = "{\"changes\": [{\"type\": \"set_break_interval\", \"minutes\": 25}], \"reason\": \"api\"}";
            HttpResponse<String> preview = kim.json("POST", base + "/preview", body);
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("\"losses\":[]").contains("\"coverage\"");
            Matcher digest = JSON_DIGEST.matcher(preview.body());
            assertThat(digest.find()).isTrue();
            String save = body.replace("}], ", "}], \"previewed\": \"" + digest.group(1) + "\", ");
            HttpResponse<String> saved = kim.json("POST", base, save);
            assertThat(saved.statusCode()).isEqualTo(201);
            assertThat(saved.body()).contains("\"author_name\":\"Kim Physio\"");
            assertThat(kim.json("POST", base, save).statusCode()).isEqualTo(409);
            HttpResponse<String> bad = kim.json(
                    "POST",
                    base + "/preview",
                    "{\"changes\": [{\"type\": \"set_dose\", \"exercise_id\": \"x\", \"sets\": 2,"
                            + " \"reps\": 8, \"hold_seconds\": 0}]," + " \"reason\": \"api\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("changes[0].exercise_id");
        }
    }

    @BothDatabases
    void theClinicianSchedulesAPsfsAndThePersonFillsItInFromTheirOverview(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            CareWorld w = CareWorld.make(server.services(), database, clock);
            WebClient kim = signedIn(server, w.kim());
            String base = "/clinic/patients/" + w.dana().id() + "/measures";
            assertThat(kim.get(base).statusCode()).isEqualTo(200);
            HttpResponse<String> scheduled =
                    kim.post(base, Map.of("measure", "psfs", "first_due", "2026-06-15", "every_days", "14"));
            assertThat(scheduled.statusCode()).isEqualTo(302);

            WebClient dana = signedIn(server, w.dana());
            assertThat(dana.get("/people/" + w.dana().id()).body()).contains("hx-get=\"/measures/tasks\"");
            assertThat(dana.get("/measures/tasks").body())
                    .contains("id=\"measure-tasks\"")
                    .contains("href=\"/measures/psfs\"");
            assertThat(dana.get("/measures/psfs").body()).contains("name=\"activity1\"");
            HttpResponse<String> refused = dana.post("/measures/psfs", Map.of("activity1", "lifting", "rating1", "12"));
            assertThat(refused.statusCode()).isEqualTo(400);
            HttpResponse<String> answered = dana.post(
                    "/measures/psfs",
                    Map.of("activity1", "lifting a bag", "rating1", "3", "activity2", "reading", "rating2", "6"));
            assertThat(answered.statusCode()).isEqualTo(302);
            assertThat(dana.get("/measures/tasks").body()).doesNotContain("measure-tasks");
            assertThat(kim.get(base).body()).contains("4.5 of 10").contains("lifting a bag 3");
            HttpResponse<String> api =
                    kim.get("/api/v1/clinic/patients/" + w.dana().id() + "/measures");
            assertThat(api.statusCode()).isEqualTo(200);
            assertThat(api.body()).contains("\"measure\":\"psfs\"").contains("\"score_tenths\":45");
            // The roster shows the latest answer, in the page and in the API.
            assertThat(kim.get("/clinic").body())
                    .contains("data-measure=\"psfs\"")
                    .contains("4.5 of 10 on 2026-06-15");
            assertThat(kim.get("/api/v1/clinic/patients").body())
                    .contains("\"measures\":[{\"measure\":\"psfs\"")
                    .contains("\"score\":\"4.5 of 10\"");
        }
    }

    @BothDatabases
    void everyClinicRouteRefusesPeopleAdminsAndUnlinkedOrRevokedCliniciansWritingOnlyTheRefusal(Database database) {
        try (TestServer server =
                TestServer.start(database, clock, SecuritySettings.defaults(), TrustedProxies.none())) {
            CareWorld w = CareWorld.make(server.services(), database, clock);
            long dana = w.dana().id();
            String change = "{\"changes\": [{\"type\": \"set_break_interval\", \"minutes\": 20}], \"reason\": \"r\"";
            List<String[]> routes = List.of(
                    new String[] {"GET", "/clinic/patients/" + dana + "/plan", ""},
                    new String[] {"FORM", "/clinic/patients/" + dana + "/plan/preview", "reason=r&break_interval=20"},
                    new String[] {"FORM", "/clinic/patients/" + dana + "/plan", "reason=r&break_interval=20&previewed=x"
                    },
                    new String[] {"GET", "/clinic/patients/" + dana + "/measures", ""},
                    new String[] {
                        "FORM",
                        "/clinic/patients/" + dana + "/measures",
                        "measure=psfs&first_due=2026-06-15&every_days=14"
                    },
                    new String[] {"POST", "/api/v1/clinic/patients/" + dana + "/plan/preview", change + "}"},
                    new String[] {
                        "POST", "/api/v1/clinic/patients/" + dana + "/plan", change + ", \"previewed\": \"x\"}"
                    },
                    new String[] {"GET", "/api/v1/clinic/patients/" + dana + "/measures", ""},
                    new String[] {"GET", "/clinic/patients/" + dana + "/referrals", ""},
                    new String[] {
                        "FORM", "/clinic/patients/" + dana + "/referrals", "kind=epidural&referred_to=Dr+X&reason=why"
                    },
                    new String[] {"FORM", "/clinic/patients/" + dana + "/referrals/1/outcome", "outcome=not_done"},
                    new String[] {"GET", "/api/v1/clinic/patients/" + dana + "/referrals", ""},
                    new String[] {
                        "POST",
                        "/api/v1/clinic/patients/" + dana + "/referrals",
                        "{\"kind\": \"epidural\", \"referred_to\": \"Dr X\", \"reason\": \"why\"}"
                    },
                    new String[] {
                        "POST", "/api/v1/clinic/patients/" + dana + "/referrals/1/outcome", "{\"outcome\": \"done\"}"
                    },
                    new String[] {
                        "POST",
                        "/api/v1/clinic/patients/" + dana + "/measures",
                        "{\"measure\": \"psfs\", \"first_due\": \"2026-06-15\", \"every_days\": 14}"
                    });
            Caller cli = Caller.commandLine(Optional.empty());
            Map<String, String> tokens = new LinkedHashMap<>();
            for (User user : List.of(w.lee(), w.dana(), w.root(), w.kim())) {
                tokens.put(user.username(), server.services().accounts().createApiToken(user, "t", cli));
            }
            long link = w.services().careTeam().linksOf(w.dana()).get(0).id();
            w.services().careTeam().revoke(w.dana(), link, w.as(w.dana()));
            String before = written(w);
            long refusals = w.count("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.access.refused'");
            for (String who : List.of("lee", "dana", "root", "kim")) {
                for (String[] route : routes) {
                    HttpResponse<String> response = call(server, tokens.get(who), route);
                    assertThat(response.statusCode())
                            .as(who + " " + route[0] + " " + route[1])
                            .isEqualTo(403);
                }
            }
            assertThat(written(w)).isEqualTo(before);
            // The clinicians' requests reach the link check, and each refusal is audited; roles are refused before.
            assertThat(w.count("SELECT COUNT(*) FROM audit_log WHERE action = 'clinic.access.refused'"))
                    .isEqualTo(refusals + 2L * routes.size());
        }
    }

    private static String written(CareWorld w) {
        return w.count("SELECT COUNT(*) FROM plans") + "/" + w.count("SELECT COUNT(*) FROM measure_schedules") + "/"
                + w.count("SELECT COUNT(*) FROM care_referrals") + "/"
                + w.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'plan.%' OR action LIKE 'care.%'");
    }

    private static HttpResponse<String> call(TestServer server, String token, String[] route) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.url(route[1]))).header("Authorization", "Bearer " + token);
        switch (route[0]) {
            case "GET" -> request.GET();
            case "FORM" ->
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(route[2]));
            default ->
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(route[2]));
        }
        return server.client().send(request.build());
    }
}
