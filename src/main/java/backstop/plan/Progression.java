package backstop.plan;

import backstop.exercise.Dose;
import backstop.exercise.Equipment;
import backstop.exercise.Exercise;
import backstop.exercise.ExerciseCatalogue;
import backstop.exercise.Step;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The weekly step of one exercise by the pain-monitoring model (silbernagel-2007): if pain during the sessions stayed
 * acceptable and was back to its pre-session level by the next morning, and the planned work was done, step up;
 * if pain went above the acceptable level, stay; if it went far above, or was too high in most sessions, step back.
 * Steps come from the catalogue: the exercise's progressions and regressions, in order.
 */
public final class Progression {
    private final ExerciseCatalogue catalogue;
    private final Set<Equipment> atHand;

    /** {@code atHand}: the equipment the person has ({@link Plan#equipment()}); steps needing more are skipped. */
    public Progression(ExerciseCatalogue catalogue, Set<Equipment> atHand) {
        this.catalogue = catalogue;
        Set<Equipment> equipment = EnumSet.of(Equipment.NONE);
        equipment.addAll(atHand);
        this.atHand = equipment;
    }

    /** Decides next week's exercise and dose from last week's logs of this exercise (logs of others are ignored). */
    public Decision weekly(PlanExercise current, List<SessionLog> lastWeek, ProgressionRules rules) {
        List<SessionLog> logs = lastWeek.stream()
                .filter(log -> log.exerciseId().equals(current.id()))
                .toList();
        int count = logs.size();
        if (count < rules.minSessions()) {
            return hold(
                    current,
                    rules,
                    count + (count == 1 ? " session was" : " sessions were") + " logged last week; "
                            + rules.minSessions() + " are needed to judge, so the dose stays the same.");
        }
        long severe = logs.stream()
                .filter(log -> log.painDuring() >= rules.regressPainDuring())
                .count();
        long aboveAcceptable = logs.stream()
                .filter(log -> log.painDuring() > rules.acceptablePainDuring())
                .count();
        long notSettled = logs.stream()
                .filter(log -> log.painNextMorning()
                        .map(morning -> morning > log.painBefore() + rules.allowedMorningRise())
                        .orElse(false))
                .count();
        long flared = logs.stream()
                .filter(log -> log.painDuring() > rules.acceptablePainDuring()
                        || log.painNextMorning()
                                .map(morning -> morning > log.painBefore() + rules.allowedMorningRise())
                                .orElse(false))
                .count();
        if (severe > 0 || flared * 2 > count) {
            String why = severe > 0
                    ? "Pain during the exercise reached " + rules.regressPainDuring() + " out of 10 or more"
                    : "Pain was too high (during, or the next morning) in " + flared + " of " + count + " sessions";
            return step(current, rules, false, why + ", so next week is a step easier.");
        }
        if (aboveAcceptable > 0) {
            return hold(
                    current,
                    rules,
                    "Pain during the exercise went above " + rules.acceptablePainDuring() + " out of 10 in "
                            + aboveAcceptable + " of " + count + " sessions, so the dose stays the same.");
        }
        if (notSettled > 0) {
            return hold(
                    current,
                    rules,
                    "Pain the next morning had not settled back to where it was before in " + notSettled + " of "
                            + count + " sessions, so the dose stays the same.");
        }
        if (logs.stream().noneMatch(log -> log.painNextMorning().isPresent())) {
            return hold(
                    current,
                    rules,
                    "No next-morning pain was rated, so it is not yet clear the exercise suits you; "
                            + "the dose stays the same.");
        }
        long completed = logs.stream().filter(SessionLog::completedTarget).count();
        if (completed * 100 < (long) rules.minCompletedPercent() * count) {
            return hold(
                    current,
                    rules,
                    "The planned sets and repetitions were all done in " + completed + " of " + count
                            + " sessions; once they feel manageable, the next step follows.");
        }
        return step(
                current,
                rules,
                true,
                "Pain stayed at " + rules.acceptablePainDuring() + " out of 10 or less and "
                        + "had settled by the next morning, and you did the planned work, so next week is a step harder.");
    }

    private Decision hold(PlanExercise current, ProgressionRules rules, String reason) {
        return new Decision(current.id(), Decision.Outcome.HOLD, reason, current, rules.version());
    }

    private Decision step(PlanExercise current, ProgressionRules rules, boolean harder, String reason) {
        Optional<PlanExercise> next = next(current, harder);
        if (next.isEmpty()) {
            return hold(
                    current,
                    rules,
                    reason + " No " + (harder ? "harder" : "easier") + " step fits your equipment, "
                            + "so the dose stays the same; a clinician can choose another exercise.");
        }
        return new Decision(
                current.id(),
                harder ? Decision.Outcome.PROGRESS : Decision.Outcome.REGRESS,
                reason,
                next.get(),
                rules.version());
    }

    /**
     * The ladder: regressions, the starting dose, progressions. From below the starting dose the next step up is the
     * starting dose (and from above it the next step down); otherwise the first step that moves the right way.
     */
    private Optional<PlanExercise> next(PlanExercise current, boolean harder) {
        Exercise exercise = catalogue.get(current.id());
        int now = current.dose().weeklyWorkSeconds();
        int start = exercise.dose().weeklyWorkSeconds();
        if (harder ? now < start : now > start) {
            return Optional.of(PlanExercise.of(exercise));
        }
        for (Step step : harder ? exercise.progressions() : exercise.regressions()) {
            if (step instanceof Step.ChangeDose change) {
                Dose dose = change.dose();
                if (harder ? dose.weeklyWorkSeconds() > now : dose.weeklyWorkSeconds() < now) {
                    return Optional.of(PlanExercise.of(exercise, dose));
                }
            } else if (step instanceof Step.UseExercise use) {
                Exercise other = catalogue.get(use.exerciseId());
                if (atHand.containsAll(other.equipment())) {
                    return Optional.of(PlanExercise.of(other));
                }
            }
        }
        return Optional.empty();
    }
}
