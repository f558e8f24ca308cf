package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The injection-referral criteria shipped with Backstop, checked when loaded: every source key must be known, and
 * every criterion asks for a fair trial of therapy first (enough weeks, enough of the planned sessions done), because
 * an injection is only ever a way back into the exercises. Version 1 ({@code referral-criteria-v1.json}) let the
 * epidural criterion skip the adherence requirement; it stays in the jar so plans made with it can be explained.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ReferralCriteria(String version, List<ReferralCriterion> criteria) {
    static final String RESOURCE = "plan/referral-criteria-v2.json";

    /** A fair trial of therapy: at least this many weeks on the plan with at least this share of sessions done. */
    static final int FAIR_TRIAL_WEEKS = 4;

    static final int FAIR_TRIAL_ADHERENCE_PERCENT = 50;
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

    /** The current criteria, each held to a fair trial of therapy first. */
    static ReferralCriteria load() {
        return read(RESOURCE).requireFairTrial();
    }

    static ReferralCriteria read(String resource) {
        try (InputStream in = ReferralCriteria.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return Json.mapper().readValue(in, ReferralCriteria.class);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " could not be read", e);
        }
    }

    /**
     * @throws IllegalStateException naming each criterion that could be met without a fair trial of therapy
     */
    ReferralCriteria requireFairTrial() {
        for (ReferralCriterion criterion : criteria) {
            if (criterion.afterWeeks() < FAIR_TRIAL_WEEKS
                    || criterion.minAdherencePercent() < FAIR_TRIAL_ADHERENCE_PERCENT) {
                throw new IllegalStateException(
                        criterion.id() + ": an injection criterion needs a fair trial of therapy"
                                + " first (at least " + FAIR_TRIAL_WEEKS + " weeks with at least "
                                + FAIR_TRIAL_ADHERENCE_PERCENT + "% of planned sessions done)");
            }
        }
        return this;
    }
}
