package backstop.insights;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's own break experiment: two-week phases with and without break reminders, in blocks of four weeks whose
 * order switches every block (with → without, then without → with, ...), so a slow overall change in pain cancels
 * out instead of passing for an effect. Design and assumptions: docs/clinical.md, "Does it help me?".
 *
 * @param end the last day of the experiment if the person stopped it
 */
public record AlternatingWeeks(LocalDate start, Optional<LocalDate> end) {
    /** Days in one phase: two weeks, long enough to average out day-to-day swings of pain. */
    public static final int PHASE_DAYS = 14;
    /** The first days of every phase are left out of the comparison: what the last phase did may still linger. */
    public static final int WASHOUT_DAYS = 2;

    public AlternatingWeeks {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isPresent() && end.get().isBefore(start)) {
            throw new IllegalArgumentException("an experiment ends after it starts");
        }
    }

    /** Which phase a day falls in, counted from 0; empty outside the experiment. */
    public Optional<Integer> phaseIndex(LocalDate date) {
        if (date.isBefore(start) || end.map(date::isAfter).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of((int) (ChronoUnit.DAYS.between(start, date) / PHASE_DAYS));
    }

    /** Phases 0, 3, 4, 7, 8, ... have reminders: the pattern with, without, without, with. */
    public static boolean withReminders(int phase) {
        int inBlock = phase % 4;
        return inBlock == 0 || inBlock == 3;
    }

    /** True on days of a phase without reminders; every other day (in or out of the experiment) reminds. */
    public boolean remindersOff(LocalDate date) {
        return phaseIndex(date).map(phase -> !withReminders(phase)).orElse(false);
    }

    public LocalDate phaseStart(int phase) {
        return start.plusDays((long) phase * PHASE_DAYS);
    }

    /** The day after the phase ends. */
    public LocalDate phaseEnd(int phase) {
        return phaseStart(phase + 1);
    }
}
