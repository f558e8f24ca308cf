package backstop.share.report;

import backstop.assessment.AssessmentResult;
import backstop.diary.Diary;
import backstop.diary.DiaryDay;
import backstop.diary.SavedDay;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
import backstop.insights.Trigger;
import backstop.plan.PlanService;
import backstop.plan.SessionLog;
import backstop.share.ShareData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/** Works out a visit report's figures from the shared record. Pure: the same record gives the same figures. */
public final class VisitReport {
    private VisitReport() {}

    public static ReportFigures figures(ShareData data, InsightSettings settings) {
        List<DiaryDay> days =
                data.days().stream().map(saved -> saved.checkIn().day()).toList();
        Optional<LocalDate> planStart = data.plan().map(plan -> plan.plan().start());
        InsightReport insights = Insights.report(new Diary(days), settings, planStart);
        Optional<ReportFigures.AssessmentSummary> assessment = data.latestAssessment()
                .map(taken -> summary(
                        taken.stored().result(),
                        LocalDate.ofInstant(taken.stored().takenAt(), ZoneOffset.UTC)));
        List<ReportFigures.Habit> habits = insights.triggers().stream()
                .filter(Trigger::significant)
                .filter(trigger -> trigger.effect().isPresent())
                .map(trigger -> new ReportFigures.Habit(
                        trigger.habit(),
                        trigger.lag(),
                        round2(trigger.effect().getAsDouble()),
                        round2(trigger.ciLow().getAsDouble()),
                        round2(trigger.ciHigh().getAsDouble()),
                        trigger.days()))
                .toList();
        Optional<String> habitsNote = insights.reason()
                .or(() -> habits.isEmpty()
                        ? Optional.of("no habit went clearly with higher or lower evening pain in these dates")
                        : Optional.empty());
        return new ReportFigures(
                data.person().displayName(),
                data.from(),
                data.to(),
                data.readAt(),
                (int) ChronoUnit.DAYS.between(data.from(), data.to()) + 1,
                days.size(),
                count(days, DiaryDay::painAm),
                mean(days, DiaryDay::painAm),
                count(days, DiaryDay::painPm),
                mean(days, DiaryDay::painPm),
                assessment,
                insights.episodes().stream()
                        .map(e -> new ReportFigures.Period(e.start(), e.end(), e.peak()))
                        .toList(),
                insights.flares().stream()
                        .map(f -> new ReportFigures.Period(f.start(), f.end(), f.peak()))
                        .toList(),
                planStart,
                adherence(data),
                habits,
                habitsNote,
                desk(data.days()),
                data.measures().stream()
                        .map(series -> new ReportFigures.Measure(
                                series.measure(),
                                series.name(),
                                series.mcidText(),
                                series.points().stream()
                                        .map(point -> new ReportFigures.MeasurePoint(
                                                point.date(),
                                                point.scoreText(),
                                                point.changeTenths(),
                                                point.beyondMcid(),
                                                point.direction()))
                                        .toList()))
                        .toList(),
                data.referrals().stream()
                        .map(referral -> new ReportFigures.ReferralLine(
                                referral.referredOn(),
                                referral.kind().label(),
                                referral.referredTo(),
                                referral.reason(),
                                referral.clinicianName(),
                                referral.outcome()
                                        .map(outcome ->
                                                outcome == backstop.care.Referral.Outcome.DONE ? "done" : "not done"),
                                referral.outcomeOn()))
                        .toList());
    }

    private static ReportFigures.AssessmentSummary summary(AssessmentResult result, LocalDate takenOn) {
        return new ReportFigures.AssessmentSummary(
                takenOn,
                result.urgency().key(),
                result.urgencyAdvice(),
                result.causes().stream()
                        .map(cause -> new ReportFigures.CauseLine(
                                cause.label(),
                                cause.score(),
                                result.activeCauses().contains(cause.cause()),
                                cause.evidence().stream()
                                        .map(e -> (e.points() > 0 ? "+" : "") + e.points() + " " + e.text())
                                        .toList()))
                        .toList(),
                result.rulesVersionInWords());
    }

    /** Days with a session in the plan against days with a logged session, up to the day before the report. */
    private static Optional<ReportFigures.Adherence> adherence(ShareData data) {
        if (data.plan().isEmpty()) {
            return Optional.empty();
        }
        var plan = data.plan().get().plan();
        LocalDate yesterday = LocalDate.ofInstant(data.readAt(), ZoneOffset.UTC).minusDays(1);
        LocalDate first = data.from().isBefore(plan.start()) ? plan.start() : data.from();
        LocalDate last = data.to().isAfter(yesterday) ? yesterday : data.to();
        if (last.isBefore(first)) {
            return Optional.of(new ReportFigures.Adherence(0, 0, 0));
        }
        int planned = PlanService.plannedDaysOf(plan, first, last);
        int logged = (int) data.logs().stream()
                .map(SessionLog::date)
                .filter(date -> !date.isBefore(first) && !date.isAfter(last))
                .distinct()
                .count();
        int percent = planned == 0 ? 0 : (int) Math.round(100.0 * logged / planned);
        return Optional.of(new ReportFigures.Adherence(planned, logged, percent));
    }

    private static Optional<ReportFigures.Desk> desk(List<SavedDay> days) {
        List<DiaryDay> list = days.stream().map(saved -> saved.checkIn().day()).toList();
        int breakDays = count(list, DiaryDay::breaks);
        if (breakDays == 0) {
            return Optional.empty();
        }
        int deskDays =
                (int) list.stream().filter(d -> d.deskHours().isPresent()).count();
        OptionalDouble hours = list.stream()
                .filter(d -> d.deskHours().isPresent())
                .mapToDouble(d -> d.deskHours().getAsDouble())
                .average();
        return Optional.of(new ReportFigures.Desk(
                breakDays,
                mean(list, DiaryDay::breaks).orElse(0),
                deskDays,
                hours.isPresent() ? OptionalDouble.of(round1(hours.getAsDouble())) : OptionalDouble.empty()));
    }

    private static int count(List<DiaryDay> days, Function<DiaryDay, OptionalInt> value) {
        return (int) days.stream().filter(d -> value.apply(d).isPresent()).count();
    }

    /** The mean over the days that recorded the value, to one decimal. */
    private static OptionalDouble mean(List<DiaryDay> days, Function<DiaryDay, OptionalInt> value) {
        OptionalDouble mean = days.stream()
                .map(value)
                .filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt)
                .average();
        return mean.isPresent() ? OptionalDouble.of(round1(mean.getAsDouble())) : OptionalDouble.empty();
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
