package backstop.clinic;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One line of the roster: the patient, every reason they need attention (open or seen), and the columns a therapist
 * expects. {@code adherencePercent} is over the last 14 days (empty without planned days); {@code painSeries} is the
 * evening pain of the last 28 days, oldest first, with empty entries for days without one; {@code measures} the latest
 * answer to each outcome measure with its change against the MCID.
 */
public record RosterRow(
        Patient patient,
        List<Reason> reasons,
        Optional<LocalDate> lastCheckIn,
        List<Optional<Integer>> painSeries,
        OptionalInt adherencePercent,
        OptionalLong weeksOnPlan,
        List<String> activeCauses,
        boolean hasPlan,
        List<MeasureMark> measures) {

    public RosterRow {
        Objects.requireNonNull(patient, "patient");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
        painSeries = List.copyOf(painSeries);
        Objects.requireNonNull(adherencePercent, "adherencePercent");
        Objects.requireNonNull(weeksOnPlan, "weeksOnPlan");
        activeCauses = List.copyOf(activeCauses);
        measures = List.copyOf(measures);
    }

    /** The same line for the patient as read now (their name or link may have changed since it was computed). */
    RosterRow withPatient(Patient now) {
        return now.equals(patient)
                ? this
                : new RosterRow(
                        now,
                        reasons,
                        lastCheckIn,
                        painSeries,
                        adherencePercent,
                        weeksOnPlan,
                        activeCauses,
                        hasPlan,
                        measures);
    }

    public List<Reason> openReasons() {
        return reasons.stream().filter(Reason::open).toList();
    }

    /** The roster's order: an open red flag first, then the sum of the open reasons' weights. */
    public int attention() {
        return openReasons().stream().mapToInt(reason -> reason.kind().weight()).sum();
    }

    public boolean has(AlertKind kind) {
        return reasons.stream().anyMatch(reason -> reason.kind() == kind);
    }

    public String name() {
        return patient.person().displayName().isBlank()
                ? patient.person().username()
                : patient.person().displayName();
    }

    /** The pain series as polyline segments for a 112 × 24 SVG (4 units a day, 2 a pain point); gaps split it. */
    public List<String> sparkline() {
        List<String> segments = new java.util.ArrayList<>();
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < painSeries.size(); i++) {
            Optional<Integer> pain = painSeries.get(i);
            if (pain.isEmpty()) {
                if (segment.length() > 0) {
                    segments.add(segment.toString().strip());
                    segment.setLength(0);
                }
                continue;
            }
            segment.append(i * 4 + 2).append(',').append(22 - pain.get() * 2).append(' ');
        }
        if (segment.length() > 0) {
            segments.add(segment.toString().strip());
        }
        return segments;
    }

    /** The sparkline in words, for screen readers. */
    public String painInWords() {
        List<Integer> values = painSeries.stream().flatMap(Optional::stream).toList();
        if (values.isEmpty()) {
            return "No evening pain recorded in the last 28 days";
        }
        return "Evening pain over the last 28 days, " + values.size() + " days recorded, from "
                + values.stream().mapToInt(Integer::intValue).min().orElse(0) + " to "
                + values.stream().mapToInt(Integer::intValue).max().orElse(0) + ", last "
                + values.get(values.size() - 1);
    }
}
