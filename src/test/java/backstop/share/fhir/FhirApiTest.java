package backstop.share.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.db.BothDatabases;
import backstop.db.Database;
import backstop.web.TestServer;
import backstop.web.WebClient;
import java.net.http.HttpResponse;

/** The FHIR routes over HTTP: export, path-named 400s on import with nothing written, metadata, Questionnaire. */
class FhirApiTest {
    private static final String PASSWORD = "a long enough secret";

    @BothDatabases
    void exportImportMetadataAndQuestionnaireOverHttp(Database database) {
        try (TestServer server = TestServer.start(database)) {
            server.client().register("owner", PASSWORD);
            WebClient dana = server.client();
            dana.register("dana", PASSWORD);
            String yesterday = server.services().diary().today().minusDays(1).toString();
            dana.json("PUT", "/api/v1/diary/" + yesterday, "{\"pain_am\": 3, \"pain_pm\": 5}");

            HttpResponse<String> export = dana.get("/api/v1/fhir/export?from=" + yesterday + "&to=" + yesterday);
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(export.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
            assertThat(export.body()).contains("\"resourceType\":\"Bundle\"", "\"code\":\"72514-3\"");
            assertThat(dana.get("/api/v1/fhir/export?from=tomorrow").statusCode())
                    .isEqualTo(400);

            WebClient eli = server.client();
            eli.register("eli", PASSWORD);
            String bad = export.body().replace("\"value\":5", "\"value\":5.5");
            HttpResponse<String> refused = eli.json("POST", "/api/v1/fhir/import", bad);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).containsPattern("Bundle\\.entry\\[\\d+\\]\\.resource\\.valueQuantity\\.value");
            assertThat(eli.get("/api/v1/diary/" + yesterday).statusCode()).isEqualTo(404);
            assertThat(eli.json("POST", "/api/v1/fhir/import", "not json").statusCode())
                    .isEqualTo(400);

            HttpResponse<String> imported = eli.json("POST", "/api/v1/fhir/import", export.body());
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(imported.body()).contains("\"days_added\":1");
            assertThat(eli.get("/api/v1/diary/" + yesterday).body()).contains("\"pain_am\":3", "\"pain_pm\":5");

            WebClient anonymous = server.client();
            assertThat(anonymous.get("/api/v1/fhir/export").statusCode()).isEqualTo(401);
            HttpResponse<String> metadata = anonymous.get("/fhir/metadata");
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.body()).contains("\"resourceType\": \"CapabilityStatement\"", "\"4.0.1\"");
            HttpResponse<String> questionnaire = anonymous.get("/fhir/Questionnaire/backstop-intake");
            assertThat(questionnaire.body())
                    .contains("\"url\": \"https://backstop.example/fhir/Questionnaire/backstop-intake\"")
                    .contains("red_flags.chest_pain_with_exertion");
            assertThat(anonymous
                            .get("/fhir/Questionnaire/backstop-intake?version=1")
                            .body())
                    .contains("\"version\": \"1\"");
            assertThat(anonymous
                            .get("/fhir/Questionnaire/backstop-intake?version=9")
                            .statusCode())
                    .isEqualTo(404);
        }
    }
}
