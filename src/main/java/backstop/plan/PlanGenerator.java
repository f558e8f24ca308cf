package backstop.plan;

import backstop.assessment.AssessmentResult;
import backstop.assessment.FindingKind;
import backstop.assessment.Urgency;
import backstop.exercise.Category;
import backstop.exercise.ExerciseCatalogue;
import backstop.exercise.ExerciseFilter;
import backstop.model.Cause;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a person's plan from their assessment: exercise sessions aimed at the active causes, a habit part for every
 * cause that scored, and the injection-referral criteria that fit their findings. Pure: the same inputs always give
 * the same plan. Its numbers and the referral criteria come in as {@link PlanRules} (loaded from the data files at
 * start-up); every choice and number is explained, with its source, in docs/clinical.md.
 */
public final class PlanGenerator {
    /** Changes whenever the generator would build a different plan from the same inputs. */
    public static final String PLAN_VERSION = "plan-2";

    private PlanGenerator() {}

    /** A plan with general habit advice (the intake's answers are not at hand). */
    public static Plan build(
            AssessmentResult assessment,
            PlanPreferences preferences,
            ExerciseCatalogue catalogue,
            PlanRules rules,
            LocalDate start) {
        return build(assessment, DailyLife.unknown(), preferences, catalogue, rules, start);
    }

    /**
     * A plan whose habit parts are matched to the person's answers.
     *
     * @throws NoPlanException for an emergency, and for an urgent or soon result a clinician has not cleared
     */
    public static Plan build(
            AssessmentResult assessment,
            DailyLife life,
            PlanPreferences preferences,
            ExerciseCatalogue catalogue,
            PlanRules rules,
            LocalDate start) {
        refuseWhenADoctorComesFirst(assessment, preferences);
        List<CauseFocus> focus = assessment.causes().stream()
                .filter(score -> score.score() > 0)
                .map(score -> new CauseFocus(
                        score.cause(),
                        score.label(),
                        score.score(),
                        assessment.activeCauses().contains(score.cause())))
                .toList();
        Set<FindingKind> findings = EnumSet.noneOf(FindingKind.class);
        assessment.findings().forEach(finding -> findings.add(finding.id()));

        SessionRules sessionRules = rules.sessions();
        List<Cause> aims = aims(focus, sessionRules.generalAims());
        SessionPlanner planner = new SessionPlanner(catalogue, preferences, sessionRules, aims, findings);
        List<Session> sessions = planner.sessions();

        HabitParts advice = new HabitParts(rules.advice());
        List<PlanPart> parts = new ArrayList<>();
        parts.add(exercisePart(sessions, aims, findings, focus.isEmpty()));
        Optional<DeskHabits> desk = Optional.empty();
        for (CauseFocus cause : focus) {
            switch (cause.cause()) {
                case POSTURAL_STRAIN -> {
                    DeskHabits habits = new DeskHabits(
                            rules.breaks().interval(life), planner.microBreaks(), advice.checklist(life));
                    desk = Optional.of(habits);
                    parts.add(advice.desk(cause, habits));
                }
                case MUSCLE_OVERUSE -> parts.add(advice.loadPacing(cause, life));
                case JOINT_IRRITATION -> parts.add(advice.movement(cause, life));
                case SLEEP_POSITION ->
                    parts.add(advice.sleep(
                            cause,
                            life,
                            relaxation(
                                    catalogue, preferences, Cause.SLEEP_POSITION, sessionRules.windDownExercises())));
                case STRESS_TENSION ->
                    parts.add(advice.stress(
                            cause,
                            relaxation(
                                    catalogue,
                                    preferences,
                                    Cause.STRESS_TENSION,
                                    sessionRules.stressRoutineExercises())));
            }
        }
        List<ReferralCriterion> referrals = rules.referrals().criteria().stream()
                .filter(criterion -> findings.contains(criterion.finding()))
                .toList();
        if (!referrals.isEmpty()) {
            parts.add(advice.referral(referrals));
        }
        return new Plan(
                PLAN_VERSION,
                assessment.rulesVersion(),
                start,
                preferences.minutesPerSession(),
                preferences.equipment(),
                focus,
                List.copyOf(findings),
                sessions,
                parts,
                desk,
                referrals);
    }

    private static void refuseWhenADoctorComesFirst(AssessmentResult assessment, PlanPreferences preferences) {
        if (assessment.urgency() == Urgency.EMERGENCY) {
            throw new NoPlanException(
                    Urgency.EMERGENCY,
                    "No plan: your answers need emergency care first. " + assessment.urgencyAdvice());
        }
        if (assessment.urgency() != Urgency.SELF_CARE && !preferences.clearedByClinician()) {
            throw new NoPlanException(
                    assessment.urgency(),
                    "No plan yet: please see a doctor first. " + assessment.urgencyAdvice()
                            + " Once a clinician has seen you and agrees, they can start your plan.");
        }
    }

    /** Active causes by score; without any, the causes that scored; without those, a general program. */
    private static List<Cause> aims(List<CauseFocus> focus, List<Cause> generalAims) {
        List<Cause> active =
                focus.stream().filter(CauseFocus::active).map(CauseFocus::cause).toList();
        if (!active.isEmpty()) {
            return active;
        }
        List<Cause> scored = focus.stream().map(CauseFocus::cause).limit(2).toList();
        return scored.isEmpty() ? generalAims : scored;
    }

    private static PlanPart exercisePart(
            List<Session> sessions, List<Cause> aims, Set<FindingKind> findings, boolean general) {
        List<String> items = new ArrayList<>();
        for (Session session : sessions) {
            items.add(session.name() + ": " + days(session) + ", about " + session.minutes() + " minutes ("
                    + session.exercises().stream().map(PlanExercise::name).collect(Collectors.joining(", ")) + ").");
        }
        items.add("Stop an exercise if pain turns sharp or climbs above 5 out of 10; mild discomfort that settles by "
                + "the next morning is fine.");
        if (findings.contains(FindingKind.NERVE_IRRITATION)) {
            items.add("Because of signs of an irritated nerve, strength work starts a step easier and uses no band or "
                    + "weights. Stop and tell a clinician if tingling, numbness or weakness spreads.");
        }
        if (findings.contains(FindingKind.TRIGGER_POINTS)) {
            items.add("For the tender knots, the daily session includes a relaxation exercise and a stretch for the "
                    + "neck and shoulders.");
        }
        if (findings.contains(FindingKind.INFLAMMATORY_PATTERN)) {
            items.add("Your pain has an inflammatory pattern. Daily movement and regular exercise help with that too, "
                    + "so keep to the sessions, and keep the appointment with the doctor who will assess it: exercise "
                    + "works alongside the treatment they may offer, not instead of it.");
        }
        items.add(
                "Each week Backstop looks at how the exercises felt and suggests the next step up, staying, or a step "
                        + "back.");
        String why = general
                ? "Nothing in your answers stands out, so this is a general program for the upper back. Exercise with a "
                        + "little know-how lowers the chance of pain coming back, as long as you keep it up."
                : "Exercise is the part of the plan that changes things over time: it makes the muscles between your "
                        + "shoulder blades stronger and keeps your upper back moving. The effect lasts as long as the habit.";
        List<String> sources = new ArrayList<>(
                List.of("hayden-2021", "steffens-2016", "chen-2018", "acsm-2009", "garber-2011", "silbernagel-2007"));
        if (findings.contains(FindingKind.INFLAMMATORY_PATTERN)) {
            sources.add("nice-ng65");
        }
        List<String> ids = sessions.stream()
                .flatMap(session -> session.exercises().stream())
                .map(PlanExercise::id)
                .distinct()
                .toList();
        List<Cause> addressed = aims.stream()
                .filter(cause -> sessions.stream()
                        .flatMap(session -> session.exercises().stream())
                        .anyMatch(exercise -> exercise.causes().contains(cause)))
                .toList();
        return new PlanPart(PlanPart.Kind.EXERCISE, addressed, "Exercise sessions", why, items, ids, sources);
    }

    /** Breathing and relaxation exercises for a habit part, with what the person has at hand; those serving more causes first. */
    private static List<PlanExercise> relaxation(
            ExerciseCatalogue catalogue, PlanPreferences preferences, Cause cause, int count) {
        return catalogue
                .filter(ExerciseFilter.any()
                        .withCategories(Set.of(Category.RELAXATION_BREATHING))
                        .withCauses(Set.of(cause))
                        .withAvailable(preferences.equipment()))
                .stream()
                .sorted((first, second) ->
                        Integer.compare(second.causes().size(), first.causes().size()))
                .limit(count)
                .map(PlanExercise::of)
                .toList();
    }

    private static String days(Session session) {
        if (session.daysOfWeek().size() == 7) {
            return "every day";
        }
        return session.daysOfWeek().stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }
}
