package backstop.desk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day at the desk as measured from its events: sitting time (working-day time minus breaks taken), the longest
 * unbroken stretch, and breaks taken by kind, skipped and postponed. A stretch that runs past midnight counts on
 * both days, each with its own part.
 */
record DeskDay(
        LocalDate date,
        long sittingSeconds,
        long longestStretchSeconds,
        int microBreaks,
        int restBreaks,
        int naturalBreaks,
        int skipped,
        int postponed,
        int sessions) {
    DeskDay {
        Objects.requireNonNull(date, "date");
    }

    static DeskDay empty(LocalDate date) {
        return new DeskDay(date, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    int breaksTaken() {
        return microBreaks + restBreaks + naturalBreaks;
    }

    /** Sitting time in whole minutes, rounded. */
    int sittingMinutes() {
        return (int) Math.round(sittingSeconds / 60.0);
    }

    int longestStretchMinutes() {
        return (int) Math.round(longestStretchSeconds / 60.0);
    }

    /** Desk hours to one decimal, as the diary shows them. */
    double deskHours() {
        return Math.round(sittingSeconds / 360.0) / 10.0;
    }

    DeskDay plusSitting(long seconds) {
        return new DeskDay(
                date,
                sittingSeconds + seconds,
                Math.max(longestStretchSeconds, seconds),
                microBreaks,
                restBreaks,
                naturalBreaks,
                skipped,
                postponed,
                sessions);
    }

    DeskDay plusEvent(DeskEvent event) {
        BreakKind kind = event.kind().orElse(BreakKind.MICRO);
        return switch (event.type()) {
            case WORK_START ->
                new DeskDay(
                        date,
                        sittingSeconds,
                        longestStretchSeconds,
                        microBreaks,
                        restBreaks,
                        naturalBreaks,
                        skipped,
                        postponed,
                        sessions + 1);
            case WORK_STOP -> this;
            case BREAK_TAKEN ->
                new DeskDay(
                        date,
                        sittingSeconds,
                        longestStretchSeconds,
                        microBreaks + (kind == BreakKind.MICRO ? 1 : 0),
                        restBreaks + (kind == BreakKind.REST ? 1 : 0),
                        naturalBreaks + (kind == BreakKind.NATURAL ? 1 : 0),
                        skipped,
                        postponed,
                        sessions);
            case BREAK_SKIPPED ->
                new DeskDay(
                        date,
                        sittingSeconds,
                        longestStretchSeconds,
                        microBreaks,
                        restBreaks,
                        naturalBreaks,
                        skipped + 1,
                        postponed,
                        sessions);
            case BREAK_POSTPONED ->
                new DeskDay(
                        date,
                        sittingSeconds,
                        longestStretchSeconds,
                        microBreaks,
                        restBreaks,
                        naturalBreaks,
                        skipped,
                        postponed + 1,
                        sessions);
        };
    }
}
