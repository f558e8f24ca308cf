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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            // Read from the JSON text itself, so no coding anywhere in the bundle escapes the check.
            Matcher coding = Pattern.compile(
                            "\\{\"system\":\"http://loinc\\.org\",\"code\":\"([^\"]+)\",\"display\":\"([^\"]+)\"\\}")
                    .matcher(json);
            Set<String> written = new HashSet<>();
            int codings = 0;
            while (coding.find()) {
                codings++;
                written.add(coding.group(1));
                assertThat(coding.group(2)).isEqualTo(allowed.get(coding.group(1)));
            }
            assertThat(codings).isEqualTo(json.split("\"http://loinc\\.org\"", -1).length - 1);
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
