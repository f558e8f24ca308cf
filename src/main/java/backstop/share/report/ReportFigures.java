package backstop.share.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figures of a visit report for one date range, worked out once: the PDF prints them and {@code
 * /api/v1/report} returns them, so the two always agree. Every mean is over the days that recorded the value; a
 * value not recorded is absent, never zero.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReportFigures(
        String name,
        LocalDate from,
        LocalDate to,
        Instant madeAt,
        int daysInRange,
        int daysRecorded,
        int morningPainDays,
        OptionalDouble meanMorningPain,
        int eveningPainDays,
        OptionalDouble meanEveningPain,
        Optional<AssessmentSummary> assessment,
        List<Period> episodes,
        List<Period> flares,
        Optional<LocalDate> planStart,
        Optional<Adherence> adherence,
        List<Habit> habits,
        Optional<String> habitsNote,
        Optional<Desk> desk,
        List<Measure> measures,
        List<ReferralLine> referrals) {

    public ReportFigures {
        episodes = List.copyOf(episodes);
        flares = List.copyOf(flares);
        habits = List.copyOf(habits);
        measures = List.copyOf(measures);
        referrals = List.copyOf(referrals);
    }

    /** An outcome questionnaire (PSFS, PGIC) answered in the range, each answer with its MCID mark. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Measure(String measure, String name, String mcid, List<MeasurePoint> points) {
        public Measure {
            points = List.copyOf(points);
        }
    }

    /**
     * One answer: the score in words, the change from the first answer in tenths (absent for the first and for the
     * global impression), and whether it is beyond the MCID ({@code direction}: better or worse, or empty).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MeasurePoint(
            LocalDate date, String score, Optional<Integer> changeTenths, boolean beyondMcid, String direction) {}

    /** An injection referral made by the end of the range, and its outcome once recorded. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReferralLine(
            LocalDate referredOn,
            String kind,
            String referredTo,
            String reason,
            String by,
            Optional<String> outcome,
            Optional<LocalDate> outcomeOn) {}

    /** The latest assessment in the range: its urgency and each cause with its score and evidence. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AssessmentSummary(
            LocalDate takenOn, String urgency, String urgencyAdvice, List<CauseLine> causes, String rules) {
        public AssessmentSummary {
            causes = List.copyOf(causes);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CauseLine(String label, int score, boolean active, List<String> evidence) {
        public CauseLine {
            evidence = List.copyOf(evidence);
        }
    }

    /** An episode or a flare-up: first and last day and the highest evening pain in it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Period(LocalDate start, LocalDate end, int peak) {}

    /** Sessions planned (days with a session in the plan) and days with a logged session, in the range. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Adherence(int plannedDays, int loggedDays, int percent) {}

    /** A habit that went with evening pain in this range: its estimated effect and 95% interval. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Habit(String habit, int lag, double effect, double ciLow, double ciHigh, int days) {}

    /** Desk breaks on the days that recorded them, and desk hours. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Desk(int breakDays, double meanBreaks, int deskDays, OptionalDouble meanDeskHours) {}
}
