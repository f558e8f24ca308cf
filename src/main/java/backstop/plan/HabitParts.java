package backstop.plan;

import backstop.assessment.Intake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The habit parts of a plan, one per cause, matched to the person's own answers where they are known. The words are
 * data ({@link HabitAdvice}, written for Backstop); which line fits which answer is decided here. Sources:
 * docs/clinical.md.
 */
final class HabitParts {
    private final HabitAdvice advice;

    HabitParts(HabitAdvice advice) {
        this.advice = advice;
    }

    PlanPart desk(CauseFocus focus, DeskHabits habits) {
        PlanPart.Kind kind = PlanPart.Kind.DESK_HABITS;
        List<String> items = new ArrayList<>();
        items.add(advice.line(kind, "break_every", Map.of("minutes", String.valueOf(habits.breakIntervalMinutes()))));
        for (PlanExercise exercise : habits.microBreak()) {
            items.add(advice.line(kind, "at_a_break", exercise(exercise)));
        }
        items.addAll(habits.checklist());
        return part(
                kind,
                focus,
                items,
                habits.microBreak().stream().map(PlanExercise::id).toList());
    }

    List<String> checklist(DailyLife life) {
        PlanPart.Kind kind = PlanPart.Kind.DESK_HABITS;
        List<String> items = new ArrayList<>();
        if (life.workstation().isEmpty()) {
            items.add(advice.line(kind, "general_screen"));
            items.add(advice.line(kind, "general_laptop"));
            items.add(advice.line(kind, "general_chair"));
        } else {
            Intake.Workstation station = life.workstation().get();
            items.add(advice.line(kind, HabitAdvice.answer("setup", station.setup())));
            items.add(advice.line(kind, HabitAdvice.answer("screen", station.screenHeight())));
            items.add(advice.line(kind, HabitAdvice.answer("chair", station.chair())));
        }
        items.add(advice.line(kind, "within_reach"));
        return items;
    }

    PlanPart loadPacing(CauseFocus focus, DailyLife life) {
        PlanPart.Kind kind = PlanPart.Kind.LOAD_PACING;
        List<String> items = new ArrayList<>();
        items.add(advice.line(kind, "spread"));
        // Heavy loads count wherever they are lifted (intake version 2 asks how heavy), not only frequent ones.
        boolean liftsOften = life.load()
                .map(load -> load.lifting() == Intake.Frequency.OFTEN
                        || load.heaviestLoad().orElse(Intake.HeaviestLoad.NONE) == Intake.HeaviestLoad.HEAVY)
                .orElse(true);
        if (liftsOften) {
            items.add(advice.line(kind, "lifting"));
        }
        boolean armWork = life.load()
                .map(load -> load.armWork() != Intake.Frequency.NEVER)
                .orElse(true);
        if (armWork) {
            items.add(advice.line(kind, "arm_work"));
        }
        boolean trains = life.load()
                .map(load -> load.sport().contains(Intake.Sport.OVERHEAD_SPORT)
                        || load.sport().contains(Intake.Sport.WEIGHT_TRAINING))
                .orElse(false);
        if (trains) {
            items.add(advice.line(kind, "training"));
        }
        items.add(advice.line(kind, "heavy_day"));
        return part(kind, focus, items, List.of());
    }

    PlanPart movement(CauseFocus focus, DailyLife life) {
        PlanPart.Kind kind = PlanPart.Kind.MOVEMENT;
        List<String> items = new ArrayList<>();
        items.add(advice.line(kind, "keep_moving"));
        items.add(advice.line(kind, "smaller"));
        boolean twistingSport = life.load()
                .map(load -> load.sport().contains(Intake.Sport.TWISTING_SPORT))
                .orElse(true);
        if (twistingSport) {
            items.add(advice.line(kind, "twisting_sport"));
        }
        return part(kind, focus, items, List.of());
    }

    PlanPart sleep(CauseFocus focus, DailyLife life, List<PlanExercise> windDown) {
        PlanPart.Kind kind = PlanPart.Kind.SLEEP;
        List<String> items = new ArrayList<>();
        if (life.sleep().isEmpty()) {
            items.add(advice.line(kind, "general_position"));
            items.add(advice.line(kind, "general_pillow"));
        } else {
            Intake.Sleep sleep = life.sleep().get();
            items.add(advice.line(kind, HabitAdvice.answer("position", sleep.position())));
            String pillow = switch (sleep.pillow()) {
                case HIGH_OR_STACKED -> "pillow_high_or_stacked";
                case NONE, FLAT ->
                    sleep.position() == Intake.SleepPosition.BACK ? "pillow_flat_on_back" : "pillow_flat_otherwise";
                case MEDIUM -> "pillow_medium";
            };
            items.add(advice.line(kind, pillow));
            if (sleep.morningStiffness()) {
                items.add(advice.line(kind, "morning_stiffness"));
            }
        }
        for (PlanExercise exercise : windDown) {
            items.add(advice.line(kind, "before_sleep", exercise(exercise)));
        }
        return part(kind, focus, items, windDown.stream().map(PlanExercise::id).toList());
    }

    PlanPart stress(CauseFocus focus, List<PlanExercise> routine) {
        PlanPart.Kind kind = PlanPart.Kind.STRESS;
        List<String> items = new ArrayList<>();
        items.add(advice.line(kind, "routine"));
        for (PlanExercise exercise : routine) {
            items.add(advice.line(kind, "routine_exercise", exercise(exercise)));
        }
        items.add(advice.line(kind, "shoulders"));
        items.add(advice.line(kind, "check_in"));
        return part(kind, focus, items, routine.stream().map(PlanExercise::id).toList());
    }

    PlanPart referral(List<ReferralCriterion> criteria) {
        PlanPart.Kind kind = PlanPart.Kind.INJECTION_REFERRAL;
        HabitAdvice.Part words = advice.part(kind);
        List<String> items = new ArrayList<>();
        for (ReferralCriterion criterion : criteria) {
            items.add(advice.line(
                    kind,
                    "criterion",
                    Map.of(
                            "title", criterion.title(),
                            "ask_when", criterion.askWhen(),
                            "framing", criterion.framing())));
        }
        items.add(advice.line(kind, "red_flags"));
        return new PlanPart(
                kind,
                List.of(),
                words.title(),
                words.why(),
                items,
                List.of(),
                criteria.stream()
                        .flatMap(criterion -> criterion.sources().stream())
                        .distinct()
                        .toList());
    }

    private PlanPart part(PlanPart.Kind kind, CauseFocus focus, List<String> items, List<String> exerciseIds) {
        HabitAdvice.Part words = advice.part(kind);
        // A cause with some evidence but under the threshold: worth small habits, not a full program.
        String lead = focus.active() ? "" : advice.leadWeakCause();
        return new PlanPart(
                kind, List.of(focus.cause()), words.title(), lead + words.why(), items, exerciseIds, words.sources());
    }

    private static Map<String, String> exercise(PlanExercise exercise) {
        return Map.of("exercise", exercise.name(), "dose", exercise.doseText());
    }
}
