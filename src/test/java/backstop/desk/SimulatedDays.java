package backstop.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whole working days as the Desk page would report them, for the timer's specification and for the mirror test
 * that runs the page's script over the same days.
 */
final class SimulatedDays {
    static final ZoneOffset BERLIN_WINTER = ZoneOffset.ofHours(1);
    static final ZoneOffset TOKYO = ZoneOffset.ofHours(9);
    static final DeskSettings SETTINGS = new DeskSettings(false, 30, 60, 5, 300, 5, 2, 3, false, false, 5);

    /** A day of the simulation: what happened, the pauses the page knew of, and the moments to look at. */
    record Day(String name, DeskSettings settings, List<DeskEvent> events, List<Pause> pauses, List<Probe> probes) {}

    /** A moment to look at the timer, with the offset the person's device had then. */
    record Probe(Instant at, ZoneOffset offset) {}

    private SimulatedDays() {}

    static OffsetDateTime berlin(String date, String time) {
        return OffsetDateTime.parse(date + "T" + time + ":00+01:00");
    }

    /**
     * Monday in Berlin: start 08:55; a micro-break taken a minute late; a rest break postponed twice, then taken; a
     * meeting from the calendar 10:30–11:15 that holds a micro-break; that micro skipped, so the rest break comes at
     * once and is taken; lunch away from the desk (confirmed as a natural break); twenty idle minutes of reading at
     * 14:00 that the person said were not a break; a call toggled on the page 15:00–15:30; stop at 17:30.
     */
    static Day officeDay() {
        String d = "2026-03-02";
        List<DeskEvent> events = List.of(
                DeskEvent.of("e01", EventType.WORK_START, berlin(d, "08:55")),
                DeskEvent.breakTaken("e02", berlin(d, "09:26"), BreakKind.MICRO, 40),
                DeskEvent.breakEvent("e03", EventType.BREAK_POSTPONED, berlin(d, "09:56"), BreakKind.REST),
                DeskEvent.breakEvent("e04", EventType.BREAK_POSTPONED, berlin(d, "10:01"), BreakKind.REST),
                DeskEvent.breakTaken("e05", berlin(d, "10:06"), BreakKind.REST, 300),
                DeskEvent.breakEvent("e06", EventType.BREAK_SKIPPED, berlin(d, "11:16"), BreakKind.MICRO),
                DeskEvent.breakTaken("e07", berlin(d, "11:17"), BreakKind.REST, 300),
                DeskEvent.breakTaken("e08", berlin(d, "12:00"), BreakKind.NATURAL, 45 * 60),
                DeskEvent.breakTaken("e09", berlin(d, "13:15"), BreakKind.MICRO, 45),
                DeskEvent.breakTaken("e10", berlin(d, "13:45"), BreakKind.REST, 300),
                DeskEvent.breakTaken("e11", berlin(d, "14:50"), BreakKind.REST, 300),
                DeskEvent.breakTaken("e12", berlin(d, "16:00"), BreakKind.MICRO, 30),
                DeskEvent.of("e13", EventType.WORK_STOP, berlin(d, "17:30")));
        List<Pause> pauses = List.of(
                new Pause(berlin(d, "10:30").toInstant(), berlin(d, "11:15").toInstant(), "calendar"),
                new Pause(berlin(d, "15:00").toInstant(), berlin(d, "15:30").toInstant(), "call"));
        return new Day("office day", SETTINGS, events, pauses, everyMinute(berlin(d, "08:50"), berlin(d, "17:40")));
    }

    /** A late shift from 22:30 to 01:10, a micro-break at 23:40: the sitting splits at midnight. */
    static Day pastMidnight() {
        List<DeskEvent> events = List.of(
                DeskEvent.of("m1", EventType.WORK_START, berlin("2026-03-03", "22:30")),
                DeskEvent.breakTaken("m2", berlin("2026-03-03", "23:40"), BreakKind.MICRO, 60),
                DeskEvent.breakEvent("m3", EventType.BREAK_SKIPPED, berlin("2026-03-04", "00:15"), BreakKind.REST),
                DeskEvent.of("m4", EventType.WORK_STOP, berlin("2026-03-04", "01:10")));
        return new Day(
                "past midnight",
                SETTINGS,
                events,
                List.of(),
                everyMinute(berlin("2026-03-03", "22:20"), berlin("2026-03-04", "01:20")));
    }

    /**
     * A day begun in Berlin that goes on after the laptop moved to Tokyo time: the events after the change carry
     * +09:00, so the stretch after that break belongs to the next calendar day there.
     */
    static Day timeZoneChange() {
        List<DeskEvent> events = List.of(
                DeskEvent.of("z1", EventType.WORK_START, berlin("2026-03-05", "13:00")),
                DeskEvent.breakTaken("z2", berlin("2026-03-05", "13:40"), BreakKind.MICRO, 30),
                // 16:10 in Berlin is 00:10 the next day in Tokyo.
                DeskEvent.breakTaken("z3", OffsetDateTime.parse("2026-03-06T00:10:00+09:00"), BreakKind.REST, 300),
                DeskEvent.of("z4", EventType.WORK_STOP, OffsetDateTime.parse("2026-03-06T01:30:00+09:00")));
        List<Probe> probes = new ArrayList<>();
        for (Probe probe : everyMinute(berlin("2026-03-05", "12:55"), berlin("2026-03-05", "17:40"))) {
            boolean moved = !probe.at().isBefore(berlin("2026-03-05", "16:00").toInstant());
            probes.add(new Probe(probe.at(), moved ? TOKYO : BERLIN_WINTER));
        }
        return new Day("time-zone change", SETTINGS, events, List.of(), probes);
    }

    /** A working day nobody stopped: it counts until sixteen hours, then ends at its last event. */
    static Day forgottenTab() {
        List<DeskEvent> events = List.of(
                DeskEvent.of("f1", EventType.WORK_START, berlin("2026-03-09", "09:00")),
                DeskEvent.breakTaken("f2", berlin("2026-03-09", "09:30"), BreakKind.MICRO, 30),
                DeskEvent.breakEvent("f3", EventType.BREAK_POSTPONED, berlin("2026-03-09", "10:00"), BreakKind.MICRO));
        List<Probe> probes = new ArrayList<>();
        for (int hour = 9; hour <= 30; hour++) {
            probes.add(
                    new Probe(berlin("2026-03-09", "09:00").plusHours(hour - 9).toInstant(), BERLIN_WINTER));
        }
        return new Day("forgotten tab", SETTINGS, events, List.of(), probes);
    }

    /** A micro-break skipped right when due, so the next micro and the rest break fall due together at 10:00. */
    static Day bothAtOnce() {
        List<DeskEvent> events = List.of(
                DeskEvent.of("t1", EventType.WORK_START, berlin("2026-03-10", "09:00")),
                DeskEvent.breakEvent("t2", EventType.BREAK_SKIPPED, berlin("2026-03-10", "09:30"), BreakKind.MICRO),
                DeskEvent.breakTaken("t3", berlin("2026-03-10", "10:01"), BreakKind.REST, 240));
        return new Day(
                "both at once",
                SETTINGS,
                events,
                List.of(),
                everyMinute(berlin("2026-03-10", "08:59"), berlin("2026-03-10", "10:40")));
    }

    static List<Day> all() {
        return List.of(officeDay(), pastMidnight(), timeZoneChange(), forgottenTab(), bothAtOnce());
    }

    static TimerState at(Day day, OffsetDateTime when) {
        return BreakTimer.at(day.settings(), day.events(), day.pauses(), when.toInstant(), when.getOffset(), true);
    }

    static Optional<DeskEvent> event(Day day, String id) {
        return day.events().stream().filter(event -> event.id().equals(id)).findFirst();
    }

    private static List<Probe> everyMinute(OffsetDateTime from, OffsetDateTime to) {
        List<Probe> probes = new ArrayList<>();
        for (OffsetDateTime t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(1))) {
            probes.add(new Probe(t.toInstant(), t.getOffset()));
        }
        return probes;
    }
}
