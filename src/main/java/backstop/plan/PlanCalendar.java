package backstop.plan;

import backstop.error.BadInputException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The plan as an iCalendar feed (RFC 5545): one weekly recurring event per session type on its weekdays, and on
 * working days one recurring event with a reminder per break slot between the start and end of work. UIDs depend
 * only on the plan's start and the session or slot, so importing a new export updates the events instead of
 * doubling them. Written by hand (the format is small); tests parse it with ical4j.
 */
public final class PlanCalendar {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final List<DayOfWeek> WORKDAYS =
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    /** A reminder is a moment, not a meeting: it is marked free and lasts a minute. */
    private static final int BREAK_MINUTES = 1;

    private PlanCalendar() {}

    /** The feed with DTSTAMP at midnight UTC of {@code from}, so the same inputs always give the same text. */
    public static String ics(
            Plan plan, LocalDate from, ZoneId zone, LocalTime sessionTime, LocalTime workStart, LocalTime workEnd) {
        return ics(
                plan,
                from,
                zone,
                sessionTime,
                workStart,
                workEnd,
                from.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The feed, stamped with the moment it was made ({@code stamp}, from the caller's clock).
     *
     * @throws BadInputException when the working day ends before it starts
     */
    public static String ics(
            Plan plan,
            LocalDate from,
            ZoneId zone,
            LocalTime sessionTime,
            LocalTime workStart,
            LocalTime workEnd,
            Instant stamp) {
        if (!workEnd.isAfter(workStart)) {
            throw new BadInputException("work_end", "must be later than work_start");
        }
        LocalDate first = from.isBefore(plan.start()) ? plan.start() : from;
        IcsWriter ics = new IcsWriter();
        ics.line("BEGIN:VCALENDAR");
        ics.line("VERSION:2.0");
        ics.line("PRODID:-//Backstop//Plan " + plan.planVersion() + "//EN");
        ics.line("CALSCALE:GREGORIAN");
        ics.line("X-WR-CALNAME:" + IcsWriter.text("Backstop plan"));
        ics.line("X-WR-TIMEZONE:" + zone.getId());
        TimeZoneBlock.write(ics, zone, first);
        String uidBase = "backstop-plan-" + plan.start().format(DAY);
        for (Session session : plan.sessions()) {
            if (session.daysOfWeek().isEmpty() || session.exercises().isEmpty()) {
                continue;
            }
            ics.line("BEGIN:VEVENT");
            ics.line("UID:" + uidBase + "-session-" + session.id() + "@backstop");
            ics.line("DTSTAMP:" + UTC.format(stamp));
            LocalDateTime firstSession = LocalDateTime.of(firstOn(first, session.daysOfWeek()), sessionTime);
            ics.line("DTSTART;TZID=" + zone.getId() + ":" + firstSession.format(LOCAL));
            ics.line("DURATION:PT" + session.minutes() + "M");
            ics.line("RRULE:FREQ=WEEKLY;BYDAY=" + byDay(session.daysOfWeek()));
            ics.line("SUMMARY:" + IcsWriter.text("Backstop: " + session.name()));
            ics.line("DESCRIPTION:"
                    + IcsWriter.text(session.exercises().stream()
                            .map(exercise -> exercise.name() + ": " + exercise.doseText())
                            .collect(Collectors.joining("\n"))));
            ics.line("END:VEVENT");
        }
        plan.desk().ifPresent(desk -> {
            List<PlanExercise> moves = desk.microBreak();
            LocalDate firstWorkday = firstOn(first, WORKDAYS);
            int slot = 0;
            for (LocalTime at = workStart.plusMinutes(desk.breakIntervalMinutes());
                    !at.plusMinutes(BREAK_MINUTES).isAfter(workEnd) && at.isAfter(workStart);
                    at = at.plusMinutes(desk.breakIntervalMinutes())) {
                String move = moves.isEmpty()
                        ? "stand up, walk a few steps and look into the distance"
                        : moves.get(slot % moves.size()).name() + " ("
                                + moves.get(slot % moves.size()).doseText() + ")";
                ics.line("BEGIN:VEVENT");
                String hhmm = String.format(Locale.ROOT, "%02d%02d", at.getHour(), at.getMinute());
                ics.line("UID:" + uidBase + "-break-" + hhmm + "@backstop");
                ics.line("DTSTAMP:" + UTC.format(stamp));
                ics.line("DTSTART;TZID=" + zone.getId() + ":"
                        + LocalDateTime.of(firstWorkday, at).format(LOCAL));
                ics.line("DURATION:PT" + BREAK_MINUTES + "M");
                ics.line("RRULE:FREQ=WEEKLY;BYDAY=" + byDay(WORKDAYS));
                ics.line("TRANSP:TRANSPARENT");
                ics.line("SUMMARY:" + IcsWriter.text("Backstop break"));
                ics.line("DESCRIPTION:" + IcsWriter.text("Time to stand up. " + capitalised(move) + "."));
                ics.line("BEGIN:VALARM");
                ics.line("ACTION:DISPLAY");
                ics.line("TRIGGER:PT0S");
                ics.line("DESCRIPTION:" + IcsWriter.text("Backstop break: " + move));
                ics.line("END:VALARM");
                ics.line("END:VEVENT");
                slot++;
            }
        });
        ics.line("END:VCALENDAR");
        return ics.toString();
    }

    private static LocalDate firstOn(LocalDate from, List<DayOfWeek> days) {
        LocalDate date = from;
        while (!days.contains(date.getDayOfWeek())) {
            date = date.plusDays(1);
        }
        return date;
    }

    static String byDay(List<DayOfWeek> days) {
        return days.stream().sorted().map(PlanCalendar::twoLetters).collect(Collectors.joining(","));
    }

    static String twoLetters(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
