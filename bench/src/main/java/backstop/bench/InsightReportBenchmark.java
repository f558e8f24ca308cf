package backstop.bench;

import backstop.diary.Diary;
import backstop.diary.DiarySimulator;
import backstop.diary.Effect;
import backstop.diary.SimulatorSettings;
import backstop.insights.InsightReport;
import backstop.insights.InsightSettings;
import backstop.insights.Insights;
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
 * The full insight report (episodes, flare-ups, recurrence with a plan start, triggers with the joint model and
 * tomorrow's forecast with its rolling track record) for one simulated person with three years of daily diary.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InsightReportBenchmark {
    private Diary diary;
    private InsightSettings settings;
    private Optional<java.time.LocalDate> planStart;

    @Setup
    public void simulate() {
        diary = DiarySimulator.simulate(SimulatorSettings.defaults(1095, 101).withEffects(List.of(
                Effect.parse("desk_hours:0:0.3"), Effect.parse("stress:0:0.2"),
                Effect.parse("sleep_quality:1:-0.15")))).diary();
        settings = InsightSettings.defaults();
        planStart = Optional.of(diary.firstDate().orElseThrow().plusDays(548));
    }

    @Benchmark
    public InsightReport fullReportForThreeYears() {
        return Insights.report(diary, settings, planStart);
    }
}
