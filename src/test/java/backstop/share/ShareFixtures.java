package backstop.share;

import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.app.Services;
import backstop.care.MeasureAnswer;
import backstop.care.Referral;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.ImportMode;
import backstop.diary.SimulatorSettings;
import backstop.diary.SleepPosition;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The people whose records the share tests export: one with a year of diary, an assessment and a plan followed
 * with logged sessions for twelve weeks; one with an account and nothing else.
 */
public final class ShareFixtures {
    public static final String PASSWORD = "a long enough secret";
    public static final int DIARY_DAYS = 365;
    public static final int PLAN_WEEKS = 12;

    private ShareFixtures() {}

    /** A year of diary ending yesterday, an assessment, and a plan followed on most days for twelve weeks. */
    public static User yearOfRecord(Services services, String username) {
        User person = services.accounts().addUser(username, "Robin Record", PASSWORD, Role.PERSON, cli());
        Caller me = Caller.commandLine(Optional.of(person));
        LocalDate yesterday = services.diary().today().minusDays(1);
        String csv = DiarySimulator.simulateToCsv(SimulatorSettings.defaults(DIARY_DAYS, 2026)
                .withStart(yesterday.minusDays(DIARY_DAYS - 1L))
                .withEffects(List.of(Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"))));
        services.diary().importCsv(person, csv, ImportMode.STRICT, me);
        // One day with the check-in details the CSV does not carry, and a note with characters that need care.
        DiaryDay detailed = DiaryDay.on(yesterday)
                .painAm(3)
                .painPm(5)
                .sleepPosition(SleepPosition.SIDE)
                .note("Long meeting – pain ≤ 5 \"after\" <lunch> & stairs")
                .build();
        services.diary()
                .save(
                        person,
                        new CheckIn(
                                detailed, new CheckInDetails(List.of("between_shoulder_blades"), List.of("dull_ache"))),
                        "check-in",
                        me);
        services.assessments().submit(person, demoIntake(), me);
        LocalDate start = yesterday.minusWeeks(PLAN_WEEKS).plusDays(1);
        var plan = services.plans()
                .create(person, PlanPreferences.defaults(), start, me)
                .plan();
        for (LocalDate day = start; !day.isAfter(yesterday); day = day.plusDays(1)) {
            if (day.getDayOfYear() % 5 == 0) {
                continue;
            }
            int before = day.getDayOfMonth() % 4;
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(planned -> planned.done(
                            planned.targetSets(),
                            planned.targetReps(),
                            planned.targetHoldSeconds(),
                            before,
                            Math.min(10, before + 1)))
                    .toList();
            if (!logs.isEmpty()) {
                services.plans().logSession(person, day, logs, me);
            }
        }
        // A clinician who asked for the outcome questionnaires (answered today) and made an injection referral.
        User clinician =
                services.accounts().addUser(username + "-physio", "Kim Physio", PASSWORD, Role.CLINICIAN, cli());
        Caller physio = Caller.commandLine(Optional.of(clinician));
        services.careTeam()
                .accept(
                        person,
                        services.careTeam().createInvite(clinician, physio).code(),
                        me);
        LocalDate today = services.diary().today();
        services.care().scheduleMeasure(clinician, person.id(), "psfs", today, 14, physio);
        services.care().scheduleMeasure(clinician, person.id(), "pgic", today, 28, physio);
        services.care()
                .answer(
                        person,
                        "psfs",
                        new MeasureAnswer(
                                List.of(
                                        new MeasureAnswer.Activity("Working at a screen for an hour", 4),
                                        new MeasureAnswer.Activity("Carrying shopping", 6)),
                                Optional.empty()),
                        me);
        services.care().answer(person, "pgic", new MeasureAnswer(List.of(), Optional.of(2)), me);
        services.care()
                .refer(
                        clinician,
                        person.id(),
                        Referral.Kind.TRIGGER_POINT,
                        "Dr Needle",
                        "Pain between the shoulder blades despite 12 weeks of exercise",
                        Optional.empty(),
                        physio);
        return person;
    }

    /** An account with nothing in it. */
    public static User emptyPerson(Services services, String username) {
        return services.accounts().addUser(username, "Ezra Empty", PASSWORD, Role.PERSON, cli());
    }

    public static String demoIntake() {
        try (InputStream in = ShareFixtures.class.getResourceAsStream("/demo/intake.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Caller cli() {
        return Caller.commandLine(Optional.empty());
    }
}
