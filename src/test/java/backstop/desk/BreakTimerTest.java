package backstop.desk;

import static backstop.desk.SimulatedDays.berlin;
import static org.assertj.core.api.Assertions.assertThat;

import backstop.desk.SimulatedDays.Day;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The break schedule over whole simulated days, read off a fake clock minute by minute. */
class BreakTimerTest {
    private static final Day OFFICE = SimulatedDays.officeDay();
    private static final String MONDAY = "2026-03-02";

    private static TimerState at(String time) {
        return SimulatedDays.at(OFFICE, berlin(MONDAY, time));
    }

    @Test
    void beforeTheWorkingDayStartsNothingIsDue() {
        TimerState state = at("08:54");
        assertThat(state.working()).isFalse();
        assertThat(state.nextAt()).isEmpty();
        assertThat(state.due()).isFalse();
    }

    @Test
    void theFirstMicroBreakFallsDueOneIntervalAfterTheStart() {
        assertThat(at("09:00").nextKind()).contains(BreakKind.MICRO);
        assertThat(at("09:00").nextAt()).contains(berlin(MONDAY, "09:25").toInstant());
        assertThat(at("09:24").due()).isFalse();
        assertThat(at("09:25").due()).isTrue();
        assertThat(at("09:25").stretchSince()).contains(berlin(MONDAY, "08:55").toInstant());
    }

    @Test
    void aRestBreakComesAnHourAfterTheStartEvenRightAfterAMicroBreak() {
        TimerState state = at("09:30");
        assertThat(state.due()).isFalse();
        assertThat(state.nextKind()).contains(BreakKind.REST);
        assertThat(state.nextAt()).contains(berlin(MONDAY, "09:55").toInstant());
        assertThat(at("09:55").due()).isTrue();
    }

    @Test
    void postponingMovesTheBreakByThePostponeTimeUntilThePersonsLimitIsUsedUp() {
        assertThat(at("09:55").postponesLeft()).isEqualTo(2);
        TimerState once = at("09:58");
        assertThat(once.due()).isFalse();
        assertThat(once.nextKind()).contains(BreakKind.REST);
        assertThat(once.nextAt()).contains(berlin(MONDAY, "10:01").toInstant());
        assertThat(once.postponesLeft()).isEqualTo(1);
        TimerState twice = at("10:03");
        assertThat(twice.nextAt()).contains(berlin(MONDAY, "10:06").toInstant());
        assertThat(twice.postponesLeft()).isZero();
        assertThat(at("10:06").postponesLeft())
                .as("a taken break gives the next one its own postpones")
                .isEqualTo(2);
    }

    @Test
    void aBreakThatFallsIntoACalendarMeetingWaitsForItsEndAndNothingIsDueMeanwhile() {
        TimerState before = at("10:20");
        assertThat(before.nextAt())
                .as("due 10:41, inside the meeting")
                .contains(berlin(MONDAY, "11:15").toInstant());
        TimerState during = at("10:45");
        assertThat(during.due()).isFalse();
        assertThat(during.pausedUntil()).contains(berlin(MONDAY, "11:15").toInstant());
        assertThat(during.pausedFor()).contains("calendar");
        TimerState after = at("11:15");
        assertThat(after.pausedUntil()).isEmpty();
        assertThat(after.due()).isTrue();
        assertThat(after.nextKind()).contains(BreakKind.MICRO);
    }

    @Test
    void skippingAMicroBreakLeavesTheOverdueRestBreakDueAndCountsAgainstTheDailySkips() {
        TimerState state = at("11:16");
        assertThat(state.skipsLeft()).isEqualTo(2);
        assertThat(state.nextKind()).contains(BreakKind.REST);
        assertThat(state.due()).isTrue();
        assertThat(state.stretchSince())
                .as("a skip is no break")
                .contains(berlin(MONDAY, "10:11").toInstant());
    }

    @Test
    void timeAwayThePersonConfirmedIsANaturalBreakLongEnoughToCountAsTheRestBreak() {
        TimerState state = at("12:50");
        assertThat(state.stretchSince()).contains(berlin(MONDAY, "12:45").toInstant());
        assertThat(state.nextKind()).contains(BreakKind.MICRO);
        assertThat(state.nextAt()).contains(berlin(MONDAY, "13:15").toInstant());
        assertThat(at("13:20").nextKind()).as("rest clock restarted at 12:45").contains(BreakKind.REST);
        assertThat(at("13:20").nextAt()).contains(berlin(MONDAY, "13:45").toInstant());
    }

    @Test
    void idleReadingThePersonDidNotConfirmCountsAsSitting() {
        // 13:50 to 14:50 with twenty idle minutes at 14:00: still one stretch, and the micro-break fell due at 14:20.
        assertThat(at("14:20").due()).isTrue();
        assertThat(at("14:30").stretchSince()).contains(berlin(MONDAY, "13:50").toInstant());
    }

    @Test
    void aCallToggledOnThePageHoldsTheBreakUntilItEnds() {
        assertThat(at("15:10").pausedFor()).contains("call");
        assertThat(at("15:10").due()).isFalse();
        assertThat(at("15:29").due()).isFalse();
        assertThat(at("15:30").due()).isTrue();
    }

    @Test
    void theDailySittingLimitIsReachedAfterFiveHoursOfSitting() {
        assertThat(at("15:01").limitReached()).isFalse();
        assertThat(at("15:02").limitReached()).isTrue();
    }

    @Test
    void afterTheDayStopsNothingIsDueAndTheDayIsMeasured() {
        TimerState state = at("17:35");
        assertThat(state.working()).isFalse();
        assertThat(state.due()).isFalse();
        DeskDay day = DeskTimeline.day(OFFICE.events(), berlin(MONDAY, "23:00").toInstant(), LocalDate.parse(MONDAY));
        assertThat(day.microBreaks()).isEqualTo(3);
        assertThat(day.restBreaks()).isEqualTo(4);
        assertThat(day.naturalBreaks()).isEqualTo(1);
        assertThat(day.breaksTaken()).isEqualTo(8);
        assertThat(day.skipped()).isEqualTo(1);
        assertThat(day.postponed()).isEqualTo(2);
        assertThat(day.sessions()).isEqualTo(1);
        assertThat(day.longestStretchSeconds()).as("16:00:30 to 17:30").isEqualTo(89 * 60 + 30);
        assertThat(day.longestStretchMinutes()).isEqualTo(90);
        assertThat(day.sittingSeconds()).isEqualTo(26885);
        assertThat(day.deskHours()).isEqualTo(7.5);
    }

    @Test
    void aWorkingDayPastMidnightCountsOnBothDaysAndSkipsStartAfreshAtMidnight() {
        Day late = SimulatedDays.pastMidnight();
        List<DeskDay> days =
                DeskTimeline.days(late.events(), berlin("2026-03-04", "09:00").toInstant());
        assertThat(days)
                .extracting(DeskDay::date)
                .containsExactly(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-04"));
        // 22:30–23:40 (70 min) and 23:41–24:00 (19 min) on the first day; 00:00–01:10 on the second.
        assertThat(days.get(0).sittingSeconds()).isEqualTo((70 + 19) * 60);
        assertThat(days.get(0).longestStretchMinutes()).isEqualTo(70);
        assertThat(days.get(1).sittingSeconds()).isEqualTo(70 * 60);
        assertThat(days.get(1).skipped()).isEqualTo(1);
        assertThat(SimulatedDays.at(late, berlin("2026-03-03", "23:59")).sittingTodaySeconds())
                .isEqualTo((70 + 18) * 60);
        assertThat(SimulatedDays.at(late, berlin("2026-03-04", "00:30")).sittingTodaySeconds())
                .as("today's sitting starts again at midnight")
                .isEqualTo(30 * 60);
        assertThat(SimulatedDays.at(late, berlin("2026-03-04", "00:30")).skipsLeft())
                .isEqualTo(2);
    }

    @Test
    void afterATimeZoneChangeTheDayIsThePersonsNewLocalDay() {
        Day trip = SimulatedDays.timeZoneChange();
        List<DeskDay> days =
                DeskTimeline.days(trip.events(), berlin("2026-03-06", "09:00").toInstant());
        // Berlin 13:00–13:40 and 13:40:30–16:10 on the 5th; Tokyo 00:15–01:30 on the 6th.
        assertThat(days)
                .extracting(DeskDay::date)
                .containsExactly(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"));
        assertThat(days.get(0).sittingSeconds()).isEqualTo(40 * 60 + (149 * 60 + 30));
        assertThat(days.get(1).sittingSeconds()).isEqualTo(75 * 60);
        assertThat(days.get(1).restBreaks()).isEqualTo(1);
        OffsetDateTime inTokyo = OffsetDateTime.parse("2026-03-06T00:20:00+09:00");
        TimerState state = SimulatedDays.at(trip, inTokyo);
        assertThat(state.working()).isTrue();
        assertThat(state.sittingTodaySeconds()).isEqualTo(5 * 60);
    }

    @Test
    void aForgottenWorkingDayStopsCountingAfterSixteenHoursAndEndsAtItsLastEvent() {
        Day forgotten = SimulatedDays.forgottenTab();
        TimerState evening = SimulatedDays.at(forgotten, berlin("2026-03-09", "20:00"));
        assertThat(evening.working()).isTrue();
        TimerState nextMorning = SimulatedDays.at(forgotten, berlin("2026-03-10", "01:00"));
        assertThat(nextMorning.working()).isFalse();
        assertThat(nextMorning.stale()).isTrue();
        DeskDay day = DeskTimeline.day(
                forgotten.events(), berlin("2026-03-10", "09:00").toInstant(), LocalDate.parse("2026-03-09"));
        assertThat(day.sittingSeconds()).as("09:00–09:30 and 09:30:30–10:00").isEqualTo(30 * 60 + 29 * 60 + 30);
    }

    @Test
    void whenAMicroAndARestBreakFallDueTogetherTheRestBreakComes() {
        TimerState state = SimulatedDays.at(SimulatedDays.bothAtOnce(), berlin("2026-03-10", "10:00"));
        assertThat(state.due()).isTrue();
        assertThat(state.nextKind()).contains(BreakKind.REST);
        TimerState after = SimulatedDays.at(SimulatedDays.bothAtOnce(), berlin("2026-03-10", "10:06"));
        assertThat(after.nextKind())
                .as("a rest break of four minutes is shorter than the five set")
                .contains(BreakKind.MICRO);
        assertThat(after.nextAt()).contains(berlin("2026-03-10", "10:35").toInstant());
    }

    @Test
    void strictModeOffersNeitherPostponeNorSkip() {
        DeskSettings strict = new DeskSettings(false, 30, 60, 5, 300, 5, 2, 3, true, false, 5);
        TimerState state = BreakTimer.at(
                strict,
                OFFICE.events(),
                List.of(),
                berlin(MONDAY, "09:25").toInstant(),
                SimulatedDays.BERLIN_WINTER,
                true);
        assertThat(state.due()).isTrue();
        assertThat(state.postponesLeft()).isZero();
        assertThat(state.skipsLeft()).isZero();
    }

    @Test
    void onTheReminderFreeWeeksOfAnExperimentNothingFallsDueButTheDayIsMeasured() {
        TimerState state = BreakTimer.at(
                OFFICE.settings(),
                OFFICE.events(),
                List.of(),
                berlin(MONDAY, "09:25").toInstant(),
                SimulatedDays.BERLIN_WINTER,
                false);
        assertThat(state.working()).isTrue();
        assertThat(state.due()).isFalse();
        assertThat(state.sittingTodaySeconds()).isEqualTo(30 * 60);
        assertThat(SimulatedDays.event(OFFICE, "e02")).map(DeskEvent::kind).contains(Optional.of(BreakKind.MICRO));
    }
}
