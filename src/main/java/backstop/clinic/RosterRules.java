package backstop.clinic;

import backstop.assessment.AssessmentResult;
import backstop.assessment.Urgency;
import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.insights.Flare;
import backstop.insights.FlareCheck;
import backstop.insights.InsightSettings;
import backstop.plan.Coverage;
import backstop.plan.CoverageCheck;
import backstop.plan.Plan;
import backstop.plan.ReferralCriterion;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The roster's rules, pure: from one patient's facts and today's date, the reasons they need attention and the
 * columns of their line. Every threshold is named here and explained with its source in docs/clinical.md.
 */
final class RosterRules {
    /** A flare-up counts when any of its days falls in the last this-many days (today included). */
    static final int FLARE_DAYS = 7;
    /** Minimal clinically important difference on the 0–10 pain scale: 2 points (Farrar 2001). */
    static final double MCID_POINTS = 2.0;
    /** ... or 30% of the earlier level (Farrar 2001), with at least this many points so noise at low pain is not a rise. */
    static final double MCID_SHARE = 0.30;

    static final double MCID_SHARE_MIN_POINTS = 1.0;
    /** Each of the two weeks compared needs at least this many evening pains. */
    static final int MIN_DAYS_PER_WEEK = 3;
    /** Adherence is measured over the last this-many days before today. */
    static final int ADHERENCE_DAYS = 14;
    /** Below this share of planned days with a logged session, the patient is not adhering. */
    static final int MIN_ADHERENCE_PERCENT = 50;
    /** Adherence needs at least this many planned days in the window before it can be called low. */
    static final int MIN_PLANNED_DAYS = 3;
    /** No check-in in this many days (today included) is an alert. */
    static final int SILENT_DAYS = 7;
    /** The sparkline's length in days. */
    static final int SPARK_DAYS = 28;
    /**
     * How many days of diary the rules read: the 28-day sparkline, and for a flare-up that began up to 3 weeks ago the
     * 14-day baseline before it.
     */
    static final int WINDOW_DAYS = 35;

    private RosterRules() {}

    static RosterRow row(PatientFacts facts, LocalDate today, InsightSettings settings) {
        List<Reason> reasons = new ArrayList<>();
        Optional<AssessmentResult> assessment = facts.assessment().map(PatientFacts.LatestAssessment::result);
        facts.assessment().ifPresent(latest -> redFlag(latest).ifPresent(reasons::add));
        flare(facts, today, settings).ifPresent(reasons::add);
        painWorse(facts, today).ifPresent(reasons::add);
        OptionalInt adherence = OptionalInt.empty();
        OptionalLong weeks = OptionalLong.empty();
        if (facts.plan().isPresent()) {
            PatientFacts.CurrentPlan plan = facts.plan().get();
            weeks = OptionalLong.of(Math.max(0, ChronoUnit.WEEKS.between(plan.firstStart(), today)));
            adherence = recentAdherence(facts, plan, today);
            if (adherence.isPresent() && adherence.getAsInt() < MIN_ADHERENCE_PERCENT) {
                reasons.add(new Reason(
                        AlertKind.LOW_ADHERENCE,
                        "Did " + adherence.getAsInt() + "% of planned sessions in the last 2 weeks (under "
                                + MIN_ADHERENCE_PERCENT + "%)",
                        "week " + monday(today)));
            }
            if (facts.assessment().isPresent()) {
                coverageGap(facts.assessment().get(), plan).ifPresent(reasons::add);
                if (referralPossible(plan.plan(), facts.assessment().get().result(), plan.firstStart(), today)) {
                    referral(facts, plan, today).ifPresent(reasons::add);
                }
            }
        }
        noCheckIn(facts, today).ifPresent(reasons::add);
        measureWorse(facts).ifPresent(reasons::add);
        List<Reason> marked = reasons.stream()
                .map(reason -> reason.withSeen(Optional.ofNullable(facts.seen().get(reason.kind()))))
                .sorted(Comparator.comparingInt(
                        (Reason reason) -> -reason.kind().weight()))
                .toList();
        List<Optional<Integer>> series = new ArrayList<>();
        for (LocalDate day = today.minusDays(SPARK_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            series.add(Optional.ofNullable(facts.eveningPain().get(day)));
        }
        List<String> causes = assessment
                .map(result -> result.causes().stream()
                        .filter(score -> result.activeCauses().contains(score.cause()))
                        .map(AssessmentResult.CauseScore::label)
                        .toList())
                .orElse(List.of());
        return new RosterRow(
                facts.patient(),
                marked,
                facts.lastCheckIn(),
                series,
                adherence,
                weeks,
                causes,
                facts.plan().isPresent(),
                facts.measures());
    }

    /** The roster's order: an open red flag first, then the weight of the open reasons, then the name. */
    static final Comparator<RosterRow> ORDER = Comparator.comparingInt(RosterRow::attention)
            .reversed()
            .thenComparing(row -> row.name().toLowerCase(Locale.ROOT))
            .thenComparingLong(row -> row.patient().person().id());

    private static Optional<Reason> redFlag(PatientFacts.LatestAssessment latest) {
        AssessmentResult result = latest.result();
        if (result.urgency() == Urgency.SELF_CARE) {
            return Optional.empty();
        }
        String signs = result.redFlags().stream()
                .map(AssessmentResult.RedFlag::reason)
                .distinct()
                .collect(Collectors.joining(" "));
        String when = switch (result.urgency()) {
            case EMERGENCY -> "emergency care now";
            case URGENT -> "a doctor within 24 hours";
            case SOON -> "a doctor within 1 to 2 weeks";
            case SELF_CARE -> "";
        };
        return Optional.of(new Reason(
                AlertKind.RED_FLAG,
                "Warning sign in the assessment of "
                        + latest.takenAt().toString().substring(0, 10) + " (" + when + ")"
                        + (signs.isEmpty() ? "" : ": " + signs),
                "assessment " + latest.id()));
    }

    private static Optional<Reason> flare(PatientFacts facts, LocalDate today, InsightSettings settings) {
        List<DiaryDay> days = new ArrayList<>();
        facts.eveningPain().forEach((date, pain) -> {
            if (!date.isAfter(today)) {
                days.add(DiaryDay.on(date).painPm(pain).build());
            }
        });
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDate from = today.minusDays(FLARE_DAYS - 1);
        // A flare day is at least the flare rise above a baseline of 0 or more: without such a day in the last week
        // there is no flare to find, and the search is skipped.
        boolean highEnough = facts.eveningPain().tailMap(from, true).values().stream()
                .anyMatch(pain -> pain >= settings.flareRise());
        if (!highEnough) {
            return Optional.empty();
        }
        return FlareCheck.flares(new Diary(days), settings).stream()
                .filter(flare -> !flare.end().isBefore(from))
                .reduce((first, second) -> second)
                .map(flare -> new Reason(AlertKind.FLARE, flareWords(flare), "flare " + flare.start()));
    }

    private static String flareWords(Flare flare) {
        return "Flare-up since " + flare.start() + ": evening pain up to " + flare.peak() + " against a usual "
                + format(flare.baseline()) + ", " + flare.days() + (flare.days() == 1 ? " day" : " days");
    }

    /** Mean evening pain of the last 7 days against the 7 days two weeks earlier. */
    static Optional<double[]> painChange(Map<LocalDate, Integer> pain, LocalDate today) {
        Optional<Double> recent = mean(pain, today.minusDays(6), today);
        Optional<Double> earlier = mean(pain, today.minusDays(20), today.minusDays(14));
        if (recent.isEmpty() || earlier.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {earlier.get(), recent.get()});
    }

    static boolean worseByMcid(double earlier, double recent) {
        double rise = recent - earlier;
        return rise >= MCID_POINTS - 1e-9
                || rise >= MCID_SHARE_MIN_POINTS - 1e-9 && earlier > 0 && rise >= MCID_SHARE * earlier - 1e-9;
    }

    private static Optional<Reason> painWorse(PatientFacts facts, LocalDate today) {
        return painChange(facts.eveningPain(), today)
                .filter(change -> worseByMcid(change[0], change[1]))
                .map(change -> new Reason(
                        AlertKind.PAIN_WORSE,
                        "Evening pain worse over 2 weeks: " + format(change[0]) + " then, " + format(change[1])
                                + " in the last 7 days (a change people notice is about 2 points or 30%)",
                        "week " + monday(today)));
    }

    private static Optional<Double> mean(Map<LocalDate, Integer> pain, LocalDate from, LocalDate to) {
        int n = 0;
        double sum = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Integer value = pain.get(day);
            if (value != null) {
                n++;
                sum += value;
            }
        }
        return n < MIN_DAYS_PER_WEEK ? Optional.empty() : Optional.of(sum / n);
    }

    /** Share of planned days in the last 14 days (before today) with a logged session, as the plan page counts it. */
    private static OptionalInt recentAdherence(PatientFacts facts, PatientFacts.CurrentPlan plan, LocalDate today) {
        LocalDate from = today.minusDays(ADHERENCE_DAYS);
        if (from.isBefore(plan.firstStart())) {
            from = plan.firstStart();
        }
        int planned = plannedDays(plan.plan(), from, today.minusDays(1));
        if (planned < MIN_PLANNED_DAYS) {
            return OptionalInt.empty();
        }
        LocalDate start = from;
        long logged = facts.loggedDaysRecent().stream()
                .filter(day -> !day.isBefore(start) && day.isBefore(today))
                .count();
        return OptionalInt.of((int) Math.min(100, Math.round(100.0 * logged / planned)));
    }

    /**
     * Days from {@code from} to {@code to} on which the plan has a session, as {@code plan.today(date)} says (no
     * session before the plan's start; otherwise a session on that weekday), counted by weekday instead of day by day.
     */
    static int plannedDays(Plan plan, LocalDate from, LocalDate to) {
        boolean[] due = new boolean[7];
        plan.sessions().forEach(session -> session.daysOfWeek().forEach(day -> due[day.getValue() - 1] = true));
        LocalDate start = from.isBefore(plan.start()) ? plan.start() : from;
        int days = 0;
        for (LocalDate date = start; !date.isAfter(to); date = date.plusDays(1)) {
            if (due[date.getDayOfWeek().getValue() - 1]) {
                days++;
            }
        }
        return days;
    }

    private static Optional<Reason> coverageGap(PatientFacts.LatestAssessment latest, PatientFacts.CurrentPlan plan) {
        if (latest.result().urgency() == Urgency.EMERGENCY) {
            return Optional.empty();
        }
        Coverage coverage = CoverageCheck.check(latest.result(), plan.plan());
        if (coverage.complete()) {
            return Optional.empty();
        }
        String causes = coverage.causes().stream()
                .filter(cause -> cause.active() && cause.status() != Coverage.Status.ADDRESSED)
                .map(cause -> cause.label().toLowerCase(Locale.ROOT)
                        + (cause.status() == Coverage.Status.HABITS_ONLY ? " (habits only)" : ""))
                .collect(Collectors.joining(", "));
        return Optional.of(new Reason(
                AlertKind.COVERAGE_GAP,
                "This plan treats the symptom only: no exercise works on " + causes,
                "plan " + plan.id() + " assessment " + latest.id()));
    }

    /** The injection-referral criteria of the plan, held against weeks on plan and adherence since it began. */
    private static Optional<Reason> referral(PatientFacts facts, PatientFacts.CurrentPlan plan, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        int planned =
                yesterday.isBefore(plan.firstStart()) ? 0 : plannedDays(plan.plan(), plan.firstStart(), yesterday);
        int percent = planned == 0 ? 0 : (int) Math.round(100.0 * facts.loggedDaysSinceStart() / planned);
        long weeks = ChronoUnit.WEEKS.between(plan.firstStart(), today);
        var findings = facts.assessment().get().result().findings();
        List<ReferralCriterion> met = plan.plan().referralCriteria().stream()
                .filter(criterion -> criterion.metBy(
                        weeks, percent, findings.stream().anyMatch(finding -> finding.id() == criterion.finding())))
                .toList();
        if (met.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                AlertKind.REFERRAL,
                "Referral criteria met after " + weeks + " weeks with " + percent + "% of sessions done: "
                        + met.stream().map(ReferralCriterion::title).collect(Collectors.joining("; ")),
                "plan " + plan.id() + " "
                        + met.stream().map(ReferralCriterion::id).collect(Collectors.joining(","))));
    }

    /** Whether any referral criterion of the plan could be met today, before adherence is counted. */
    static boolean referralPossible(Plan plan, AssessmentResult latest, LocalDate firstStart, LocalDate today) {
        long weeks = ChronoUnit.WEEKS.between(firstStart, today);
        return plan.referralCriteria().stream()
                .anyMatch(criterion -> weeks >= criterion.afterWeeks()
                        && latest.findings().stream().anyMatch(finding -> finding.id() == criterion.finding()));
    }

    private static Optional<Reason> noCheckIn(PatientFacts facts, LocalDate today) {
        LocalDate limit = today.minusDays(SILENT_DAYS - 1);
        if (facts.lastCheckIn().isPresent() && !facts.lastCheckIn().get().isBefore(limit)) {
            return Optional.empty();
        }
        String words = facts.lastCheckIn()
                .map(last -> "No check-in for " + ChronoUnit.DAYS.between(last, today) + " days (last " + last + ")")
                .orElse("No check-in yet");
        return Optional.of(new Reason(
                AlertKind.NO_CHECK_IN,
                words,
                "last " + facts.lastCheckIn().map(LocalDate::toString).orElse("none")));
    }

    /** An outcome measure whose latest answer is worse than the first by more than its MCID (docs/clinical.md). */
    private static Optional<Reason> measureWorse(PatientFacts facts) {
        List<MeasureMark> worse = facts.measures().stream()
                .filter(mark -> mark.direction().equals("worse"))
                .toList();
        if (worse.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reason(
                AlertKind.MEASURE_WORSE,
                worse.stream().map(MeasureMark::words).collect(Collectors.joining("; ")),
                worse.stream()
                        .map(mark -> "measure " + mark.measure() + " " + mark.date())
                        .collect(Collectors.joining(" "))));
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
