package backstop.desk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the working day stands at one moment: whether it runs, since when the person sat without a break, which
 * break comes next and when (moved past pauses), whether it is due now, and what the person may still do about it.
 *
 * @param nextAt when the next break is due, after any pause it falls into
 * @param pausedUntil the end of the pause that holds reminders now
 * @param stale a working day left open longer than {@link DeskTimeline#MAX_OPEN}: it no longer counts as running
 */
record TimerState(
        boolean working,
        Optional<Instant> since,
        Optional<Instant> stretchSince,
        Optional<BreakKind> nextKind,
        Optional<Instant> nextAt,
        boolean due,
        Optional<Instant> pausedUntil,
        Optional<String> pausedFor,
        int postponesLeft,
        int skipsLeft,
        long sittingTodaySeconds,
        boolean limitReached,
        boolean remind,
        boolean stale) {
    TimerState {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(stretchSince, "stretchSince");
        Objects.requireNonNull(nextKind, "nextKind");
        Objects.requireNonNull(nextAt, "nextAt");
        Objects.requireNonNull(pausedUntil, "pausedUntil");
        Objects.requireNonNull(pausedFor, "pausedFor");
    }
}
