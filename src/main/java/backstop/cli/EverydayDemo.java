package backstop.cli;

import backstop.account.Caller;
import backstop.account.User;
import backstop.app.Services;
import backstop.diary.Diary;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The demo person's everyday story (issue 14), in an order that adds up: two years of diary in which upper back pain
 * came back every seven weeks or so, an assessment eight months ago, a plan made the day after it, and sessions
 * logged from the plan's first day on. Since the plan, the episodes have stopped: the insights page shows the time
 * to recurrence (Kaplan–Meier) and "fewer since the plan". Habits still follow the simulator's planted effects, so
 * the trigger cards have something to find.
 */
final class EverydayDemo {
    /** Two years of diary up to yesterday. */
    static final int DIARY_DAYS = 730;
    /** The assessment was taken this many days before today; the plan starts the day after. */
    static final int ASSESSED_DAYS_AGO = 240;
    /** Before the plan an episode began every 50 days, lasting 9 to 12 days. */
    static final int EPISODE_EVERY = 50;

    static final int EPISODES_BEFORE_PLAN = 9;

    private EverydayDemo() {}

    static void seed(Services services, User person) {
        Caller asPerson = Caller.commandLine(java.util.Optional.of(person));
        LocalDate today = services.diary().today();
        LocalDate first = today.minusDays(DIARY_DAYS);
        LocalDate assessed = today.minusDays(ASSESSED_DAYS_AGO);
        LocalDate planStart = assessed.plusDays(1);
        services.diary().importCsv(person, DiaryCsv.toCsv(diary(first, planStart, today)), ImportMode.STRICT, asPerson);

        // The assessment and the plan happened on their own days: services on a clock set to each day.
        Services thatMorning = Services.wire(services.database(), at(assessed, LocalTime.of(8, 15)));
        thatMorning.assessments().submit(person, intake(), asPerson);
        Services nextDay = Services.wire(services.database(), at(planStart, LocalTime.of(7, 30)));
        var plan = nextDay.plans()
                .create(person, PlanPreferences.defaults(), planStart, asPerson)
                .plan();
        Diary diary = services.diary().diary(person, asPerson);
        for (LocalDate day = planStart; day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfYear() % 5 == 0) {
                continue; // a few sessions skipped, as in real life
            }
            int morning = diary.day(day)
                    .map(DiaryDay::painAm)
                    .filter(OptionalInt::isPresent)
                    .map(OptionalInt::getAsInt)
                    .orElse(1);
            int during = Math.min(10, morning + (day.getDayOfMonth() % 3 == 0 ? 1 : 0));
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(planned -> planned.done(
                            planned.targetSets(), planned.targetReps(), planned.targetHoldSeconds(), morning, during))
                    .toList();
            if (!logs.isEmpty()) {
                services.plans().logSession(person, day, logs, asPerson);
            }
        }
    }

    /**
     * The simulator's days (habits with planted effects, missing days and all) with the pain reshaped into the
     * story: episodes of 3–8 every {@link #EPISODE_EVERY} days before the plan, 0–1 in between and since.
     */
    static Diary diary(LocalDate first, LocalDate planStart, LocalDate today) {
        Diary simulated = DiarySimulator.simulate(SimulatorSettings.defaults(DIARY_DAYS, 2026)
                        .withStart(first)
                        .withEffects(List.of(
                                Effect.parse("desk_hours:0:0.3"),
                                Effect.parse("stress:0:0.2"),
                                Effect.parse("sleep_quality:1:-0.15"))))
                .diary();
        List<DiaryDay> days = new ArrayList<>();
        for (DiaryDay day : simulated.days()) {
            if (!day.date().isBefore(today)) {
                continue;
            }
            boolean episode = inEpisode(first, planStart, day.date());
            days.add(new DiaryDay(
                    day.date(),
                    reshape(day.painAm(), episode),
                    reshape(day.painPm(), episode),
                    day.deskHours(),
                    day.longestSitMin(),
                    day.breaks(),
                    day.exerciseMin(),
                    day.stress(),
                    day.sleepQuality(),
                    day.sleepPosition(),
                    day.armLoad(),
                    day.note()));
        }
        return new Diary(days);
    }

    static boolean inEpisode(LocalDate first, LocalDate planStart, LocalDate date) {
        if (!date.isBefore(planStart)) {
            return false;
        }
        long day = java.time.temporal.ChronoUnit.DAYS.between(first, date);
        long k = (day - 20) / EPISODE_EVERY;
        long into = (day - 20) % EPISODE_EVERY;
        return day >= 20 && k < EPISODES_BEFORE_PLAN && into < 9 + k % 4;
    }

    /** In an episode the simulated pain, kept between 3 and 8; outside it 0 or 1 (a faint ache on worse days). */
    private static OptionalInt reshape(OptionalInt pain, boolean episode) {
        if (pain.isEmpty()) {
            return pain;
        }
        int value = pain.getAsInt();
        return OptionalInt.of(episode ? Math.max(3, Math.min(8, value + 1)) : value >= 5 ? 1 : 0);
    }

    private static Clock at(LocalDate day, LocalTime time) {
        return Clock.fixed(day.atTime(time).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    /** The demo person's intake: a desk worker whose pain also follows stress (written for the demo). */
    static String intake() {
        try (InputStream in = EverydayDemo.class.getResourceAsStream("/demo/intake.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo intake is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
