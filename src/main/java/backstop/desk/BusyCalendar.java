package backstop.desk;

import backstop.error.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RRule;

/**
 * The busy times of a person's calendar, read with ical4j: recurring events (RRULE, RDATE, EXDATE, moved or
 * cancelled single occurrences) and time zones (VTIMEZONE, UTC, and floating times in the person's own zone).
 * Free ("transparent") and cancelled events, and all-day events, do not hold reminders. Before a calendar is kept,
 * everything but its times is removed: titles, places, descriptions, attendees, alarms.
 */
final class BusyCalendar {
    /** A calendar file of more than this is not a person's working calendar. */
    static final int MAX_CHARS = 2_000_000;

    static final int MAX_EVENTS = 5_000;
    /** Properties that say what or with whom, not when: never stored. */
    private static final Set<String> PRIVATE = Set.of(
            "SUMMARY",
            "DESCRIPTION",
            "LOCATION",
            "ATTENDEE",
            "ORGANIZER",
            "ATTACH",
            "URL",
            "COMMENT",
            "CONTACT",
            "CATEGORIES",
            "RESOURCES",
            "GEO",
            "CONFERENCE",
            "IMAGE",
            "RELATED-TO",
            "REQUEST-STATUS",
            "NAME");
    /** Components that are not busy time at all. */
    private static final Set<String> DROPPED = Set.of("VALARM", "VTODO", "VJOURNAL", "VAVAILABILITY");

    /** The calendar as kept: only its times, and how many events it has. */
    record Kept(String ics, int events) {}

    private BusyCalendar() {}

    /**
     * Keeps only what busy times need, and checks that the rest is a calendar ical4j can read.
     *
     * @throws BadInputException naming {@code field} when it is not an iCalendar file or too large
     */
    static Kept keep(String text, String field) {
        if (text.length() > MAX_CHARS) {
            throw new BadInputException(field, "is larger than " + MAX_CHARS / 1_000_000 + " MB");
        }
        if (!text.stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
            throw new BadInputException(field, "is not an iCalendar file (it must begin with BEGIN:VCALENDAR)");
        }
        String kept = strip(text);
        Calendar calendar = parse(kept, field);
        int events = calendar.getComponents(Component.VEVENT).size();
        if (events > MAX_EVENTS) {
            throw new BadInputException(field, "has " + events + " events; at most " + MAX_EVENTS + " are read");
        }
        return new Kept(kept, events);
    }

    /** Busy times that overlap {@code from}–{@code to}, merged, in time order. */
    static List<Pause> busy(String kept, Instant from, Instant to, ZoneId personZone) {
        Calendar calendar = parse(kept, "calendar");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Set<String> moved = new HashSet<>();
        for (VEvent event : events) {
            event.getRecurrenceId()
                    .ifPresent(id ->
                            uid(event).ifPresent(uid -> moved.add(uid + "|" + instant(id.getDate(), personZone))));
        }
        ZonedDateTime windowStart = from.atZone(personZone);
        ZonedDateTime windowEnd = to.atZone(personZone);
        List<Pause> busy = new ArrayList<>();
        for (VEvent event : events) {
            if (!isBusy(event)) {
                continue;
            }
            Temporal start = event.<Temporal>getDateTimeStart()
                    .map(date -> date.getDate())
                    .orElse(null);
            if (start == null || start instanceof LocalDate) {
                continue;
            }
            boolean override = event.getRecurrenceId().isPresent();
            for (Period<?> period : event.calculateRecurrenceSet(new Period<Temporal>(windowStart, windowEnd))) {
                Instant begin = instant(period.getStart(), personZone);
                Instant end = instant(period.getEnd(), personZone);
                if (!override
                        && uid(event)
                                .map(uid -> moved.contains(uid + "|" + begin))
                                .orElse(false)) {
                    continue;
                }
                if (end.isAfter(begin) && end.isAfter(from) && begin.isBefore(to)) {
                    busy.add(new Pause(begin, end, "calendar"));
                }
            }
        }
        return Pause.merged(busy);
    }

    private static boolean isBusy(VEvent event) {
        String transparency = value(event, Property.TRANSP).orElse("OPAQUE");
        String status = value(event, Property.STATUS).orElse("CONFIRMED");
        Optional<RRule<?>> rule = event.getProperty(Property.RRULE);
        boolean tooOften = rule.map(r -> {
                    String frequency = r.getRecur().getFrequency().name();
                    return frequency.equals("SECONDLY") || frequency.equals("MINUTELY");
                })
                .orElse(false);
        return !transparency.equalsIgnoreCase("TRANSPARENT") && !status.equalsIgnoreCase("CANCELLED") && !tooOften;
    }

    private static Optional<String> value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue);
    }

    private static Optional<String> uid(VEvent event) {
        return value(event, Property.UID);
    }

    private static Instant instant(Temporal temporal, ZoneId personZone) {
        if (temporal instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (temporal instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (temporal instanceof Instant instant) {
            return instant;
        }
        if (temporal instanceof LocalDateTime floating) {
            return floating.atZone(personZone).toInstant();
        }
        return LocalDate.from(temporal).atStartOfDay(personZone).toInstant();
    }

    private static Calendar parse(String text, String field) {
        IcalZones.register();
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new BadInputException(
                    field, "could not be read as iCalendar (line " + e.getLineNo() + "); export it again and retry");
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(field, "could not be read as iCalendar; export it again and retry");
        }
    }

    /** Removes private properties (with their folded continuation lines) and components that are not events. */
    static String strip(String text) {
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        String droppedComponent = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            boolean continuation = line.charAt(0) == ' ' || line.charAt(0) == '\t';
            if (continuation) {
                if (!skipping && droppedComponent == null) {
                    kept.append(line).append("\r\n");
                }
                continue;
            }
            String name = name(line);
            String upper = line.toUpperCase(Locale.ROOT);
            if (droppedComponent != null) {
                if (upper.startsWith("END:") && upper.substring(4).strip().equals(droppedComponent)) {
                    droppedComponent = null;
                }
                skipping = true;
                continue;
            }
            if (name.equals("BEGIN") && DROPPED.contains(upper.substring(6).strip())) {
                droppedComponent = upper.substring(6).strip();
                skipping = true;
                continue;
            }
            skipping = PRIVATE.contains(name) || (name.startsWith("X-") && !name.equals("X-WR-TIMEZONE"));
            if (!skipping) {
                kept.append(line).append("\r\n");
            }
        }
        return kept.toString();
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ':' && line.charAt(end) != ';') {
            end++;
        }
        return line.substring(0, end).strip().toUpperCase(Locale.ROOT);
    }
}
