package backstop.insights;

import backstop.diary.Diary;
import backstop.diary.DiaryColumns;
import backstop.diary.Habit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The insights engine: episodes, flare-ups, recurrence, this person's triggers and tomorrow's flare chance, from one
 * diary. Pure: no clock, no randomness, no I/O; the same diary and settings always give the same report.
 */
public final class Insights {
    static final String EPISODE_NOTE = "Episodes follow the definition of de Vet et al. 2002 (pain lasting more than"
            + " 24 hours, with at least a month without pain before and after), which was made for low back pain;"
            + " using it for the upper back is an extrapolation.";
    static final String ASSOCIATION_NOTE = "Triggers are associations in this person's own diary, adjusted for"
            + " yesterday's pain and the day of the week; they show what went with higher or lower pain, not what"
            + " caused it.";

    static final String RECORDED_DAYS_NOTE = "Only the days with a check-in count: rates are per year of recorded"
            + " days, and a stretch of more than a month without check-ins is unknown, never pain and never"
            + " pain-free, so no episode spans it.";

    private Insights() {}

    /** The report with tomorrow's habits assumed equal to today's. */
    public static InsightReport report(Diary diary, InsightSettings settings, Optional<LocalDate> planStart) {
        return report(diary, settings, planStart, Map.of());
    }

    /**
     * The report, with tomorrow's habit values for the forecast taken from {@code tomorrow} where given and carried
     * over from the last diary day otherwise.
     */
    public static InsightReport report(
            Diary diary, InsightSettings settings, Optional<LocalDate> planStart, Map<Habit, Double> tomorrow) {
        Objects.requireNonNull(diary, "diary");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(planStart, "planStart");
        Objects.requireNonNull(tomorrow, "tomorrow");
        return report(DailySeries.of(diary), settings, planStart, tomorrow);
    }

    /**
     * The report of a diary read straight into its columns ({@link DiaryColumns#readPlainCsv}), as {@link
     * #report(Diary, InsightSettings, Optional)} gives it for the same diary; the columns become the report's own.
     */
    public static InsightReport report(DiaryColumns columns, InsightSettings settings, Optional<LocalDate> planStart) {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(planStart, "planStart");
        return report(DailySeries.of(columns), settings, planStart, Map.of());
    }

    private static InsightReport report(
            DailySeries series, InsightSettings settings, Optional<LocalDate> planStart, Map<Habit, Double> tomorrow) {
        Optional<LocalDate> firstDate = series.length == 0 ? Optional.empty() : Optional.of(series.first);
        Optional<LocalDate> lastDate =
                series.length == 0 ? Optional.empty() : Optional.of(series.date(series.length - 1));
        List<Episode> episodes = EpisodeFinder.find(series, settings);
        double[] baselines = Baselines.of(series, settings);
        List<Flare> flares = FlareFinder.find(series, baselines, settings);
        Recurrence recurrence = RecurrenceAnalysis.analyse(series, episodes, flares, planStart, settings);
        int withPain = series.daysWithEveningPain();
        List<String> notes = List.of(RECORDED_DAYS_NOTE, EPISODE_NOTE, ASSOCIATION_NOTE);
        if (withPain < settings.minDays()) {
            String reason = "not enough data yet: " + withPain + " days with evening pain recorded, and finding"
                    + " triggers needs at least " + settings.minDays();
            return new InsightReport(
                    InsightReport.INSUFFICIENT_DATA,
                    Optional.of(reason),
                    series.recordedDays(),
                    series.length,
                    withPain,
                    firstDate,
                    lastDate,
                    Optional.empty(),
                    episodes,
                    flares,
                    List.of(),
                    recurrence,
                    Forecast.unavailable(reason, Optional.empty(), List.of()),
                    notes);
        }
        TriggerModel.Result triggers = TriggerModel.fit(series, settings);
        Forecast forecast =
                FlareForecaster.forecast(series, baselines, forecastTerms(triggers.triggers()), tomorrow, settings);
        return new InsightReport(
                InsightReport.OK,
                Optional.empty(),
                series.recordedDays(),
                series.length,
                withPain,
                firstDate,
                lastDate,
                Optional.of(triggers.model()),
                episodes,
                flares,
                triggers.triggers(),
                recurrence,
                forecast,
                notes);
    }

    /**
     * The significant triggers, the forecast's terms. A loop of its own, out of report(): the JIT compiled report()
     * whole, with every step of the report inlined, once this loop had run often enough.
     */
    private static List<FlareForecaster.Term> forecastTerms(List<Trigger> triggers) {
        List<FlareForecaster.Term> terms = new ArrayList<>();
        for (Trigger trigger : triggers) {
            if (trigger.significant()) {
                terms.add(
                        new FlareForecaster.Term(Habit.fromKey(trigger.habit()).orElseThrow(), trigger.lag()));
            }
        }
        return terms;
    }
}
