package backstop.plan;

import backstop.assessment.FindingKind;
import backstop.exercise.Category;
import backstop.exercise.Dose;
import backstop.exercise.Equipment;
import backstop.exercise.Exercise;
import backstop.exercise.ExerciseCatalogue;
import backstop.exercise.ExerciseFilter;
import backstop.exercise.Step;
import backstop.model.Cause;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Chooses and doses the exercises of the two sessions. Every cause the plan aims at gets an exercise first, then the
 * session is balanced across categories and filled up to the minutes the person has, never beyond. Its fixed choices
 * (running order, areas, how many) are {@link SessionRules}, from the plan's data file.
 */
final class SessionPlanner {
    private static final Set<Category> MOBILITY_SESSION =
            EnumSet.of(Category.MOBILITY, Category.POSTURE_CORRECTION, Category.RELAXATION_BREATHING);
    private static final Set<Category> STRENGTH_WORK = EnumSet.of(Category.STRENGTH, Category.ENDURANCE);
    private final ExerciseCatalogue catalogue;
    private final PlanPreferences preferences;
    private final SessionRules rules;
    private final List<Cause> targets;
    private final Set<FindingKind> findings;

    SessionPlanner(
            ExerciseCatalogue catalogue,
            PlanPreferences preferences,
            SessionRules rules,
            List<Cause> targets,
            Set<FindingKind> findings) {
        this.catalogue = catalogue;
        this.preferences = preferences;
        this.rules = rules;
        this.targets = List.copyOf(targets);
        this.findings = findings.isEmpty() ? EnumSet.noneOf(FindingKind.class) : EnumSet.copyOf(findings);
    }

    List<Session> sessions() {
        List<DayOfWeek> strengthDays = preferences.strengthDays();
        List<DayOfWeek> otherDays = EnumSet.allOf(DayOfWeek.class).stream()
                .filter(day -> !strengthDays.contains(day))
                .toList();
        List<PlanExercise> mobility = mobilitySession();
        List<PlanExercise> strength = strengthSession(mobility);
        if (strength.stream().noneMatch(exercise -> STRENGTH_WORK.contains(exercise.category()))) {
            return List.of(new Session(
                    "mobility",
                    "Daily mobility and posture",
                    Session.Kind.MOBILITY,
                    List.of(DayOfWeek.values()),
                    mobility));
        }
        return List.of(
                new Session("mobility", "Daily mobility and posture", Session.Kind.MOBILITY, otherDays, mobility),
                new Session("strength", "Strength and endurance", Session.Kind.STRENGTH, strengthDays, strength));
    }

    /** Micro-breaks for the desk, at most {@link SessionRules#maxMicroBreaks()}, chosen for the causes; each under a minute. */
    List<PlanExercise> microBreaks() {
        List<Exercise> pool = pool(EnumSet.of(Category.MICRO_BREAK));
        Set<Cause> wanted = EnumSet.of(Cause.POSTURAL_STRAIN);
        wanted.addAll(targets);
        return pool.stream()
                .filter(exercise -> exercise.causes().stream().anyMatch(wanted::contains))
                .sorted(Comparator.comparingInt((Exercise exercise) -> -served(exercise, wanted))
                        .thenComparing(Exercise::id))
                .limit(rules.maxMicroBreaks())
                .map(PlanExercise::of)
                .toList();
    }

    private List<PlanExercise> mobilitySession() {
        Picker picker = new Picker(pool(MOBILITY_SESSION), budgetSeconds());
        for (Cause cause : targets) {
            picker.coverCause(cause, MOBILITY_SESSION);
        }
        if (findings.contains(FindingKind.TRIGGER_POINTS)) {
            // Tender knots: a relaxation and a stretch for the area they sit in (seed article; project judgement).
            picker.ensure(exercise -> exercise.category() == Category.RELAXATION_BREATHING);
            picker.ensure(exercise -> exercise.category() == Category.MOBILITY
                    && exercise.areas().stream().anyMatch(rules.knotAreas()::contains));
        }
        picker.ensure(exercise -> exercise.category() == Category.MOBILITY);
        picker.ensure(exercise -> exercise.category() == Category.POSTURE_CORRECTION);
        picker.fill();
        return picker.inRunningOrder();
    }

    private List<PlanExercise> strengthSession(List<PlanExercise> mobility) {
        Set<Category> allowed = EnumSet.copyOf(STRENGTH_WORK);
        allowed.add(Category.MOBILITY);
        Picker picker = new Picker(pool(allowed), budgetSeconds());
        // A short warm-up from the mobility session, so the day's mobility is done on strength days too.
        mobility.stream()
                .filter(exercise -> exercise.category() == Category.MOBILITY)
                .findFirst()
                .flatMap(exercise -> catalogue.find(exercise.id()))
                .ifPresent(picker::add);
        picker.restrictTo(STRENGTH_WORK);
        for (Cause cause : targets) {
            picker.coverCause(cause, STRENGTH_WORK);
        }
        picker.ensure(exercise -> exercise.category() == Category.STRENGTH);
        picker.ensure(exercise -> exercise.category() == Category.ENDURANCE);
        picker.fill();
        return picker.inRunningOrder();
    }

    private int budgetSeconds() {
        return preferences.minutesPerSession() * 60;
    }

    private List<Exercise> pool(Set<Category> categories) {
        Set<Equipment> atHand = EnumSet.copyOf(preferences.equipment());
        if (findings.contains(FindingKind.NERVE_IRRITATION)) {
            atHand.removeAll(rules.noAddedLoadWithNerveSigns());
        }
        return catalogue.filter(ExerciseFilter.any().withCategories(categories).withAvailable(atHand));
    }

    private int served(Exercise exercise, Set<Cause> wanted) {
        return (int) exercise.causes().stream().filter(wanted::contains).count();
    }

    /** The dose for this person: with nerve signs, strength work starts one step easier. */
    private Dose doseFor(Exercise exercise) {
        if (findings.contains(FindingKind.NERVE_IRRITATION) && exercise.category() == Category.STRENGTH) {
            return exercise.regressions().stream()
                    .filter(Step.ChangeDose.class::isInstance)
                    .map(step -> ((Step.ChangeDose) step).dose())
                    .findFirst()
                    .orElse(exercise.dose());
        }
        return exercise.dose();
    }

    /** Greedy choice within a time budget; the ranking prefers under-used categories and exercises serving more causes. */
    private final class Picker {
        private final List<Exercise> pool;
        private final int budget;
        private final List<PlanExercise> chosen = new ArrayList<>();
        private Set<Category> restrictedTo = EnumSet.allOf(Category.class);

        Picker(List<Exercise> pool, int budget) {
            this.pool = pool;
            this.budget = budget;
        }

        void restrictTo(Set<Category> categories) {
            restrictedTo = EnumSet.copyOf(categories);
        }

        void add(Exercise exercise) {
            PlanExercise planned = PlanExercise.of(exercise, doseFor(exercise));
            if (fits(planned)) {
                chosen.add(planned);
            }
        }

        void coverCause(Cause cause, Set<Category> categories) {
            if (chosen.stream().anyMatch(exercise -> exercise.causes().contains(cause))) {
                return;
            }
            best(exercise -> exercise.causes().contains(cause) && categories.contains(exercise.category()))
                    .ifPresent(this::add);
        }

        void ensure(Predicate<Exercise> wanted) {
            boolean present = chosen.stream()
                    .map(exercise -> catalogue.get(exercise.id()))
                    .anyMatch(wanted);
            if (!present) {
                best(wanted).ifPresent(this::add);
            }
        }

        void fill() {
            while (chosen.size() < rules.maxExercises()) {
                var next = best(exercise -> targets.stream().anyMatch(exercise.causes()::contains));
                if (next.isEmpty()) {
                    return;
                }
                add(next.get());
            }
        }

        List<PlanExercise> inRunningOrder() {
            return chosen.stream()
                    .sorted(Comparator.comparingInt(
                            exercise -> rules.runningOrder().indexOf(exercise.category())))
                    .toList();
        }

        private Optional<Exercise> best(Predicate<Exercise> wanted) {
            Set<Cause> aims = targets.isEmpty() ? EnumSet.noneOf(Cause.class) : EnumSet.copyOf(targets);
            return pool.stream()
                    .filter(exercise -> restrictedTo.contains(exercise.category()))
                    .filter(exercise ->
                            chosen.stream().noneMatch(planned -> planned.id().equals(exercise.id())))
                    .filter(wanted)
                    .filter(exercise -> fits(PlanExercise.of(exercise, doseFor(exercise))))
                    .min(Comparator.comparingLong((Exercise exercise) -> chosen.stream()
                                    .filter(planned -> planned.category() == exercise.category())
                                    .count())
                            .thenComparingInt(exercise -> -served(exercise, aims))
                            .thenComparing(
                                    exercise -> exercise.areas().stream().noneMatch(rules.upperBackAreas()::contains))
                            .thenComparingInt(exercise -> doseFor(exercise).estimatedSeconds())
                            .thenComparing(Exercise::id));
        }

        private boolean fits(PlanExercise candidate) {
            int used = chosen.stream().mapToInt(PlanExercise::estimatedSeconds).sum();
            return used + candidate.estimatedSeconds() <= budget;
        }
    }
}
