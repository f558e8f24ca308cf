package backstop.desk;

import backstop.account.Caller;
import backstop.account.User;
import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo person's last four weeks at the Desk page, made to agree with the desk hours, breaks and longest stretch
 * their diary already holds, plus this morning when the demo starts after 10:00 in Berlin. Recorded through the
 * same checks as any event; added only once.
 */
public final class DeskDemo {
    static final int DAYS = 28;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private DeskDemo() {}

    public static void seed(DeskService desk, User person, Caller caller) {
        if (desk.hasEvents(person)) {
            return;
        }
        Diary diary = desk.diaryOf(person, caller);
        Instant now = desk.clockNow();
        LocalDate today = now.atZone(BERLIN).toLocalDate();
        for (LocalDate date = today.minusDays(DAYS); date.isBefore(today); date = date.plusDays(1)) {
            diary.day(date).ifPresent(day -> {
                for (DeskEvent event : events(day)) {
                    desk.record(person, event, caller);
                }
            });
        }
        OffsetDateTime start = today.atTime(LocalTime.of(8, 30)).atZone(BERLIN).toOffsetDateTime();
        if (now.isAfter(start.plusMinutes(90).toInstant())) {
            desk.record(person, DeskEvent.of("demo-today-start", EventType.WORK_START, start), caller);
            desk.record(
                    person, DeskEvent.breakTaken("demo-today-1", start.plusMinutes(40), BreakKind.MICRO, 40), caller);
            desk.record(
                    person,
                    DeskEvent.breakEvent(
                            "demo-today-2", EventType.BREAK_POSTPONED, start.plusMinutes(60), BreakKind.REST),
                    caller);
            desk.record(
                    person, DeskEvent.breakTaken("demo-today-3", start.plusMinutes(66), BreakKind.REST, 300), caller);
        }
    }

    /**
     * A working day from 08:30 with the diary's desk minutes, its longest stretch first, the rest cut evenly by the
     * diary's number of breaks (every second one a rest break); a postpone on some days, a skip on others.
     */
    static List<DeskEvent> events(DiaryDay day) {
        int minutes = (int) Math.round(day.deskHours().orElse(0) * 60);
        if (minutes < 30) {
            return List.of();
        }
        int breaks = Math.max(0, day.breaks().orElse(minutes / 60));
        int longest = Math.min(minutes, Math.max(20, day.longestSitMin().orElse(minutes / (breaks + 1))));
        if (breaks == 0) {
            longest = minutes;
        }
        List<Integer> stretches = new ArrayList<>();
        stretches.add(longest);
        int rest = minutes - longest;
        for (int i = 0; i < breaks && rest > 0; i++) {
            int share = (int) Math.round(rest / (double) (breaks - i));
            stretches.add(share);
            rest -= share;
        }
        String prefix = "demo-" + day.date() + "-";
        List<DeskEvent> events = new ArrayList<>();
        OffsetDateTime at =
                day.date().atTime(LocalTime.of(8, 30)).atZone(BERLIN).toOffsetDateTime();
        events.add(DeskEvent.of(prefix + "start", EventType.WORK_START, at));
        int seed = day.date().getDayOfYear();
        for (int i = 0; i < stretches.size(); i++) {
            at = at.plusMinutes(stretches.get(i));
            if (i == stretches.size() - 1) {
                events.add(DeskEvent.of(prefix + "stop", EventType.WORK_STOP, at));
                break;
            }
            BreakKind kind = i % 2 != 0 ? BreakKind.REST : BreakKind.MICRO;
            boolean room = stretches.get(i) >= 10;
            if (room && (seed + i) % 5 == 0) {
                events.add(
                        DeskEvent.breakEvent(prefix + i + "-p", EventType.BREAK_POSTPONED, at.minusMinutes(5), kind));
            }
            if (room && (seed + i) % 11 == 0) {
                events.add(DeskEvent.breakEvent(prefix + i + "-s", EventType.BREAK_SKIPPED, at.minusMinutes(2), kind));
            }
            int seconds = kind == BreakKind.REST ? 300 : 40;
            events.add(DeskEvent.breakTaken(prefix + i, at, kind, seconds));
            at = at.plusSeconds(seconds);
        }
        return events;
    }
}
