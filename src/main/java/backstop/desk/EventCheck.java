package backstop.desk;

import backstop.error.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Whether a new event fits the person's day: not in the future, not before what was already recorded, no second
 * working day while one runs, no break outside one, postpones and skips within the person's limits, and a bounded
 * number of events a day. Pure; the first problem found is named by its field.
 */
final class EventCheck {
    /** Clocks of phones and laptops drift; an event this far ahead of the server is still taken as now. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    /** More events than this on one day cannot come from a person at a desk. */
    static final int MAX_EVENTS_PER_DAY = 300;

    static final int MAX_SESSIONS_PER_DAY = 24;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm xxx");

    private EventCheck() {}

    /**
     * @param history the person's events around the new one (at least those of its day and of a working day still
     *     open), in any order
     * @throws BadInputException naming the field that makes the event impossible
     */
    static void check(DeskSettings settings, List<DeskEvent> history, DeskEvent event, Instant now) {
        Instant latest = now.plus(CLOCK_SLACK);
        if (event.instant().isAfter(latest)) {
            throw new BadInputException("at", "is in the future (the server's time is " + now + ")");
        }
        if (event.end().isAfter(latest)) {
            throw new BadInputException("seconds", "would make the break end in the future");
        }
        Instant lastEnd =
                history.stream().map(DeskEvent::end).max(Instant::compareTo).orElse(Instant.MIN);
        if (event.instant().isBefore(lastEnd)) {
            throw new BadInputException(
                    "at",
                    "is before the end of your last desk event (" + lastEnd
                            + "); send events in the order they happened");
        }
        long sameDay = history.stream()
                .filter(other -> other.day().equals(event.day()))
                .count();
        if (sameDay >= MAX_EVENTS_PER_DAY) {
            throw new BadInputException(
                    "at", "has more than " + MAX_EVENTS_PER_DAY + " desk events on " + event.day() + " already");
        }
        TimerState state = BreakTimer.at(
                settings, history, List.of(), event.instant(), event.at().getOffset(), true);
        switch (event.type()) {
            case WORK_START -> {
                if (state.working()) {
                    throw new BadInputException(
                            "type",
                            "a working day is already running since "
                                    + state.since()
                                            .orElseThrow()
                                            .atOffset(event.at().getOffset())
                                            .format(TIME)
                                    + "; stop it before starting another");
                }
                long starts = history.stream()
                        .filter(other -> other.type() == EventType.WORK_START
                                && other.day().equals(event.day()))
                        .count();
                if (starts >= MAX_SESSIONS_PER_DAY) {
                    throw new BadInputException(
                            "type", "at most " + MAX_SESSIONS_PER_DAY + " working-day starts fit in one day");
                }
            }
            case WORK_STOP, BREAK_TAKEN -> requireWorking(state);
            case BREAK_POSTPONED -> {
                requireWorking(state);
                if (settings.strict()) {
                    throw new BadInputException("type", "strict mode is on: breaks are not postponed");
                }
                if (state.postponesLeft() == 0) {
                    throw new BadInputException(
                            "type", "no postpones left for this break (your limit is " + settings.maxPostpones() + ")");
                }
            }
            case BREAK_SKIPPED -> {
                requireWorking(state);
                if (settings.strict()) {
                    throw new BadInputException("type", "strict mode is on: breaks are not skipped");
                }
                if (state.skipsLeft() == 0) {
                    throw new BadInputException(
                            "type", "no skips left today (your limit is " + settings.maxSkips() + " a day)");
                }
            }
        }
    }

    private static void requireWorking(TimerState state) {
        if (!state.working()) {
            throw new BadInputException(
                    "type",
                    state.stale()
                            ? "the working day was left open too long and has ended; start a new one"
                            : "no working day is running; send work_start first");
        }
    }
}
