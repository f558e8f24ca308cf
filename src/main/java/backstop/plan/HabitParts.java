package backstop.plan;

import backstop.assessment.Intake;
import java.util.ArrayList;
import java.util.List;

/**
 * The habit parts of a plan, one per cause, in plain words written for Backstop and matched to the person's own
 * answers where they are known. Sources: docs/clinical.md.
 */
final class HabitParts {
    private HabitParts() {}

    static PlanPart desk(CauseFocus focus, DeskHabits habits) {
        List<String> items = new ArrayList<>();
        items.add("Stand up and move every " + habits.breakIntervalMinutes() + " minutes while you work at a desk. "
                + "Each break takes under a minute.");
        for (PlanExercise exercise : habits.microBreak()) {
            items.add("At a break: " + exercise.name() + " (" + exercise.doseText() + ").");
        }
        items.addAll(habits.checklist());
        return new PlanPart(
                PlanPart.Kind.DESK_HABITS,
                List.of(focus.cause()),
                "Desk habits",
                lead(focus) + "Long still spells at a screen load the upper back. Breaks and a better setup support "
                        + "the exercises; on their own they change pain less than exercise does, and your diary will "
                        + "show whether they help you.",
                items,
                habits.microBreak().stream().map(PlanExercise::id).toList(),
                List.of("luger-2019", "chen-2018", "seed-article", "project-judgement"));
    }

    static List<String> checklist(DailyLife life) {
        List<String> items = new ArrayList<>();
        if (life.workstation().isEmpty()) {
            items.add("Screen: the top edge at about eye level, an arm's length away.");
            items.add("Laptop: add a separate keyboard and mouse and raise the laptop on a stand or books.");
            items.add("Chair: feet flat, elbows about level with the desk, your back against the backrest.");
        } else {
            Intake.Workstation station = life.workstation().get();
            switch (station.setup()) {
                case LAPTOP_ONLY ->
                    items.add("Laptop: add a separate keyboard and mouse, and raise the laptop on a "
                            + "stand or a pile of books so you look straight ahead, not down.");
                case NO_DESK ->
                    items.add("Without a desk, hold or prop the screen at eye level rather than looking "
                            + "down into your lap.");
                case EXTERNAL_SCREEN -> items.add("Screen: straight in front of you, about an arm's length away.");
            }
            switch (station.screenHeight()) {
                case BELOW_EYE_LEVEL ->
                    items.add("Raise the screen until its top edge is at about eye level, so your "
                            + "head does not lean forward to read.");
                case ABOVE_EYE_LEVEL -> items.add("Lower the screen a little so you do not tip your head back.");
                case AT_EYE_LEVEL -> items.add("Your screen height is right: keep it there when you move desks.");
            }
            switch (station.chair()) {
                case NO_BACK_SUPPORT ->
                    items.add("Sit with your back supported: a chair with a backrest, or a cushion "
                            + "or rolled towel behind your lower back.");
                case BASIC_CHAIR ->
                    items.add("Set your seat so your feet rest flat and your elbows are about level "
                            + "with the desk; a small cushion behind the lower back helps you sit back.");
                case ADJUSTABLE_WITH_BACK_SUPPORT ->
                    items.add("Check your chair once: seat height, the backrest "
                            + "touching your back, armrests low enough for your shoulders to stay down.");
            }
        }
        items.add("Keep what you use most within easy reach, so you do not stretch or twist for it.");
        return items;
    }

    static PlanPart loadPacing(CauseFocus focus, DailyLife life) {
        List<String> items = new ArrayList<>();
        items.add("Spread lifting and carrying over the day instead of doing it all at once.");
        // Heavy loads count wherever they are lifted (intake version 2 asks how heavy), not only frequent ones.
        boolean liftsOften = life.load()
                .map(load -> load.lifting() == Intake.Frequency.OFTEN
                        || load.heaviestLoad().orElse(Intake.HeaviestLoad.NONE) == Intake.HeaviestLoad.HEAVY)
                .orElse(true);
        if (liftsOften) {
            items.add("When you lift: hold the load close, turn with your feet rather than your back, and split or "
                    + "share heavy loads.");
        }
        boolean armWork = life.load()
                .map(load -> load.armWork() != Intake.Frequency.NEVER)
                .orElse(true);
        if (armWork) {
            items.add("Work with raised or outstretched arms in blocks; between blocks, lower your arms and roll your "
                    + "shoulders for a few breaths. Switch arms or tasks where you can.");
        }
        boolean trains = life.load()
                .map(load -> load.sport().contains(Intake.Sport.OVERHEAD_SPORT)
                        || load.sport().contains(Intake.Sport.WEIGHT_TRAINING))
                .orElse(false);
        if (trains) {
            items.add("For overhead sport or weight training, raise the load a little at a time and warm up your upper "
                    + "back first; the mobility session makes a good warm-up.");
        }
        items.add("After a heavy day, do the mobility session instead of the strength session. Keeping the habit "
                + "matters more than any one day's load.");
        return new PlanPart(
                PlanPart.Kind.LOAD_PACING,
                List.of(focus.cause()),
                "Load pacing",
                lead(focus) + "Repeated lifting and long arm work tire the muscles of the upper back. Spreading the "
                        + "load gives them time to recover while the strength work makes them able to take more.",
                items,
                List.of(),
                List.of("seed-article", "acsm-2009", "project-judgement"));
    }

    static PlanPart movement(CauseFocus focus, DailyLife life) {
        List<String> items = new ArrayList<>();
        items.add("Keep moving through the day: gentle movement usually helps a stiff, irritated back more than rest.");
        items.add("If a movement brings on sharp pain, make it smaller or slower rather than avoiding it altogether.");
        boolean twistingSport = life.load()
                .map(load -> load.sport().contains(Intake.Sport.TWISTING_SPORT))
                .orElse(true);
        if (twistingSport) {
            items.add("Before golf, racket sports or rowing, warm up with the rotation exercises of your plan.");
        }
        return new PlanPart(
                PlanPart.Kind.MOVEMENT,
                List.of(focus.cause()),
                "Movement through the day",
                lead(focus) + "Joints of the upper back and ribs settle with regular, easy movement; the mobility "
                        + "exercises keep them moving through their full range.",
                items,
                List.of(),
                List.of("seed-article", "project-judgement"));
    }

    static PlanPart sleep(CauseFocus focus, DailyLife life, List<PlanExercise> windDown) {
        List<String> items = new ArrayList<>();
        if (life.sleep().isEmpty()) {
            items.add("Sleep on your back or side rather than your stomach, which twists the neck for hours.");
            items.add("Choose a pillow that keeps your head level with your spine: not stacked, not missing.");
        } else {
            Intake.Sleep sleep = life.sleep().get();
            switch (sleep.position()) {
                case STOMACH ->
                    items.add("Lying on your stomach turns your neck and arches your upper back for hours. "
                            + "Start the night on your side or back; a long pillow along your front makes rolling over less "
                            + "likely.");
                case SIDE ->
                    items.add("On your side, keep your head in line with your spine, with a pillow between "
                            + "your knees and one to hug so the top shoulder does not roll forward.");
                case MIXED ->
                    items.add("You change position in the night, which is fine. Try to fall asleep on your "
                            + "back or side rather than your stomach.");
                case BACK -> items.add("Sleeping on your back is kind to the upper back; keep doing it.");
            }
            switch (sleep.pillow()) {
                case HIGH_OR_STACKED ->
                    items.add("Use one pillow instead of a stack: high pillows push your head "
                            + "forward or sideways all night.");
                case NONE, FLAT ->
                    items.add(
                            sleep.position() == Intake.SleepPosition.BACK
                                    ? "A flat pillow suits back sleeping; a small rolled towel under the neck can add support."
                                    : "On your side a flat pillow lets your head drop; use a thicker one, or fold a towel under it, "
                                            + "so it fills the gap between ear and mattress.");
                case MEDIUM -> items.add("A medium pillow suits most people; keep it.");
            }
            if (sleep.morningStiffness()) {
                items.add("For morning stiffness, do the first exercise of your session soon after getting up.");
            }
        }
        for (PlanExercise exercise : windDown) {
            items.add("Before sleep: " + exercise.name() + " (" + exercise.doseText() + ").");
        }
        return new PlanPart(
                PlanPart.Kind.SLEEP,
                List.of(focus.cause()),
                "Sleep position",
                lead(focus)
                        + "Hours in one position load the shoulders, ribs and spine. A kinder position and the right "
                        + "pillow take that load away every night.",
                items,
                windDown.stream().map(PlanExercise::id).toList(),
                List.of("seed-article", "project-judgement"));
    }

    static PlanPart stress(CauseFocus focus, List<PlanExercise> routine) {
        List<String> items = new ArrayList<>();
        items.add("Once a day, at a time you can keep (after work, or before sleep), do a short breathing routine:");
        for (PlanExercise exercise : routine) {
            items.add(exercise.name() + " (" + exercise.doseText() + ").");
        }
        items.add(
                "When you notice your shoulders creeping up or your jaw tight, take three slow breaths and let them drop.");
        items.add("Note your stress level in the daily check-in, so your diary can show whether stress and pain move "
                + "together for you.");
        return new PlanPart(
                PlanPart.Kind.STRESS,
                List.of(focus.cause()),
                "Stress and tension",
                lead(focus) + "Stress tightens the muscles of the neck and upper back, often as a band-like ache. Slow "
                        + "breathing helps the body switch towards rest.",
                items,
                routine.stream().map(PlanExercise::id).toList(),
                List.of("seed-article", "zaccaro-2018", "project-judgement"));
    }

    static PlanPart referral(List<ReferralCriterion> criteria) {
        List<String> items = new ArrayList<>();
        for (ReferralCriterion criterion : criteria) {
            items.add(criterion.title() + ": " + criterion.askWhen() + " " + criterion.framing());
        }
        items.add("Any new weakness, numbness, trouble walking, or bladder or bowel change: stop the plan and get help "
                + "the same day.");
        return new PlanPart(
                PlanPart.Kind.INJECTION_REFERRAL,
                List.of(),
                "When to ask a clinician about injections",
                "Injections are not part of the plan. For some people they calm pain enough to make the exercises "
                        + "possible; these are the signs that it is worth asking.",
                items,
                List.of(),
                criteria.stream()
                        .flatMap(criterion -> criterion.sources().stream())
                        .distinct()
                        .toList());
    }

    /** A first sentence for causes with some evidence but under the threshold: worth small habits, not a full program. */
    private static String lead(CauseFocus focus) {
        return focus.active()
                ? ""
                : "A few of your answers point to this, though not strongly; small habits now can "
                        + "keep it from growing. ";
    }
}
