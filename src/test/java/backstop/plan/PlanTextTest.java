package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.AssessmentRules;
import backstop.model.Cause;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The plain-text plan, and the JSON shape of the API and the CLI. */
class PlanTextTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final Vignettes.Vignette MANY = Vignettes.named("32");
    private static final Plan PLAN = PlanGenerator.build(
            MANY.result(), MANY.life(), PlanPreferences.defaults(), Vignettes.CATALOGUE, Vignettes.RULES, MONDAY);

    @Test
    void theTextShowsSessionsPartsAndWhatAddressesEachCause() {
        String text = PlanText.format(PLAN);
        assertThat(text)
                .contains(
                        "Your plan, from 2026-11-30",
                        "Daily mobility and posture",
                        "Strength and endurance",
                        "DESK HABITS  (for: postural strain)",
                        "SLEEP POSITION",
                        "WHAT ADDRESSES EACH CAUSE",
                        "Stress-related tension");
        assertThat(text).doesNotContain("!");
    }

    @Test
    void theTextShowsTheSymptomOnlyWarning() {
        Plan edited = PLAN;
        for (Session session : PLAN.sessions()) {
            for (PlanExercise exercise : session.exercises()) {
                if (exercise.causes().contains(Cause.SLEEP_POSITION)) {
                    edited = edited.withoutExercise(exercise.id());
                }
            }
        }
        assertThat(PlanText.format(edited)).contains("  ! This plan treats the symptom only for sleep position");
    }

    @Test
    void todayPrintsTheSessionOrARestDay() {
        assertThat(PlanText.format(PLAN.today(MONDAY)))
                .startsWith("Monday 2026-11-30")
                .contains("Strength and endurance");
        assertThat(PlanText.format(PLAN.today(MONDAY.minusDays(3)))).contains("No session today.");
    }

    @Test
    void theJsonHasTheDocumentedShape() throws Exception {
        var json = backstop.json.Json.mapper().readTree(PLAN.toJson());
        assertThat(json.get("plan_version").asText()).isEqualTo(PlanGenerator.PLAN_VERSION);
        assertThat(json.get("rules_version").asText())
                .isEqualTo(AssessmentRules.load().version());
        var exercise = json.at("/sessions/0/exercises/0");
        assertThat(exercise.has("id")
                        && exercise.has("name")
                        && exercise.has("dose_text")
                        && exercise.has("sets")
                        && exercise.has("reps")
                        && exercise.has("hold_seconds")
                        && exercise.has("estimated_seconds"))
                .isTrue();
        assertThat(json.at("/sessions/0/days_of_week/0").asText()).isEqualTo("TUESDAY");
        assertThat(json.at("/sessions/0/minutes").asInt()).isBetween(1, 15);
        assertThat(json.at("/desk/break_interval_minutes").asInt()).isEqualTo(30);
        assertThat(json.at("/parts/0/kind").asText()).isEqualTo("exercise");
        assertThat(json.at("/coverage/causes/0/status").asText()).isEqualTo("addressed");
        assertThat(json.at("/coverage/warnings").isArray()).isTrue();
    }
}
