package backstop.clinic;

import backstop.assessment.AssessmentResult;
import backstop.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the roster knows of one linked patient, read for all patients at once by {@link Roster}: the latest
 * assessment and plan, the evening pain of the last weeks, the last check-in, the logged session days, the
 * clinician's marks and the latest outcome measures.
 */
record PatientFacts(
        Patient patient,
        Optional<LatestAssessment> assessment,
        Optional<CurrentPlan> plan,
        NavigableMap<LocalDate, Integer> eveningPain,
        Optional<LocalDate> lastCheckIn,
        Set<LocalDate> loggedDaysRecent,
        int loggedDaysSinceStart,
        Map<AlertKind, Reason.Seen> seen,
        List<MeasureMark> measures) {

    PatientFacts {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(plan, "plan");
        eveningPain = new TreeMap<>(eveningPain);
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
        loggedDaysRecent = Set.copyOf(loggedDaysRecent);
        seen = Map.copyOf(seen);
        measures = List.copyOf(measures);
    }

    /** The newest assessment: its id (the event a red-flag mark holds for), when, and its result. */
    record LatestAssessment(long id, Instant takenAt, AssessmentResult result) {}

    /** The newest plan version, and the day the person's first plan began (weeks on plan count from there). */
    record CurrentPlan(long id, LocalDate firstStart, Plan plan) {}
}
