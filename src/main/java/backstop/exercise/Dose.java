package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How much of an exercise, and how often. {@code reps} repetitions per set, each held {@code holdSeconds} (0 means
 * no hold, so a static hold is one repetition with a long hold); {@code eachSide} doubles the work.
 * {@code estimatedSeconds} is the time one bout takes including rests; the plan uses it to fit a session into the
 * minutes a person has.
 */
public record Dose(
        int sets,
        int reps,
        @JsonProperty("hold_seconds") int holdSeconds,
        @JsonProperty("each_side") boolean eachSide,
        int times,
        Period per,
        @JsonProperty("estimated_seconds") int estimatedSeconds) {

    // Even a repetition without a hold takes a couple of seconds done slowly and with control.
    static final int SECONDS_PER_PLAIN_REP = 3;

    public Dose {
        Objects.requireNonNull(per, "per");
        var checks = new FieldChecks()
                .require(sets >= 1 && sets <= 5, "sets", "must be 1 to 5, was " + sets)
                .require(reps >= 1 && reps <= 30, "reps", "must be 1 to 30, was " + reps)
                .require(holdSeconds >= 0 && holdSeconds <= 120, "hold_seconds", "must be 0 to 120, was " + holdSeconds)
                .require(
                        times >= 1 && times <= (per == Period.DAY ? 12 : 7),
                        "times",
                        "must be 1 to " + (per == Period.DAY ? 12 : 7) + " per " + per.code() + ", was " + times);
        if (sets >= 1 && reps >= 1 && holdSeconds >= 0) {
            int work = workSeconds(sets, reps, holdSeconds, eachSide);
            checks.require(
                    estimatedSeconds >= work && estimatedSeconds <= 1800,
                    "estimated_seconds",
                    "must cover the work itself (" + work + " s) and stay under 1800 s, was " + estimatedSeconds);
        }
        checks.throwIfAny();
    }

    /** Seconds under load, without rests: the floor for any honest estimate. */
    public int workSeconds() {
        return workSeconds(sets, reps, holdSeconds, eachSide);
    }

    /** Seconds under load in a week, which is how progressions and regressions are compared. */
    public int weeklyWorkSeconds() {
        return workSeconds() * times * (per == Period.DAY ? 7 : 1);
    }

    /** True when the dose is meant for every day rather than a few days a week. */
    public boolean daily() {
        return per == Period.DAY;
    }

    private static int workSeconds(int sets, int reps, int holdSeconds, boolean eachSide) {
        return sets * reps * Math.max(holdSeconds, SECONDS_PER_PLAIN_REP) * (eachSide ? 2 : 1);
    }

    /**
     * This dose with some values changed, as a progression or regression step describes it. When the step does not
     * give its own time estimate, the old one is scaled by the change in work so rests keep their share.
     */
    Dose with(Integer newSets, Integer newReps, Integer newHold, Integer newTimes, Period newPer, Integer newEstimate) {
        int s = newSets != null ? newSets : sets;
        int r = newReps != null ? newReps : reps;
        int h = newHold != null ? newHold : holdSeconds;
        int estimate = newEstimate != null
                ? newEstimate
                : (int) Math.ceil((double) estimatedSeconds * workSeconds(s, r, h, eachSide) / workSeconds());
        return new Dose(
                s, r, h, eachSide, newTimes != null ? newTimes : times, newPer != null ? newPer : per, estimate);
    }
}
