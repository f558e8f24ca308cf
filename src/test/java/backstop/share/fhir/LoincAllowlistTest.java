package backstop.share.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.TestClock;
import backstop.account.User;
import backstop.app.Services;
import backstop.db.DatabaseUrl;
import backstop.db.TestDatabases;
import backstop.share.ShareFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

/** Every LOINC code the export writes is on the list kept in the test resources, with LOINC's own display. */
class LoincAllowlistTest {
    @Test
    void everyLoincCodeWrittenIsOnTheListWithItsDisplay() throws IOException {
        Map<String, String> allowed = allowlist();
        assertThat(allowed).containsKeys(FhirCodes.LOINC_CODES_WRITTEN.toArray(String[]::new));
        assertThat(allowed.get(FhirCodes.PAIN_SEVERITY)).isEqualTo(FhirCodes.PAIN_SEVERITY_DISPLAY);
        try (TestDatabases.Fresh fresh = TestDatabases.fresh(DatabaseUrl.Kind.SQLITE)) {
            Services services = Services.wire(fresh.database(), TestClock.startingAt("2026-11-30T10:00:00Z"));
            User robin = ShareFixtures.yearOfRecord(services, "robin");
            String json = services.fhir().export(robin, Optional.empty(), Optional.empty(), ShareFixtures.cli());
            Bundle bundle = FhirExport.context().newJsonParser().parseResource(Bundle.class, json);
            Set<String> written = new HashSet<>();
            FhirExport.context().newTerser().getAllPopulatedChildElementsOfType(bundle, Coding.class).stream()
                    .filter(coding -> FhirCodes.LOINC.equals(coding.getSystem()))
                    .forEach(coding -> {
                        written.add(coding.getCode());
                        assertThat(coding.getDisplay()).isEqualTo(allowed.get(coding.getCode()));
                    });
            assertThat(written).isNotEmpty();
            assertThat(allowed.keySet()).containsAll(written);
        }
    }

    private static Map<String, String> allowlist() throws IOException {
        Map<String, String> codes = new HashMap<>();
        try (InputStream in = LoincAllowlistTest.class.getResourceAsStream("/share/loinc-allowlist.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                codes.put(parts[0], parts[1]);
            }
        }
        return codes;
    }
}
