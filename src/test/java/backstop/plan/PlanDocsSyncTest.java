package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every source key a plan names is explained in the docs, and the documented thresholds are the shipped ones. */
class PlanDocsSyncTest {
    private static String docs(String name) throws Exception {
        return Files.readString(Path.of("docs", name));
    }

    @Test
    void everySourceKeyOfEveryPlanIsExplained() throws Exception {
        String explained = docs("clinical.md");
        Set<String> keys = new TreeSet<>();
        Vignettes.stream().filter(vignette -> !vignette.result().isEmergency()).forEach(vignette -> {
            Plan plan = PlanGenerator.build(
                    vignette.result(),
                    vignette.life(),
                    PlanPreferences.defaults().withClinicianClearance(),
                    Vignettes.CATALOGUE,
                    Vignettes.RULES,
                    LocalDate.of(2026, 11, 30));
            plan.parts().forEach(part -> keys.addAll(part.sources()));
        });
        ReferralCriteria.load().criteria().forEach(criterion -> keys.addAll(criterion.sources()));
        keys.addAll(ReferralCriteria.KNOWN_SOURCES);

        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(explained).contains("| `" + key + "` |"));
    }

    @Test
    void theDocumentedProgressionThresholdsAreTheDefaults() throws Exception {
        String plan = docs("clinical.md");
        ProgressionRules rules = Vignettes.RULES.progression();
        assertThat(plan)
                .contains(
                        "| `acceptable_pain_during` | " + rules.acceptablePainDuring() + " |",
                        "| `allowed_morning_rise` | " + rules.allowedMorningRise() + " |",
                        "| `regress_pain_during` | " + rules.regressPainDuring() + " |",
                        "| `min_sessions` | " + rules.minSessions() + " |",
                        "| `min_completed_percent` | " + rules.minCompletedPercent() + " |",
                        "`" + rules.version() + "`",
                        "`" + PlanGenerator.PLAN_VERSION + "`");
    }
}
