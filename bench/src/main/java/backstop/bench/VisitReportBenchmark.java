package backstop.bench;

import backstop.account.Role;
import backstop.account.User;
import backstop.assessment.AssessmentResult;
import backstop.assessment.AssessmentRules;
import backstop.assessment.Assessor;
import backstop.assessment.IntakeReader;
import backstop.assessment.StoredAssessment;
import backstop.diary.CheckIn;
import backstop.diary.CheckInDetails;
import backstop.diary.DiaryDay;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.SavedDay;
import backstop.diary.SimulatorSettings;
import backstop.exercise.ExerciseCatalogue;
import backstop.insights.InsightSettings;
import backstop.plan.Plan;
import backstop.plan.PlanGenerator;
import backstop.plan.PlanPreferences;
import backstop.plan.SessionLog;
import backstop.plan.StoredPlan;
import backstop.share.ShareData;
import backstop.share.report.ReportService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The visit report PDF for one year: 365 simulated diary days, the demo intake's assessment, a plan followed for
 * twelve weeks. Measures figures, insights on the year, the SVG chart, XHTML and openhtmltopdf rendering (the read
 * from the database is not included: it is one indexed query per table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VisitReportBenchmark {
    private ShareData data;
    private InsightSettings settings;

    @Setup
    public void record() throws IOException {
        LocalDate to = LocalDate.of(2026, 11, 30);
        LocalDate from = to.minusDays(364);
        List<SavedDay> days = new ArrayList<>();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        for (DiaryDay day : DiarySimulator.simulate(SimulatorSettings.defaults(365, 2026)
                        .withStart(from)
                        .withEffects(List.of(Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"))))
                .diary()
                .days()) {
            days.add(new SavedDay(new CheckIn(day, CheckInDetails.none()), 1, at));
        }
        String intakeJson;
        try (InputStream in = VisitReportBenchmark.class.getResourceAsStream("/demo/intake.json")) {
            intakeJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var intake = IntakeReader.load().read(intakeJson);
        AssessmentResult result = new Assessor(AssessmentRules.load()).assess(intake);
        User person = new User(1, "robin", "Robin Record", Role.PERSON, at);
        StoredAssessment stored = new StoredAssessment(1, 1, at.minusSeconds(86_400L * 90), result);
        LocalDate start = to.minusWeeks(12);
        Plan plan = PlanGenerator.build(
                result,
                backstop.plan.DailyLife.from(intake),
                PlanPreferences.defaults(),
                ExerciseCatalogue.load(),
                backstop.plan.PlanRules.load(),
                start);
        List<SessionLog> logs = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(to.minusDays(1)); day = day.plusDays(1)) {
            plan.today(day).toLog().forEach(planned -> logs.add(planned.done(
                    planned.targetSets(), planned.targetReps(), planned.targetHoldSeconds(), 2, 3)));
        }
        data = new ShareData(
                person,
                from,
                to,
                at,
                days,
                List.of(new ShareData.TakenAssessment(
                        stored, new ObjectMapper().readTree(intakeJson), backstop.assessment.Questionnaire.load())),
                Optional.of(new StoredPlan(
                        1, 1, 1, at, "first plan", PlanPreferences.defaults(), plan, Optional.empty(), List.of())),
                logs);
        settings = InsightSettings.defaults();
    }

    @Benchmark
    public byte[] oneYearVisitReportPdf() {
        return ReportService.render(data, settings);
    }
}
