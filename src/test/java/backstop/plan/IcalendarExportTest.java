package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics export, read back with ical4j, a real iCalendar library. */
class IcalendarExportTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Vignettes.Vignette DESK = Vignettes.named("01");
    private static final Plan PLAN = PlanGenerator.build(
            DESK.result(), DESK.life(), PlanPreferences.defaults(), Vignettes.CATALOGUE, Vignettes.RULES, MONDAY);

    private static String ics(Plan plan, ZoneId zone) {
        return PlanCalendar.ics(plan, MONDAY, zone, LocalTime.of(7, 30), LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    private static String property(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void theFeedParsesAndValidates() throws Exception {
        Calendar calendar = parse(ics(PLAN, BERLIN));

        assertThat(calendar.validate().hasErrors())
                .as(calendar.validate().toString())
                .isFalse();
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void eachSessionIsAWeeklyEventOnItsDays() throws Exception {
        List<VEvent> sessions = events(parse(ics(PLAN, BERLIN))).stream()
                .filter(event -> property(event, Property.UID).contains("-session-"))
                .toList();

        assertThat(sessions).hasSize(2);
        assertThat(sessions)
                .extracting(event -> property(event, Property.RRULE))
                .containsExactlyInAnyOrder("FREQ=WEEKLY;BYDAY=TU,TH,SA,SU", "FREQ=WEEKLY;BYDAY=MO,WE,FR");
        VEvent strength = sessions.stream()
                .filter(event -> property(event, Property.UID).contains("strength"))
                .findFirst()
                .orElseThrow();
        assertThat(property(strength, Property.SUMMARY)).isEqualTo("Backstop: Strength and endurance");
        assertThat(property(strength, Property.DTSTART)).isEqualTo("20261130T073000");
        assertThat(property(strength, Property.DESCRIPTION)).contains("Lying Y raise: 2 sets of 8, hold 3 s;");
    }

    @Test
    void theStrengthSessionRecursOnMondayWednesdayAndFridayAtHalfPastSevenBerlinTime() throws Exception {
        VEvent strength = events(parse(ics(PLAN, BERLIN))).stream()
                .filter(event -> property(event, Property.UID).contains("session-strength"))
                .findFirst()
                .orElseThrow();
        ZonedDateTime from = MONDAY.atStartOfDay(BERLIN);

        Set<Period<Temporal>> week = strength.calculateRecurrenceSet(new Period<>(from, from.plusDays(7)));

        assertThat(week).hasSize(3);
        assertThat(week).allSatisfy(period -> {
            ZonedDateTime start = ZonedDateTime.from(period.getStart());
            assertThat(start.withZoneSameInstant(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(7, 30));
            assertThat(start.getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        });
    }

    @Test
    void breakRemindersFallEveryIntervalDuringWorkOnWeekdaysWithAnAlarm() throws Exception {
        int interval = PLAN.desk().orElseThrow().breakIntervalMinutes();
        List<VEvent> breaks = events(parse(ics(PLAN, BERLIN))).stream()
                .filter(event -> property(event, Property.UID).contains("-break-"))
                .toList();

        // 9:00 to 17:00 every 30 minutes: 9:30, 10:00, ... 16:30 (a break at 17:00 would be after work).
        assertThat(interval).isEqualTo(30);
        assertThat(breaks).hasSize(15);
        assertThat(breaks).allSatisfy(event -> {
            assertThat(property(event, Property.RRULE)).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
            assertThat(property(event, Property.TRANSP)).isEqualTo("TRANSPARENT");
            List<VAlarm> alarms = event.getAlarms();
            assertThat(alarms).singleElement().satisfies(alarm -> {
                assertThat(property(alarm, Property.ACTION)).isEqualTo("DISPLAY");
                assertThat(property(alarm, Property.DESCRIPTION)).startsWith("Backstop break: ");
            });
        });
        assertThat(breaks)
                .extracting(event -> property(event, Property.DTSTART))
                .contains("20261130T093000", "20261130T163000")
                .doesNotContain("20261130T170000");
    }

    @Test
    void uidsAndStampsAreStableSoAReimportUpdatesInsteadOfDoubling() throws Exception {
        String first = ics(PLAN, BERLIN);
        assertThat(ics(PLAN, BERLIN)).isEqualTo(first);
        List<String> uids = events(parse(first)).stream()
                .map(event -> property(event, Property.UID))
                .toList();
        assertThat(uids)
                .doesNotHaveDuplicates()
                .allSatisfy(uid -> assertThat(uid).endsWith("@backstop"));
        assertThat(first).contains("DTSTAMP:20261130T000000Z");
        assertThat(PlanCalendar.ics(
                        PLAN,
                        MONDAY,
                        BERLIN,
                        LocalTime.of(7, 30),
                        LocalTime.of(9, 0),
                        LocalTime.of(17, 0),
                        ZonedDateTime.of(2026, 12, 1, 8, 15, 0, 0, BERLIN).toInstant()))
                .contains("DTSTAMP:20261201T071500Z");
    }

    @Test
    void linesEndInCrlfAndAreFoldedAtSeventyFiveOctets() {
        String text = ics(PLAN, BERLIN);
        assertThat(text).endsWith("END:VCALENDAR\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(Arrays.stream(text.split("\r\n")))
                .allSatisfy(line ->
                        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(text).contains("\r\n ");
    }

    @Test
    void textIsEscapedAndNonAsciiSurvivesFolding() throws Exception {
        PlanExercise tricky = new PlanExercise(
                "cat-camel",
                "Katze; Kamel, \\ und Rücken – «ruhig» ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓ ✓",
                backstop.exercise.Category.MOBILITY,
                List.of(),
                2,
                10,
                0,
                false,
                1,
                backstop.exercise.Period.DAY,
                85,
                "2 sets of 10");
        Plan plan = PLAN.withExerciseReplaced("cat-camel", tricky);

        String text = ics(plan, BERLIN);
        VEvent mobility = events(parse(text)).stream()
                .filter(event -> property(event, Property.UID).contains("session-mobility"))
                .findFirst()
                .orElseThrow();

        assertThat(text).contains("Katze\\; Kamel\\, \\\\ und");
        assertThat(property(mobility, Property.DESCRIPTION)).contains(tricky.name() + ": 2 sets of 10\n");
    }

    @Test
    void aZoneWithoutDaylightSavingAndOneWithUnusualRulesBothParse() throws Exception {
        for (String zone : List.of("Asia/Kolkata", "America/New_York", "America/Santiago", "Australia/Sydney", "UTC")) {
            Calendar calendar = parse(ics(PLAN, ZoneId.of(zone)));
            assertThat(calendar.validate().hasErrors())
                    .as(zone + " " + calendar.validate())
                    .isFalse();
            assertThat(events(calendar)).as(zone).hasSize(17);
        }
    }

    @Test
    void aPlanWithoutDeskHabitsHasNoBreakReminders() throws Exception {
        assertThat(events(parse(ics(PLAN.withoutPart(PlanPart.Kind.DESK_HABITS), BERLIN))))
                .hasSize(2);
    }

    @Test
    void aWorkingDayThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> PlanCalendar.ics(
                        PLAN, MONDAY, BERLIN, LocalTime.of(7, 0), LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("work_end");
    }
}
