package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The injection-referral criteria shipped with Backstop, checked when loaded: every source key must be known. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReferralCriteria(String version, List<ReferralCriterion> criteria) {
    static final String RESOURCE = "plan/referral-criteria-v1.json";
    /** Keys explained in docs/clinical.md. */
    static final Set<String> KNOWN_SOURCES = Set.of("seed-article", "cummings-2001", "nice-ng59", "project-judgement");

    ReferralCriteria {
        criteria = List.copyOf(criteria);
        for (ReferralCriterion criterion : criteria) {
            for (String source : criterion.sources()) {
                if (!KNOWN_SOURCES.contains(source)) {
                    throw new IllegalStateException(
                            RESOURCE + ": " + criterion.id() + " names unknown source '" + source + "'");
                }
            }
        }
    }

    static ReferralCriteria load() {
        try (InputStream in = ReferralCriteria.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return Json.mapper().readValue(in, ReferralCriteria.class);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " could not be read", e);
        }
    }
}
