package backstop.plan;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * The VTIMEZONE that RFC 5545 asks for with every TZID used, built from Java's time-zone rules. Zones with yearly
 * daylight-saving rules get one yearly-recurring observance per rule; a zone without them gets its fixed offset;
 * unusual rules are written out transition by transition for the next ten years.
 */
final class TimeZoneBlock {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final int YEARS_WRITTEN_OUT = 10;

    private TimeZoneBlock() {}

    static void write(IcsWriter ics, ZoneId zone, LocalDate from) {
        ZoneRules rules = zone.getRules();
        ics.line("BEGIN:VTIMEZONE");
        ics.line("TZID:" + zone.getId());
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (!yearly.isEmpty() && yearly.stream().allMatch(rule -> expressible(rule, from.getYear() - 1))) {
            for (ZoneOffsetTransitionRule rule : yearly) {
                // Starting the year before keeps every event after 'from' inside a known observance.
                ZoneOffsetTransition first = rule.createTransition(from.getYear() - 1);
                observance(
                        ics,
                        rule.getOffsetAfter().getTotalSeconds()
                                > rule.getStandardOffset().getTotalSeconds(),
                        first.getDateTimeBefore(),
                        first.getOffsetBefore(),
                        first.getOffsetAfter(),
                        rrule(rule));
            }
        } else {
            var instant = from.atStartOfDay(zone).toInstant();
            ZoneOffset now = rules.getOffset(instant);
            observance(ics, rules.isDaylightSavings(instant), LocalDateTime.of(1970, 1, 1, 0, 0), now, now, "");
            ZoneOffsetTransition next = rules.nextTransition(instant);
            var until = from.plusYears(YEARS_WRITTEN_OUT).atStartOfDay(zone).toInstant();
            while (next != null && next.getInstant().isBefore(until)) {
                observance(
                        ics,
                        rules.isDaylightSavings(next.getInstant()),
                        next.getDateTimeBefore(),
                        next.getOffsetBefore(),
                        next.getOffsetAfter(),
                        "");
                next = rules.nextTransition(next.getInstant());
            }
        }
        ics.line("END:VTIMEZONE");
    }

    private static void observance(
            IcsWriter ics,
            boolean daylight,
            LocalDateTime start,
            ZoneOffset fromOffset,
            ZoneOffset toOffset,
            String rrule) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        ics.line("BEGIN:" + kind);
        ics.line("DTSTART:" + start.format(LOCAL));
        ics.line("TZOFFSETFROM:" + offset(fromOffset));
        ics.line("TZOFFSETTO:" + offset(toOffset));
        if (!rrule.isEmpty()) {
            ics.line("RRULE:" + rrule);
        }
        ics.line("END:" + kind);
    }

    /**
     * Rules like "last Sunday of March" or "Sunday on or after 8 March", whose change happens on that day in local
     * time too (a rule kept in UTC can fall on another local day, and then the weekday rule would be wrong).
     */
    private static boolean expressible(ZoneOffsetTransitionRule rule, int year) {
        if (rule.isMidnightEndOfDay()) {
            return false;
        }
        LocalDateTime local = rule.createTransition(year).getDateTimeBefore();
        if (local.getMonth() != rule.getMonth()) {
            return false;
        }
        if (rule.getDayOfWeek() == null) {
            return local.getDayOfMonth() == rule.getDayOfMonthIndicator();
        }
        return local.getDayOfWeek() == rule.getDayOfWeek() && ordinal(rule) != 0;
    }

    /** Which weekday of the month: 1 to 4, -1 for the last; 0 when the rule is not one of those. */
    private static int ordinal(ZoneOffsetTransitionRule rule) {
        int day = rule.getDayOfMonthIndicator();
        Month month = rule.getMonth();
        if (day == -1 || (day > 0 && month.minLength() == month.maxLength() && day + 6 == month.maxLength())) {
            return -1;
        }
        return day > 0 && (day - 1) % 7 == 0 && day <= 22 ? (day - 1) / 7 + 1 : 0;
    }

    private static String rrule(ZoneOffsetTransitionRule rule) {
        String month = "FREQ=YEARLY;BYMONTH=" + rule.getMonth().getValue();
        DayOfWeek weekday = rule.getDayOfWeek();
        if (weekday == null) {
            return month + ";BYMONTHDAY=" + rule.getDayOfMonthIndicator();
        }
        return month + ";BYDAY=" + ordinal(rule) + PlanCalendar.twoLetters(weekday);
    }

    static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int absolute = Math.abs(total);
        String text =
                String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", absolute / 3600, absolute / 60 % 60);
        return absolute % 60 == 0 ? text : text + String.format(Locale.ROOT, "%02d", absolute % 60);
    }
}
