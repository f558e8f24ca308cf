package backstop.clinic;

import backstop.account.AccountService;
import backstop.account.Caller;
import backstop.account.Role;
import backstop.account.User;
import backstop.assessment.AssessmentService;
import backstop.diary.Diary;
import backstop.diary.DiaryCsv;
import backstop.diary.DiaryDay;
import backstop.diary.DiaryService;
import backstop.diary.ImportMode;
import backstop.json.Json;
import backstop.plan.Plan;
import backstop.plan.PlanPreferences;
import backstop.plan.PlanService;
import backstop.plan.SessionLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The demo clinician's caseload (issue 10): 32 linked patients in the states a therapist meets — recovering, flaring,
 * pain creeping up, not adhering, gone quiet, a new warning sign, a new cause in a later assessment, referral criteria
 * met, just joined — so the roster is realistic on first start. Each past is written in order through the services on a
 * {@link DemoClock}: months of diary with earlier episodes (so recurrence has intervals), the assessment the day
 * before the plan, the plan before its sessions, and a later assessment where the story needs one. Seeding again adds
 * nothing.
 */
public final class ClinicDemo {
    /** Every demo patient's password (they can sign in to see their side). */
    public static final String PASSWORD = "back-in-shape-2026";

    enum Story {
        RECOVERING,
        FLARING,
        CREEPING_UP,
        NOT_ADHERING,
        QUIET,
        WARNING_SIGN,
        NEW_CAUSE,
        REFERRAL,
        JUST_JOINED
    }

    private record Person(String username, String name, Story story) {}

    private static final List<Person> CASELOAD = caseload();

    private ClinicDemo() {}

    private static List<Person> caseload() {
        String[][] names = {
            {
                "RECOVERING",
                "Ava Brooks",
                "Ben Carter",
                "Chloe Diaz",
                "Dev Patel",
                "Ella Fischer",
                "Finn Olsen",
                "Grace Kim",
                "Hugo Laurent"
            },
            {"FLARING", "Ines Moreau", "Jonas Berg", "Kara Singh", "Liam Novak"},
            {"CREEPING_UP", "Maya Rossi", "Noah Weber", "Olga Ivanova"},
            {"NOT_ADHERING", "Pablo Ruiz", "Quinn Murphy", "Rosa Costa", "Sami Haddad", "Tara Walsh"},
            {"QUIET", "Umar Khan", "Vera Lind", "Wes Turner"},
            {"WARNING_SIGN", "Xena Park", "Yusuf Demir"},
            {"NEW_CAUSE", "Zara Ahmed", "Aaron Blake", "Bea Chen"},
            {"REFERRAL", "Carl Dunn", "Dina Evans"},
            {"JUST_JOINED", "Emil Frost", "Fay Green"}
        };
        List<Person> people = new ArrayList<>();
        for (String[] group : names) {
            Story story = Story.valueOf(group[0]);
            for (int i = 1; i < group.length; i++) {
                String username =
                        "patient-" + group[i].toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
                people.add(new Person(username, group[i], story));
            }
        }
        return List.copyOf(people);
    }

    /** How many patients the demo links with its clinician. */
    public static int size() {
        return CASELOAD.size();
    }

    /**
     * Links {@code clinician} with the caseload, creating each patient once. The services must run on {@code clock}
     * (the demo wires a second set on the same database); the clock is back at the real time afterwards.
     */
    public static void seed(
            AccountService accounts,
            CareTeam team,
            AssessmentService assessments,
            DiaryService diary,
            PlanService plans,
            DemoClock clock,
            User clinician) {
        Caller cli = Caller.commandLine(Optional.empty());
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        try {
            for (Person person : CASELOAD) {
                n++;
                if (accounts.findByUsername(person.username()).isPresent()) {
                    continue;
                }
                clock.reset();
                User user = accounts.addUser(person.username(), person.name(), PASSWORD, Role.PERSON, cli);
                story(person.story(), user, n, today, team, assessments, diary, plans, clock, clinician);
            }
        } finally {
            clock.reset();
        }
    }

    private static void at(DemoClock clock, LocalDate day, int hour) {
        clock.set(day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC));
    }

    private static void story(
            Story story,
            User person,
            int n,
            LocalDate today,
            CareTeam team,
            AssessmentService assessments,
            DiaryService diary,
            PlanService plans,
            DemoClock clock,
            User clinician) {
        Caller as = Caller.commandLine(Optional.of(person));
        Random random = new Random(1000L + n);
        int planWeeks = switch (story) {
            case RECOVERING -> 6 + n % 5;
            case REFERRAL -> 8;
            case JUST_JOINED -> 0;
            default -> 3 + n % 6;
        };
        LocalDate planStart = today.minusWeeks(planWeeks);
        int historyDays = story == Story.JUST_JOINED ? 5 : 150 + 10 * (n % 6);
        int quietDays = story == Story.QUIET ? 9 + n % 8 : 0;
        LocalDate first = today.minusDays(historyDays);
        LocalDate last = today.minusDays(quietDays);

        // The link: the clinician made a code shortly before the plan, the person accepted it the same day.
        LocalDate linked = story == Story.JUST_JOINED ? today.minusDays(3) : planStart.minusDays(2);
        at(clock, linked, 10);
        Invite invite = team.createInvite(clinician, Caller.commandLine(Optional.of(clinician)));
        at(clock, linked, 19);
        team.accept(person, invite.code(), as);

        // The diary, imported at today's time (an import is one act), shaped by the story.
        clock.reset();
        List<DiaryDay> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (random.nextInt(12) == 0) {
                continue; // a missed day, as in real diaries
            }
            days.add(day(story, day, today, planStart, random));
        }
        diary.importCsv(person, DiaryCsv.toCsv(new Diary(days)), ImportMode.STRICT, as);
        if (story == Story.JUST_JOINED) {
            return;
        }

        // The assessment the day before the plan, the plan, then its sessions day by day.
        at(clock, planStart.minusDays(1), 9);
        assessments.submit(person, intake(story == Story.REFERRAL ? Variant.KNOTS : Variant.DESK), as);
        at(clock, planStart.minusDays(1), 10);
        Plan plan =
                plans.create(person, PlanPreferences.defaults(), planStart, as).plan();
        double adherence = switch (story) {
            case RECOVERING, REFERRAL -> 0.9;
            case FLARING -> 0.7;
            case CREEPING_UP, NEW_CAUSE, WARNING_SIGN -> 0.75;
            case NOT_ADHERING -> 0.15 + 0.05 * (n % 4);
            case QUIET -> 0.5;
            case JUST_JOINED -> 0;
        };
        for (LocalDate day = planStart; day.isBefore(today) && !day.isAfter(last); day = day.plusDays(1)) {
            if (random.nextDouble() > adherence) {
                continue;
            }
            int before = Math.max(0, painOn(story, day, today, planStart) - 1);
            List<SessionLog> logs = plan.today(day).toLog().stream()
                    .map(planned -> planned.done(
                            planned.targetSets(),
                            planned.targetReps(),
                            planned.targetHoldSeconds(),
                            before,
                            Math.min(10, before + 1)))
                    .toList();
            if (!logs.isEmpty()) {
                at(clock, day, 18);
                plans.logSession(person, day, logs, as);
            }
        }

        // A later assessment where the story needs one.
        if (story == Story.WARNING_SIGN) {
            at(clock, today.minusDays(1 + n % 2), 8);
            assessments.submit(person, intake(Variant.LATE_ONSET), as);
        } else if (story == Story.NEW_CAUSE) {
            at(clock, today.minusDays(3 + n % 3), 8);
            assessments.submit(person, intake(Variant.JOINT), as);
        }
    }

    /** Evening pain on a day, by story: earlier episodes in the history, then the story's recent weeks. */
    private static int painOn(Story story, LocalDate day, LocalDate today, LocalDate planStart) {
        long ago = java.time.temporal.ChronoUnit.DAYS.between(day, today);
        if (day.isBefore(planStart.minusDays(14))) {
            // Earlier episodes: six days of pain every 50 days, pain-free (0 or 1) for the six weeks between.
            long phase = Math.floorMod(day.toEpochDay(), 50);
            return phase < 6 ? 5 : 1;
        }
        return switch (story) {
            case RECOVERING ->
                (int) Math.max(
                        1,
                        Math.round(5
                                - 4.0 * (1 - ago / Math.max(1.0, today.toEpochDay() - planStart.toEpochDay() + 14))));
            case FLARING -> ago < 4 ? 7 : 3;
            case CREEPING_UP -> ago < 7 ? 4 : 2;
            case REFERRAL -> 4;
            default -> 3;
        };
    }

    private static DiaryDay day(Story story, LocalDate date, LocalDate today, LocalDate planStart, Random random) {
        int base = painOn(story, date, today, planStart);
        int pm = base <= 1 ? random.nextInt(2) : Math.min(10, base + (random.nextInt(5) == 0 ? 1 : 0));
        double desk = 5 + random.nextInt(5);
        return DiaryDay.on(date)
                .painAm(Math.max(0, pm - 1))
                .painPm(pm)
                .deskHours(desk)
                .breaks(random.nextInt(6))
                .stress(Math.min(10, 2 + random.nextInt(6)))
                .sleepQuality(4 + random.nextInt(6))
                .build();
    }

    private enum Variant {
        DESK,
        KNOTS,
        SLEEP,
        JOINT,
        LATE_ONSET
    }

    /** The demo intake, changed for the story: tender knots (trigger points), sleep-related signs, twisting that hurts (a joint), or a first onset after 50. */
    private static String intake(Variant variant) {
        try (InputStream in = ClinicDemo.class.getResourceAsStream("/demo/intake.json")) {
            if (in == null) {
                throw new IllegalStateException("the demo intake is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode intake = (ObjectNode) Json.mapper().readTree(text);
            switch (variant) {
                case DESK -> {}
                case KNOTS -> {
                    ((ObjectNode) intake.get("knots")).put("tender_knots", true);
                    ((ObjectNode) intake.get("knots")).put("pressing_reproduces_pain", true);
                    ((ObjectNode) intake.get("factors")).put("sustained_arm_use", "worse");
                    ((ObjectNode) intake.get("factors")).put("after_training", "worse");
                    ((ObjectNode) intake.get("factors")).put("massage", "better");
                }
                case SLEEP -> {
                    ObjectNode sleep = (ObjectNode) intake.get("sleep");
                    sleep.put("position", "stomach");
                    sleep.put("pillow", "high_or_stacked");
                    sleep.put("night_waking", "positional");
                    sleep.put("morning_stiffness", true);
                    sleep.put("morning_stiffness_minutes", 20);
                    ((ObjectNode) intake.get("factors")).put("mornings", "worse");
                    ((ObjectNode) intake.get("factors")).put("lying_down", "worse");
                }
                case JOINT -> {
                    ((ObjectNode) intake.get("factors")).put("twisting", "worse");
                    ((com.fasterxml.jackson.databind.node.ArrayNode) intake.get("qualities"))
                            .add("sharp_with_movement")
                            .add("stiffness");
                    ((com.fasterxml.jackson.databind.node.ArrayNode) intake.get("locations"))
                            .add("one_side")
                            .add("mid_back_centre");
                }
                case LATE_ONSET -> {
                    ((ObjectNode) intake.get("red_flags")).put("onset_age", 56);
                    intake.put("age", 56);
                }
            }
            return Json.mapper().writeValueAsString(intake);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo intake is not JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
