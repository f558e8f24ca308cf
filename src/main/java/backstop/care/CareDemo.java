package backstop.care;

import backstop.account.Caller;
import backstop.account.User;
import backstop.clinic.CareTeam;
import backstop.clinic.Patient;
import backstop.plan.Adherence;
import backstop.plan.Coverage;
import backstop.plan.PlanExercise;
import backstop.plan.ReferralCriterion;
import backstop.plan.StoredPlan;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The demo's care data, added after the clinic demo has linked the clinician with their patients: a few plans changed
 * by the clinician (with a note), PSFS and PGIC scheduled six weeks ago and answered every two weeks, and a referral
 * (with its outcome) for patients whose referral criteria are met. The services must run on the clock that
 * {@code move} sets; {@code move} is left at {@code today}. Seeding again adds nothing.
 */
public final class CareDemo {
    /** Moves the services' clock to a day (the demo's clock; a test's clock in tests). */
    @FunctionalInterface
    public interface DayMover {
        void to(LocalDate day);
    }

    static final int CHANGED_PLANS = 3;
    static final int MEASURED = 6;
    static final int REFERRALS = 2;
    /** The demo patients' PSFS activities. */
    private static final String[] ACTIVITIES = {
        "carrying the shopping", "an hour at the screen", "sleeping through the night"
    };

    private CareDemo() {}

    /**
     * Adds the care data for {@code clinician}'s linked patients (from {@link CareTeam#activePatients}, by name):
     * plan changes for the first few with a plan, measures for the first few linked at least six weeks ago, and
     * referrals for those whose criteria were met on the referral day.
     */
    public static void seed(CareService care, CareTeam team, User clinician, LocalDate today, DayMover move) {
        Caller caller = Caller.commandLine(Optional.of(clinician));
        List<Patient> linked = team.activePatients(clinician);
        List<User> patients = linked.stream().map(Patient::person).toList();
        try {
            int changed = 0;
            int measured = 0;
            for (Patient patient : linked) {
                move.to(today);
                if (changed < CHANGED_PLANS
                        && changePlan(care, clinician, patient.person(), changed == CHANGED_PLANS - 1, caller)) {
                    changed++;
                }
                LocalDate since = LocalDate.ofInstant(patient.linkedSince(), ZoneOffset.UTC);
                if (measured < MEASURED && !since.isAfter(today.minusWeeks(6))) {
                    measure(care, clinician, patient.person(), measured, today, move, caller);
                    measured++;
                }
            }
            int referred = 0;
            for (User patient : patients) {
                if (referred >= REFERRALS) {
                    break;
                }
                move.to(today);
                if (!care.referralsOf(clinician, patient.id(), caller).isEmpty()) {
                    referred++;
                    continue;
                }
                if (refer(care, clinician, patient, today, move, caller)) {
                    referred++;
                }
            }
        } finally {
            move.to(today);
        }
    }

    /**
     * Holds the first exercise's progression; or, when {@code dropACause}, leaves out every exercise that works on one
     * active cause, so the roster shows "this plan treats the symptom only" for a plan a clinician changed.
     */
    private static boolean changePlan(
            CareService care, User clinician, User patient, boolean dropACause, Caller caller) {
        Caller asPatient = Caller.commandLine(Optional.of(patient));
        List<StoredPlan> versions = care.versions(patient, asPatient);
        if (versions.isEmpty()) {
            return false;
        }
        if (versions.stream().anyMatch(v -> v.change().isPresent())) {
            return true;
        }
        StoredPlan current = versions.get(0);
        Optional<PlanExercise> first = current.plan().sessions().stream()
                .flatMap(s -> s.exercises().stream())
                .findFirst();
        if (first.isEmpty()) {
            return false;
        }
        PlanExercise exercise = first.get();
        if (dropACause && dropACause(care, clinician, patient, caller)) {
            return true;
        }
        PlanEdit edit = new PlanEdit(
                List.of(new Change.HoldProgression(exercise.id(), true)),
                "hold while the shoulder settles",
                "Keep " + exercise.name() + " at this dose until we meet again; the rest goes on as planned.");
        Preview preview = care.preview(clinician, patient.id(), edit, caller);
        care.prescribe(clinician, patient.id(), edit, preview.digest(), caller);
        return true;
    }

    /** Leaves out the exercises of one active cause the plan addresses; false when no such edit can be made. */
    private static boolean dropACause(CareService care, User clinician, User patient, Caller caller) {
        var coverage = care.prescribing(clinician, patient.id(), caller).coverage();
        for (var cause : coverage.causes()) {
            if (!cause.active()
                    || cause.status() != Coverage.Status.ADDRESSED
                    || cause.exerciseIds().isEmpty()) {
                continue;
            }
            PlanEdit edit = new PlanEdit(
                    cause.exerciseIds().stream()
                            .distinct()
                            .<Change>map(Change.RemoveExercise::new)
                            .toList(),
                    "fewer exercises while the arm is sore",
                    "Leave out the " + cause.label().toLowerCase(java.util.Locale.ROOT)
                            + " exercises until we meet again; keep the rest as planned.");
            try {
                Preview preview = care.preview(clinician, patient.id(), edit, caller);
                care.prescribe(clinician, patient.id(), edit, preview.digest(), caller);
                return true;
            } catch (backstop.error.BadInputException e) {
                // this cause's exercises cannot all go (a session would be left empty): try the next cause
            }
        }
        return false;
    }

    private static void measure(
            CareService care, User clinician, User patient, int index, LocalDate today, DayMover move, Caller caller) {
        if (!care.schedulesOf(clinician, patient.id(), caller).isEmpty()) {
            return;
        }
        LocalDate start = today.minusWeeks(6);
        move.to(start);
        care.scheduleMeasure(clinician, patient.id(), "psfs", start, 14, caller);
        care.scheduleMeasure(clinician, patient.id(), "pgic", start.plusWeeks(2), 14, caller);
        Caller asPatient = Caller.commandLine(Optional.of(patient));
        boolean improving = index % 3 != 2;
        int[][] ratings = improving
                ? new int[][] {{3, 4, 2}, {4, 5, 3}, {6, 6, 5}, {7, 7, 6}}
                : new int[][] {{4, 5, 3}, {4, 4, 3}, {3, 4, 3}, {4, 4, 2}};
        int[] pgic = improving ? new int[] {3, 2, 2} : new int[] {4, 4, 5};
        for (int step = 0; step < ratings.length; step++) {
            LocalDate day = start.plusWeeks(2L * step);
            if (day.isAfter(today)) {
                break;
            }
            move.to(day);
            int[] r = ratings[step];
            care.answer(
                    patient,
                    "psfs",
                    new MeasureAnswer(
                            List.of(
                                    new MeasureAnswer.Activity(ACTIVITIES[0], r[0]),
                                    new MeasureAnswer.Activity(ACTIVITIES[1], r[1]),
                                    new MeasureAnswer.Activity(ACTIVITIES[2], r[2])),
                            Optional.empty()),
                    asPatient);
            if (step > 0) {
                care.answer(patient, "pgic", new MeasureAnswer(List.of(), Optional.of(pgic[step - 1])), asPatient);
            }
        }
    }

    /** Refers on the earliest of three and one week ago on which a criterion was met; false when none was. */
    private static boolean refer(
            CareService care, User clinician, User patient, LocalDate today, DayMover move, Caller caller) {
        LocalDate referredOn = null;
        ReferralCriterion criterion = null;
        for (LocalDate day : List.of(today.minusWeeks(3), today.minusWeeks(1))) {
            move.to(day);
            List<Adherence.CriterionStatus> met =
                    care.referralDesk(clinician, patient.id(), caller).met();
            if (!met.isEmpty()) {
                referredOn = day;
                criterion = met.get(0).criterion();
                break;
            }
        }
        if (criterion == null) {
            return false;
        }
        Referral.Kind kind = criterion.id().contains("epidural") ? Referral.Kind.EPIDURAL : Referral.Kind.TRIGGER_POINT;
        long id = care.refer(
                clinician,
                patient.id(),
                kind,
                "Dr Osei, pain clinic",
                criterion.title() + ", after a fair trial of the exercises",
                Optional.of(criterion.id()),
                caller);
        move.to(today);
        care.referralOutcome(
                clinician,
                patient.id(),
                id,
                Referral.Outcome.DONE,
                referredOn.plusDays(3),
                "seen in the pain clinic",
                caller);
        return true;
    }
}
