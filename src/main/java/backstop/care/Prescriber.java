package backstop.care;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.exercise.Dose;
import backstop.exercise.Exercise;
import backstop.exercise.ExerciseCatalogue;
import backstop.plan.DeskHabits;
import backstop.plan.Plan;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPart;
import backstop.plan.Session;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a clinician's changes to a plan, in order, without touching storage: the result is the plan the preview
 * shows and the save stores. Every wrong change is named ({@code changes[2].exercise_id}) and nothing is applied.
 */
public final class Prescriber {
    /** What the clinician may write into a habit part. */
    static final Set<PlanPart.Kind> HABIT_KINDS = Set.of(
            PlanPart.Kind.DESK_HABITS,
            PlanPart.Kind.LOAD_PACING,
            PlanPart.Kind.MOVEMENT,
            PlanPart.Kind.SLEEP,
            PlanPart.Kind.STRESS);

    static final int MAX_TITLE = 80;
    static final int MAX_ITEMS = 10;
    static final int MAX_ITEM = 300;
    /** The source key of a part a clinician wrote (docs/clinical.md). */
    static final String CLINICIAN_SOURCE = "clinician";

    private Prescriber() {}

    /** The plan after the changes, the exercises held, and each change in words. */
    public record Result(Plan plan, List<String> held, List<String> described) {
        public Result {
            held = List.copyOf(held);
            described = List.copyOf(described);
        }
    }

    public static Result apply(Plan plan, List<String> held, List<Change> changes, ExerciseCatalogue catalogue) {
        if (changes.isEmpty()) {
            throw new BadInputException("changes", "make at least one change");
        }
        Plan next = plan;
        Set<String> holds = new LinkedHashSet<>(held);
        List<String> described = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int index = 0; index < changes.size(); index++) {
            String at = "changes[" + index + "]";
            Change change = changes.get(index);
            try {
                if (change == null) {
                    throw new BadInputException("", "is empty");
                }
                Step step = step(next, holds, change, catalogue);
                next = step.plan();
                described.add(step.text());
            } catch (BadInputException e) {
                for (FieldError error : e.errors()) {
                    errors.add(
                            new FieldError(error.field().isEmpty() ? at : at + "." + error.field(), error.message()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        // Only exercises still in the plan can be held.
        Plan result = next;
        holds.removeIf(id -> result.exercise(id).isEmpty());
        return new Result(result, List.copyOf(holds), described);
    }

    private record Step(Plan plan, String text) {}

    private static Step step(Plan plan, Set<String> holds, Change change, ExerciseCatalogue catalogue) {
        if (change instanceof Change.RemoveExercise remove) {
            PlanExercise exercise = inPlanOrBreaks(plan, remove.exerciseId());
            holds.remove(exercise.id());
            return new Step(plan.withoutExercise(exercise.id()), "Removed " + exercise.name());
        }
        if (change instanceof Change.AddExercise add) {
            Session session = session(plan, add.sessionId());
            Exercise exercise = library(catalogue, add.exerciseId(), "exercise_id");
            if (session.contains(exercise.id())) {
                throw new BadInputException("exercise_id", session.name() + " has " + exercise.name() + " already");
            }
            return new Step(
                    plan.withExercise(session.id(), PlanExercise.of(exercise)),
                    "Added " + exercise.name() + " to " + session.name() + " ("
                            + PlanExercise.of(exercise).doseText() + ")");
        }
        if (change instanceof Change.SwapExercise swap) {
            PlanExercise old = inSessions(plan, swap.exerciseId(), "exercise_id");
            Exercise exercise = library(catalogue, swap.forExerciseId(), "for_exercise_id");
            if (exercise.id().equals(old.id())) {
                throw new BadInputException("for_exercise_id", "is the same exercise");
            }
            holds.remove(old.id());
            return new Step(
                    plan.withExerciseReplaced(old.id(), PlanExercise.of(exercise)),
                    "Swapped " + old.name() + " for " + exercise.name());
        }
        if (change instanceof Change.SetDose dose) {
            PlanExercise old = inSessions(plan, dose.exerciseId(), "exercise_id");
            Exercise exercise = library(catalogue, old.id(), "exercise_id");
            PlanExercise changed = PlanExercise.of(exercise, dose(old.dose(), dose));
            return new Step(
                    plan.withExerciseReplaced(old.id(), changed),
                    "Dose of " + old.name() + ": " + old.doseText() + " → " + changed.doseText());
        }
        if (change instanceof Change.SetDays days) {
            Session session = session(plan, days.sessionId());
            if (days.days().isEmpty()
                    || Set.copyOf(days.days()).size() != days.days().size()) {
                throw new BadInputException("days", "name 1 to 7 different days");
            }
            Session changed =
                    new Session(session.id(), session.name(), session.kind(), days.days(), session.exercises());
            return new Step(
                    withSessions(
                            plan,
                            plan.sessions().stream()
                                    .map(s -> s.id().equals(session.id()) ? changed : s)
                                    .toList()),
                    session.name() + " on " + dayNames(changed.daysOfWeek()));
        }
        if (change instanceof Change.HoldProgression hold) {
            PlanExercise exercise = inSessions(plan, hold.exerciseId(), "exercise_id");
            if (hold.hold()) {
                holds.add(exercise.id());
            } else {
                holds.remove(exercise.id());
            }
            return new Step(
                    plan, (hold.hold() ? "Progression held for " : "Progression resumes for ") + exercise.name());
        }
        if (change instanceof Change.SetBreakInterval interval) {
            DeskHabits desk =
                    plan.desk().orElseThrow(() -> new BadInputException("minutes", "this plan has no desk part"));
            if (interval.minutes() < 15 || interval.minutes() > 90) {
                throw new BadInputException("minutes", "must be 15 to 90 minutes, was " + interval.minutes());
            }
            return new Step(
                    withBreakInterval(plan, desk, interval.minutes()),
                    "Desk breaks every " + interval.minutes() + " minutes (was " + desk.breakIntervalMinutes() + ")");
        }
        if (change instanceof Change.RemovePart remove) {
            if (remove.kind() == null || remove.kind() == PlanPart.Kind.EXERCISE) {
                throw new BadInputException("kind", "name a habit or referral part; remove exercises one by one");
            }
            PlanPart part = plan.parts().stream()
                    .filter(p -> p.kind() == remove.kind())
                    .findFirst()
                    .orElseThrow(() -> new BadInputException("kind", "this plan has no such part"));
            return new Step(plan.withoutPart(remove.kind()), "Removed the part \"" + part.title() + "\"");
        }
        if (change instanceof Change.AddHabit habit) {
            List<FieldError> errors = new ArrayList<>();
            if (habit.kind() == null || !HABIT_KINDS.contains(habit.kind())) {
                errors.add(new FieldError("kind", "must be one of desk_habits, load_pacing, movement, sleep, stress"));
            }
            if (habit.causes().isEmpty()) {
                errors.add(new FieldError("causes", "name at least one cause the habit addresses"));
            }
            String title = habit.title() == null ? "" : habit.title().strip();
            if (title.isEmpty() || title.length() > MAX_TITLE) {
                errors.add(new FieldError("title", "write a title of 1 to " + MAX_TITLE + " characters"));
            }
            List<String> items = habit.items().stream()
                    .map(item -> item == null ? "" : item.strip())
                    .filter(item -> !item.isEmpty())
                    .toList();
            if (items.isEmpty() || items.size() > MAX_ITEMS) {
                errors.add(new FieldError("items", "write 1 to " + MAX_ITEMS + " things to do"));
            }
            if (items.stream().anyMatch(item -> item.length() > MAX_ITEM)) {
                errors.add(new FieldError("items", "each is at most " + MAX_ITEM + " characters"));
            }
            if (!errors.isEmpty()) {
                throw new BadInputException(errors);
            }
            PlanPart part = new PlanPart(
                    habit.kind(),
                    habit.causes(),
                    title,
                    "Added by your clinician for you.",
                    items,
                    List.of(),
                    List.of(CLINICIAN_SOURCE));
            return new Step(
                    plan.withPart(part),
                    "Added the habit \"" + title + "\" for "
                            + habit.causes().stream()
                                    .map(cause -> cause.label().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    /** The new numbers with the old habits of the exercise; the time estimate keeps the share of rests. */
    static Dose dose(Dose old, Change.SetDose change) {
        try {
            Dose trial = new Dose(
                    change.sets(), change.reps(), change.holdSeconds(), old.eachSide(), old.times(), old.per(), 1800);
            int work = trial.workSeconds();
            int estimate = (int) Math.ceil((double) old.estimatedSeconds() * work / old.workSeconds());
            return new Dose(
                    change.sets(),
                    change.reps(),
                    change.holdSeconds(),
                    old.eachSide(),
                    old.times(),
                    old.per(),
                    Math.min(1800, Math.max(work, estimate)));
        } catch (BadInputException e) {
            List<FieldError> errors = e.errors().stream()
                    .filter(error -> !error.field().equals("estimated_seconds"))
                    .toList();
            throw errors.isEmpty()
                    ? new BadInputException("sets", "this dose takes more than 30 minutes a bout")
                    : new BadInputException(errors);
        }
    }

    private static Plan withBreakInterval(Plan plan, DeskHabits desk, int minutes) {
        DeskHabits changed = new DeskHabits(minutes, desk.microBreak(), desk.checklist());
        String prefix = "Stand up and move every ";
        List<PlanPart> parts = plan.parts().stream()
                .map(part -> part.kind() != PlanPart.Kind.DESK_HABITS
                        ? part
                        : new PlanPart(
                                part.kind(),
                                part.causes(),
                                part.title(),
                                part.why(),
                                part.items().stream()
                                        .map(item -> item.startsWith(prefix)
                                                ? prefix + minutes + " minutes while you work at a desk. Each break"
                                                        + " takes under a minute."
                                                : item)
                                        .toList(),
                                part.exerciseIds(),
                                part.sources()))
                .toList();
        return new Plan(
                plan.planVersion(),
                plan.rulesVersion(),
                plan.start(),
                plan.minutesPerSession(),
                plan.equipment(),
                plan.causes(),
                plan.findings(),
                plan.sessions(),
                parts,
                Optional.of(changed),
                plan.referralCriteria());
    }

    private static Plan withSessions(Plan plan, List<Session> sessions) {
        return new Plan(
                plan.planVersion(),
                plan.rulesVersion(),
                plan.start(),
                plan.minutesPerSession(),
                plan.equipment(),
                plan.causes(),
                plan.findings(),
                sessions,
                plan.parts(),
                plan.desk(),
                plan.referralCriteria());
    }

    private static Session session(Plan plan, String id) {
        return plan.sessions().stream()
                .filter(session -> session.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new BadInputException("session_id", "this plan has no session '" + id + "'"));
    }

    private static PlanExercise inSessions(Plan plan, String id, String field) {
        return plan.exercise(id == null ? "" : id)
                .orElseThrow(() -> new BadInputException(field, "'" + id + "' is not in the plan's sessions"));
    }

    private static PlanExercise inPlanOrBreaks(Plan plan, String id) {
        Optional<PlanExercise> found = plan.exercise(id == null ? "" : id);
        if (found.isEmpty()) {
            found = plan.desk()
                    .flatMap(desk -> desk.microBreak().stream()
                            .filter(exercise -> exercise.id().equals(id))
                            .findFirst());
        }
        return found.orElseThrow(() -> new BadInputException("exercise_id", "'" + id + "' is not in the plan"));
    }

    private static Exercise library(ExerciseCatalogue catalogue, String id, String field) {
        return catalogue
                .find(id == null ? "" : id)
                .orElseThrow(() -> new BadInputException(field, "'" + id + "' is not in the exercise library"));
    }

    static String dayNames(List<DayOfWeek> days) {
        return days.stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }
}
