package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.exercise.Category;
import backstop.model.Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plan's data file is checked when it is read: a wrong one stops start-up, naming the file and the field. */
class PlanRulesTest {
    @Test
    void theShippedFileReadsWithTheDocumentedNumbers() {
        PlanRules rules = PlanRules.load();
        assertThat(rules.version()).isEqualTo("plan-rules-1");
        assertThat(rules.progression().version()).isEqualTo("progression-rules-1");
        assertThat(rules.breaks().middleMinutes()).isEqualTo(40);
        assertThat(rules.sessions().maxExercises()).isEqualTo(7);
        assertThat(rules.sessions().runningOrder()).first().isEqualTo(Category.MOBILITY);
        assertThat(rules.sessions().generalAims()).containsExactly(Cause.POSTURAL_STRAIN, Cause.JOINT_IRRITATION);
        assertThat(rules.referrals().criteria()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "missing-field, breaks.long_desk_hours is missing",
        "out-of-range, progression: regress_pain_during must be 6 to 10, was 3",
        "unknown-field, max_exercize",
        "unknown-category, cardio",
        "incomplete-order, running_order must name each of",
        "missing-part, sessions",
    })
    void aBrokenFileIsRefusedNamingTheFileAndTheField(String file, String field) {
        String resource = "plan-broken/" + file + ".json";
        assertThatThrownBy(() -> PlanRules.read(resource, Vignettes.RULES.advice(), ReferralCriteria.load()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(resource + ": ")
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "advice-missing-line, parts.sleep.lines.position_back is missing",
        "advice-unused-line, parts.movement.lines.swim is not used",
        "advice-wrong-placeholder, parts.desk_habits.lines.break_every must have the placeholders [minutes]",
        "advice-missing-part, parts.stress is missing",
        "advice-missing-title, parts.stress.title is missing",
    })
    void brokenAdviceIsRefusedNamingTheFileAndTheField(String file, String field) {
        String resource = "plan-broken/" + file + ".json";
        assertThatThrownBy(() -> HabitAdvice.read(resource))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(resource + ": ")
                .hasMessageContaining(field);
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() ->
                        PlanRules.read("plan-broken/none.json", Vignettes.RULES.advice(), ReferralCriteria.load()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plan-broken/none.json is missing");
    }
}
