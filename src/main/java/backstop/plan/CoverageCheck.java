package backstop.plan;

import backstop.assessment.AssessmentResult;
import backstop.model.Cause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a plan (as generated, or as a clinician edited it) against the causes of an assessment. Exercise is the core
 * of treatment (hayden-2021, steffens-2016, chen-2018) and breaks or ergonomic changes alone have weak evidence
 * (luger-2019, chen-2018), so a cause with evidence counts as addressed only when an exercise in the sessions works
 * on it; habits alone still get the warning.
 */
public final class CoverageCheck {
    static final String SYMPTOM_ONLY = "This plan treats the symptom only";

    private CoverageCheck() {}

    /** Coverage of the causes of this assessment (for example a newer one than the plan was built from). */
    public static Coverage check(AssessmentResult assessment, Plan plan) {
        List<CauseFocus> causes = assessment.causes().stream()
                .map(score -> new CauseFocus(
                        score.cause(),
                        score.label(),
                        score.score(),
                        assessment.activeCauses().contains(score.cause())))
                .toList();
        return check(causes, plan);
    }

    /** Coverage of the causes the plan was built from. */
    public static Coverage check(Plan plan) {
        return check(plan.causes(), plan);
    }

    private static Coverage check(List<CauseFocus> causes, Plan plan) {
        List<Coverage.CauseCoverage> result = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (CauseFocus focus : causes) {
            List<String> exercises = plan.sessions().stream()
                    .flatMap(session -> session.exercises().stream())
                    .filter(exercise -> exercise.causes().contains(focus.cause()))
                    .map(PlanExercise::id)
                    .distinct()
                    .toList();
            List<String> habits = plan.parts().stream()
                    .filter(part -> part.kind() != PlanPart.Kind.EXERCISE && part.addresses(focus.cause()))
                    .map(PlanPart::title)
                    .toList();
            Coverage.Status status = !exercises.isEmpty()
                    ? Coverage.Status.ADDRESSED
                    : habits.isEmpty() ? Coverage.Status.NOT_ADDRESSED : Coverage.Status.HABITS_ONLY;
            Optional<String> warning = focus.active() && status != Coverage.Status.ADDRESSED
                    ? Optional.of(warning(focus.cause(), status))
                    : Optional.empty();
            warning.ifPresent(warnings::add);
            result.add(new Coverage.CauseCoverage(
                    focus.cause(), focus.label(), focus.score(), focus.active(), exercises, habits, status, warning));
        }
        return new Coverage(result, warnings);
    }

    private static String warning(Cause cause, Coverage.Status status) {
        String name = cause.label().toLowerCase(Locale.ROOT);
        return status == Coverage.Status.HABITS_ONLY
                ? SYMPTOM_ONLY + " for " + name + ": only habits address it, and no exercise in the sessions works on "
                        + "it. Habits help, but exercise is what changes it over time."
                : SYMPTOM_ONLY + " for " + name + ": the assessment found signs of it, and nothing in the plan works "
                        + "on it.";
    }
}
