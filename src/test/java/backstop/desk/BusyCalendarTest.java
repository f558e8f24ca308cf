package backstop.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Busy times from a real-looking work calendar, with recurrence, moved and cancelled occurrences and time zones. */
class BusyCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String CALENDAR = read("/desk/work-calendar.ics");
    private static final String KEPT = BusyCalendar.keep(CALENDAR, "file").ics();

    static String read(String resource) {
        try (InputStream in = BusyCalendarTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Pause> busyOn(String date) {
        Instant from = LocalDate.parse(date).atStartOfDay(BERLIN).toInstant();
        return BusyCalendar.busy(KEPT, from, from.plusSeconds(86400), BERLIN);
    }

    private static Pause pause(String from, String to) {
        return new Pause(
                OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(to).toInstant(), "calendar");
    }

    @Test
    void readingACalendarHasIcal4jsTimeZonesRegistered() {
        BusyCalendar.keep(CALENDAR, "file");

        assertThat(IcalZones.registered()).isTrue();
        IcalZones.register();
        assertThat(IcalZones.registered()).as("a second call changes nothing").isTrue();
    }

    @Test
    void onAMondayTheStandupTheReviewAndTheCallWithoutAZoneAreBusyButFreeAndAllDayEventsAreNot() {
        assertThat(busyOn("2026-03-02"))
                .containsExactly(
                        pause("2026-03-02T09:30:00+01:00", "2026-03-02T09:45:00+01:00"),
                        pause("2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z"),
                        pause("2026-03-02T16:30:00+01:00", "2026-03-02T17:00:00+01:00"));
    }

    @Test
    void anExcludedOccurrenceIsNotBusy() {
        assertThat(busyOn("2026-03-04")).isEmpty();
    }

    @Test
    void aMovedOccurrenceIsBusyAtItsNewTimeOnly() {
        assertThat(busyOn("2026-03-09"))
                .containsExactly(pause("2026-03-09T10:00:00+01:00", "2026-03-09T10:15:00+01:00"));
    }

    @Test
    void aCancelledOccurrenceIsNotBusy() {
        assertThat(busyOn("2026-03-11")).isEmpty();
    }

    @Test
    void aRecurringEventKeepsItsLocalTimeAcrossTheChangeToSummerTime() {
        // Berlin moves to +02:00 on 29 March; the one-to-one stays at 11:00 local time.
        assertThat(busyOn("2026-03-23")).contains(pause("2026-03-23T11:00:00+01:00", "2026-03-23T11:30:00+01:00"));
        assertThat(busyOn("2026-03-30")).contains(pause("2026-03-30T11:00:00+02:00", "2026-03-30T11:30:00+02:00"));
        assertThat(busyOn("2026-04-13"))
                .as("COUNT=3 ends after three; the Monday standup goes on at 09:30 summer time")
                .containsExactly(pause("2026-04-13T09:30:00+02:00", "2026-04-13T09:45:00+02:00"));
    }

    @Test
    void eventsRepeatingEveryMinuteAreIgnoredRatherThanExpanded() {
        assertThat(busyOn("2026-03-01")).isEmpty();
    }

    @Test
    void onlyTheTimesAreKeptNeverTitlesPlacesPeopleOrAlarms() {
        BusyCalendar.Kept kept = BusyCalendar.keep(CALENDAR, "file");
        assertThat(kept.events()).isEqualTo(9);
        assertThat(kept.ics())
                .doesNotContain("SUMMARY", "Team standup", "DESCRIPTION", "second line", "ORGANIZER", "kim@")
                .doesNotContain("ATTENDEE", "LOCATION", "Room 4.12", "VALARM", "VTODO", "Write report")
                .doesNotContain("X-WR-CALNAME", "Dana at work")
                .contains("DTSTART;TZID=Europe/Berlin:20260302T093000", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE")
                .contains("X-WR-TIMEZONE:Europe/Berlin");
        assertThat(BusyCalendar.keep(kept.ics(), "file").ics()).isEqualTo(kept.ics());
    }

    @Test
    void somethingThatIsNotACalendarIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BusyCalendar.keep("date,pain\n2026-03-01,4\n", "file"))
                .isInstanceOf(BadInputException.class)
                .satisfies(
                        e -> assertThat(((BadInputException) e).errors().get(0).field())
                                .isEqualTo("file"))
                .hasMessageContaining("not an iCalendar file");
        assertThatThrownBy(
                        () -> BusyCalendar.keep("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", "calendar_url"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("calendar_url")
                .hasMessageContaining("could not be read as iCalendar");
        assertThatThrownBy(() -> BusyCalendar.keep("BEGIN:VCALENDAR" + "x".repeat(BusyCalendar.MAX_CHARS), "file"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("larger than");
    }
}
