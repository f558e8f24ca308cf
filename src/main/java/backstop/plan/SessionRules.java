package backstop.plan;

import backstop.exercise.BodyArea;
import backstop.exercise.Category;
import backstop.exercise.Equipment;
import backstop.model.Cause;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the session planner holds fixed (project judgement unless docs/clinical.md names another source). Shipped in
 * {@code plan/plan-rules-v1.json}.
 *
 * @param maxExercises enough variety to balance a session, few enough to learn them well
 * @param maxMicroBreaks micro-breaks offered for the desk
 * @param windDownExercises breathing exercises before sleep in the sleep part
 * @param stressRoutineExercises breathing exercises of the daily routine in the stress part
 * @param runningOrder the order a session runs in: loosen up, set posture, work, hold, calm down (every category
 *     a session can hold)
 * @param generalAims with nothing standing out, a general program for the upper back (steffens-2016)
 * @param knotAreas where tender knots usually sit: the stretch for them works on one of these areas
 * @param upperBackAreas given the choice, work where the pain is: the upper back itself before its neighbours
 * @param noAddedLoadWithNerveSigns with signs of an irritated nerve, none of this equipment
 */
public record SessionRules(
        int maxExercises,
        int maxMicroBreaks,
        int windDownExercises,
        int stressRoutineExercises,
        List<Category> runningOrder,
        List<Cause> generalAims,
        Set<BodyArea> knotAreas,
        Set<BodyArea> upperBackAreas,
        Set<Equipment> noAddedLoadWithNerveSigns) {
    public SessionRules {
        PlanRules.within("max_exercises", maxExercises, 3, 12);
        PlanRules.within("max_micro_breaks", maxMicroBreaks, 1, 6);
        PlanRules.within("wind_down_exercises", windDownExercises, 0, 3);
        PlanRules.within("stress_routine_exercises", stressRoutineExercises, 1, 3);
        runningOrder = List.copyOf(PlanRules.present("running_order", runningOrder));
        Set<Category> sessionCategories = EnumSet.complementOf(EnumSet.of(Category.MICRO_BREAK));
        if (!runningOrder.containsAll(sessionCategories)
                || runningOrder.size() != sessionCategories.size()
                || runningOrder.contains(Category.MICRO_BREAK)) {
            throw new IllegalArgumentException(
                    "running_order must name each of " + sessionCategories + " once, was " + runningOrder);
        }
        generalAims = List.copyOf(PlanRules.nonEmpty("general_aims", generalAims));
        knotAreas = Set.copyOf(PlanRules.nonEmpty("knot_areas", knotAreas));
        upperBackAreas = Set.copyOf(PlanRules.nonEmpty("upper_back_areas", upperBackAreas));
        noAddedLoadWithNerveSigns =
                Set.copyOf(PlanRules.present("no_added_load_with_nerve_signs", noAddedLoadWithNerveSigns));
        if (noAddedLoadWithNerveSigns.contains(Equipment.NONE)) {
            throw new IllegalArgumentException("no_added_load_with_nerve_signs must not name none");
        }
    }
}
