package backstop.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The break schedule, replayed from the day's events: a micro-break falls due {@code microMinutes} after the last
 * break (or the start of the working day), a rest break {@code restMinutes} after the last rest break; whichever
 * comes first is next, a rest break when both fall together. Taking a rest break (or being away at least a rest
 * break's length) resets both; skipping a break resets its clock; postponing moves it by the person's postpone
 * time. A break that falls into a pause (a meeting, a call) waits for the pause to end, and nothing is due during
 * one. Idle time the person did not confirm as a break counts as work, because reading looks idle.
 *
 * <p>Pure: the clock, the pauses and the person's UTC offset are handed in. The page's script (desk-timer.js) is a
 * line-by-line mirror; DeskTimerMirrorTest runs both over the same simulated days.
 */
final class BreakTimer {
    private BreakTimer() {}

    /**
     * @param remind false on the reminder-free weeks of an experiment: the day is measured, nothing falls due
     */
    static TimerState at(
            DeskSettings settings,
            List<DeskEvent> events,
            List<Pause> pauses,
            Instant now,
            ZoneOffset offset,
            boolean remind) {
        List<DeskEvent> past = DeskTimeline.ordered(events).stream()
                .filter(event -> !event.instant().isAfter(now))
                .toList();
        LocalDate today = now.atOffset(offset).toLocalDate();
        boolean working = false;
        Instant since = null;
        Instant stretchSince = null;
        Instant microReset = null;
        Instant restReset = null;
        BreakKind postponedKind = null;
        Instant postponedUntil = null;
        int postponesThisBreak = 0;
        int skipsToday = 0;
        for (DeskEvent event : past) {
            BreakKind kind = event.kind().orElse(BreakKind.MICRO);
            if (event.type() == EventType.BREAK_SKIPPED && event.day().equals(today)) {
                skipsToday++;
            }
            switch (event.type()) {
                case WORK_START -> {
                    working = true;
                    since = event.instant();
                    stretchSince = since;
                    microReset = since;
                    restReset = since;
                    postponedKind = null;
                    postponedUntil = null;
                    postponesThisBreak = 0;
                }
                case WORK_STOP -> {
                    working = false;
                    since = null;
                    stretchSince = null;
                    postponedKind = null;
                    postponedUntil = null;
                    postponesThisBreak = 0;
                }
                case BREAK_TAKEN -> {
                    if (working) {
                        Instant end = event.end();
                        stretchSince = end;
                        microReset = end;
                        if (kind == BreakKind.REST
                                || (kind == BreakKind.NATURAL
                                        && event.seconds().orElseThrow() >= settings.restLengthMinutes() * 60)) {
                            restReset = end;
                        }
                        postponedKind = null;
                        postponedUntil = null;
                        postponesThisBreak = 0;
                    }
                }
                case BREAK_SKIPPED -> {
                    if (working) {
                        microReset = event.instant();
                        if (kind == BreakKind.REST) {
                            restReset = event.instant();
                        }
                        postponedKind = null;
                        postponedUntil = null;
                        postponesThisBreak = 0;
                    }
                }
                case BREAK_POSTPONED -> {
                    if (working) {
                        postponedKind = kind;
                        postponedUntil = event.instant().plus(Duration.ofMinutes(settings.postponeMinutes()));
                        postponesThisBreak++;
                    }
                }
            }
        }
        long sittingToday = DeskTimeline.day(past, now, today).sittingSeconds();
        boolean limitReached = sittingToday >= settings.dailyLimitMinutes() * 60L;
        int skipsLeft = settings.strict() ? 0 : Math.max(0, settings.maxSkips() - skipsToday);
        boolean stale = working && !now.isBefore(since.plus(DeskTimeline.MAX_OPEN));
        if (!working || stale) {
            return new TimerState(
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    skipsLeft,
                    sittingToday,
                    limitReached,
                    remind,
                    stale);
        }
        Instant microDue = microReset.plus(Duration.ofMinutes(settings.microMinutes()));
        Instant restDue = restReset.plus(Duration.ofMinutes(settings.restMinutes()));
        BreakKind nextKind = restDue.isAfter(microDue) ? BreakKind.MICRO : BreakKind.REST;
        Instant nextAt = nextKind == BreakKind.MICRO ? microDue : restDue;
        if (postponedUntil != null) {
            nextKind = postponedKind;
            nextAt = postponedUntil;
        }
        List<Pause> merged = Pause.merged(pauses);
        for (Pause pause : merged) {
            if (pause.covers(nextAt)) {
                nextAt = pause.to();
            }
        }
        Optional<Pause> pausedNow =
                merged.stream().filter(pause -> pause.covers(now)).findFirst();
        if (pausedNow.isPresent() && nextAt.isBefore(pausedNow.get().to())) {
            nextAt = pausedNow.get().to();
        }
        boolean due = remind && pausedNow.isEmpty() && !now.isBefore(nextAt);
        int postponesLeft = settings.strict() ? 0 : Math.max(0, settings.maxPostpones() - postponesThisBreak);
        return new TimerState(
                true,
                Optional.of(since),
                Optional.of(stretchSince),
                Optional.of(nextKind),
                Optional.of(nextAt),
                due,
                pausedNow.map(Pause::to),
                pausedNow.map(Pause::reason),
                postponesLeft,
                skipsLeft,
                sittingToday,
                limitReached,
                remind,
                false);
    }
}
