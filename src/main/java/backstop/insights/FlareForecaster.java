package backstop.insights;

import backstop.diary.Habit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.special.Erf;

/**
 * Forecasts tomorrow's flare chance from a small model: the constant, yesterday's evening pain, day of week and the
 * habit terms found significant. A flare needs evening pain of at least ⌈baseline + rise⌉; as the diary holds the
 * latent pain rounded, that is latent ≥ ⌈baseline + rise⌉ − 0.5, whose chance comes from the normal predictive
 * distribution with variance s²(1 + x'(X'X)⁻¹x).
 */
final class FlareForecaster {
    /** A term of the forecast model: a habit at a lag. */
    record Term(Habit habit, int lag) {
        String label() {
            return habit.key() + " (lag " + lag + ")";
        }
    }

    private FlareForecaster() {}

    static Forecast forecast(
            DailySeries series,
            double[] baselines,
            List<Term> terms,
            Map<Habit, Double> tomorrow,
            InsightSettings settings) {
        List<String> labels = terms.stream().map(Term::label).toList();
        Design design = Design.of(series, baselines, terms);
        Rolling rolling = Rolling.of(design, settings);
        Optional<Forecast.TrackRecord> track = rolling.trackRecord();
        int today = series.length - 1;
        if (design.rows < settings.minDays() || design.rows - design.columns < TriggerModel.MIN_RESIDUAL_DF) {
            return Forecast.unavailable(
                    "the forecast needs at least " + settings.minDays()
                            + " days with evening pain that day and the day before (and the habits it uses); the diary has "
                            + design.rows,
                    track,
                    labels);
        }
        if (today < 0 || Double.isNaN(series.painPm[today])) {
            return Forecast.unavailable(
                    "the last diary day has no evening pain, and tomorrow's forecast starts from it", track, labels);
        }
        double baseline = baselines[today + 1];
        if (Double.isNaN(baseline)) {
            return Forecast.unavailable(
                    "the baseline needs at least " + settings.baselineMinDays() + " evening pains in the last "
                            + settings.baselineDays() + " days",
                    track,
                    labels);
        }
        double[] x = new double[design.columns];
        x[0] = 1;
        x[1] = series.painPm[today];
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            double value = term.lag() == 0
                    ? tomorrow.getOrDefault(
                            term.habit(), series.habit[term.habit().ordinal()][today])
                    : DailySeries.at(series.habit[term.habit().ordinal()], today + 1 - term.lag());
            if (Double.isNaN(value)) {
                return Forecast.unavailable(
                        term.habit().key() + " is not recorded for " + series.date(today + 1 - Math.max(1, term.lag()))
                                + ", and the forecast uses it",
                        track,
                        labels);
            }
            x[2 + i] = value;
        }
        int weekdayColumn = design.weekdayColumn[(series.weekday[today] + 1) % 7];
        if (weekdayColumn >= 0) {
            x[weekdayColumn] = 1;
        }
        try {
            LeastSquares.Recursive fit = rolling.fitOnEveryRow();
            fit.forecast(x);
            double mean = fit.mean;
            double threshold = Math.ceil(baseline + settings.flareRise());
            double probability = chanceAtLeast(threshold, mean, fit.variance);
            String assumed = tomorrow.isEmpty()
                    ? "today's habits carried over to tomorrow"
                    : "supplied values for "
                            + String.join(
                                    ", ",
                                    tomorrow.keySet().stream().map(Habit::key).toList()) + ", today's for the rest";
            LocalDate date = series.date(today + 1);
            return new Forecast(
                    InsightReport.OK,
                    Optional.empty(),
                    Optional.of(date),
                    OptionalDouble.of(probability),
                    OptionalDouble.of(mean),
                    OptionalDouble.of(baseline),
                    OptionalDouble.of(threshold),
                    Optional.of(assumed),
                    labels,
                    track);
        } catch (LeastSquares.Collinear collinear) {
            return Forecast.unavailable(
                    "the forecast model's values move in lockstep on the recorded days", track, labels);
        }
    }

    /** P(round(latent) ≥ threshold) for latent ~ N(mean, variance); 0 when the threshold is above the scale. */
    static double chanceAtLeast(double threshold, double mean, double variance) {
        if (threshold > 10) {
            return 0;
        }
        double z = (threshold - 0.5 - mean) / Math.sqrt(variance);
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /**
     * {@link #chanceAtLeast} to within 1.5e-7, several times faster: the track record needs one per past day, and
     * Commons Math's exact erfc (a continued fraction) took a third of the report's time. Abramowitz and Stegun
     * 7.1.26; the test compares it with the exact value.
     */
    static double approximateChanceAtLeast(double threshold, double mean, double variance) {
        if (threshold > 10) {
            return 0;
        }
        double z = (threshold - 0.5 - mean) / Math.sqrt(variance);
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double polynomial =
                t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double upperTail = 0.5 * polynomial * Math.exp(-x * x);
        return z >= 0 ? upperTail : 1 - upperTail;
    }

    /**
     * Rolling one-step-ahead evaluation: each row with a baseline, after the first minDays rows, is forecast from the
     * fit on the rows before it. Sums of squares grow one row at a time until the first such fit is determined; from
     * then on that one fit is updated by rank one per row ({@link LeastSquares.Recursive}), and after the last row it
     * is the fit on every row, which tomorrow's forecast uses.
     */
    static final class Rolling {
        private final Design design;
        private final double[] gram;
        private final double[] moment;
        private double yy;
        private int added;
        private int outcomesSeen;
        private int flaresSeen;
        private LeastSquares.Recursive recursive;
        private Optional<Forecast.TrackRecord> trackRecord = Optional.empty();

        private Rolling(Design design) {
            this.design = design;
            gram = new double[design.columns * design.columns];
            moment = new double[design.columns];
        }

        static Rolling of(Design design, InsightSettings settings) {
            Rolling rolling = new Rolling(design);
            rolling.run(settings);
            return rolling;
        }

        Optional<Forecast.TrackRecord> trackRecord() {
            return trackRecord;
        }

        /** The fit on every row of the design. */
        LeastSquares.Recursive fitOnEveryRow() throws LeastSquares.Collinear {
            if (recursive == null) {
                recursive =
                        new LeastSquares.Recursive(LeastSquares.solve(gram, moment, yy, design.rows, design.columns));
            }
            return recursive;
        }

        private void run(InsightSettings settings) {
            int warmUp = Math.max(settings.minDays(), design.columns + TriggerModel.MIN_RESIDUAL_DF);
            int first = sumsUntilDetermined(warmUp, settings.flareRise());
            if (recursive != null) {
                trackRecordFrom(first, warmUp, settings.flareRise());
            }
        }

        // Two loops, two methods: the JIT compiles a method whole once for each loop it enters hot (on-stack
        // replacement), and this one, with the rank-one update inlined, was among the largest compilations of a run.

        /**
         * Adds rows to the sums until a row to forecast finds the fit on the rows before it determined; returns that
         * row, with {@link #recursive} started, or the number of rows when no row gets there.
         */
        private int sumsUntilDetermined(int warmUp, double rise) {
            int k = design.columns;
            for (int r = 0; r < design.rows; r++) {
                double y = design.y[r];
                double baseline = design.baseline[r];
                boolean hasOutcome = !Double.isNaN(baseline);
                if (hasOutcome && r >= warmUp && outcomesSeen > 0) {
                    start(r);
                    if (recursive != null) {
                        return r;
                    }
                }
                LeastSquares.addRow(design.x, r * k, y, k, gram, moment);
                yy += y * y;
                added++;
                if (hasOutcome) {
                    outcomesSeen++;
                    flaresSeen += y >= Math.ceil(baseline + rise) ? 1 : 0;
                }
            }
            return design.rows;
        }

        /** Forecasts each row from first on by the fit on the rows before it, then adds the row to the fit. */
        private void trackRecordFrom(int first, int warmUp, double rise) {
            int k = design.columns;
            int evaluated = 0;
            int flareDays = 0;
            double brier = 0;
            double climatology = 0;
            double[] x = new double[k];
            for (int r = first; r < design.rows; r++) {
                System.arraycopy(design.x, r * k, x, 0, k);
                double y = design.y[r];
                double baseline = design.baseline[r];
                boolean hasOutcome = !Double.isNaN(baseline);
                double threshold = Math.ceil(baseline + rise);
                boolean flare = hasOutcome && y >= threshold;
                recursive.forecastThenAdd(x, y);
                if (hasOutcome && r >= warmUp && outcomesSeen > 0) {
                    double p = approximateChanceAtLeast(threshold, recursive.mean, recursive.variance);
                    double outcome = flare ? 1 : 0;
                    double base = (double) flaresSeen / outcomesSeen;
                    brier += (p - outcome) * (p - outcome);
                    climatology += (base - outcome) * (base - outcome);
                    evaluated++;
                    flareDays += flare ? 1 : 0;
                }
                if (hasOutcome) {
                    outcomesSeen++;
                    flaresSeen += flare ? 1 : 0;
                }
            }
            if (evaluated > 0) {
                trackRecord = Optional.of(record(evaluated, flareDays, brier / evaluated, climatology / evaluated));
            }
        }

        /** The fit on the first r rows, once they determine it; until then the sums keep growing. */
        private void start(int r) {
            if (r <= design.columns || !LeastSquares.hasFullRank(gram, design.columns)) {
                return;
            }
            try {
                recursive = new LeastSquares.Recursive(LeastSquares.solve(gram, moment, yy, added, design.columns));
            } catch (LeastSquares.Collinear notYet) {
                // not yet determined: this day is not forecast, and the next one tries again
            }
        }

        private static Forecast.TrackRecord record(
                int evaluated, int flareDays, double meanBrier, double meanClimatology) {
            double skill = meanClimatology > 0 ? 1 - meanBrier / meanClimatology : 0;
            String text = "Forecast one day ahead on " + evaluated + " past days (" + flareDays
                    + " of them flare days), each from the days before it only: Brier score "
                    + Numbers.decimals(meanBrier, 3) + " against " + Numbers.decimals(meanClimatology, 3)
                    + " for always forecasting the usual flare share; "
                    + (skill > 0.05
                            ? "the forecast did better than that."
                            : skill < -0.05
                                    ? "the forecast did worse than that, so treat it with caution."
                                    : "about the same, so the forecast adds little yet.");
            return new Forecast.TrackRecord(evaluated, flareDays, meanBrier, meanClimatology, skill, text);
        }
    }

    /** Complete rows for the forecast model, with each row's flare baseline (NaN when it has none). */
    static final class Design {
        final int rows;
        final int columns;
        final double[] x;
        final double[] y;
        final double[] baseline;
        final int[] weekdayColumn;

        private Design(int rows, int columns, double[] x, double[] y, double[] baseline, int[] weekdayColumn) {
            this.rows = rows;
            this.columns = columns;
            this.x = x;
            this.y = y;
            this.baseline = baseline;
            this.weekdayColumn = weekdayColumn;
        }

        static Design of(DailySeries series, double[] baselines, List<Term> terms) {
            int termCount = terms.size();
            double[][] values = new double[termCount][];
            int[] lags = new int[termCount];
            for (int i = 0; i < termCount; i++) {
                values[i] = series.habit[terms.get(i).habit().ordinal()];
                lags[i] = terms.get(i).lag();
            }
            int[] complete = new int[series.length];
            int[] perWeekday = new int[7];
            int rows = completeDays(series, values, lags, complete, perWeekday);
            int[] weekdayColumn = {-1, -1, -1, -1, -1, -1, -1};
            int columns = 2 + terms.size();
            boolean reference = false;
            for (int weekday = 0; weekday < 7; weekday++) {
                if (perWeekday[weekday] > 0) {
                    if (reference) {
                        weekdayColumn[weekday] = columns++;
                    }
                    reference = true;
                }
            }
            double[] x = new double[rows * columns];
            double[] y = new double[rows];
            double[] baseline = new double[rows];
            for (int r = 0; r < rows; r++) {
                int t = complete[r];
                fillRow(series, values, lags, t, x, r * columns, weekdayColumn);
                y[r] = series.painPm[t];
                baseline[r] = baselines[t];
            }
            return new Design(rows, columns, x, y, baseline, weekdayColumn);
        }

        // The day loop is a method of its own: the JIT compiles a method whole again for every loop it enters hot
        // (on-stack replacement), and of() with its loops inlined was compiled six times in a roster.

        /** Days with evening pain on the day and the day before and every term's value, counted per weekday. */
        private static int completeDays(
                DailySeries series, double[][] values, int[] lags, int[] complete, int[] perWeekday) {
            int rows = 0;
            for (int t = 1; t < series.length; t++) {
                if (!Double.isNaN(series.painPm[t])
                        && !Double.isNaN(series.painPm[t - 1])
                        && termsRecorded(values, lags, t)) {
                    complete[rows++] = t;
                    perWeekday[series.weekday[t]]++;
                }
            }
            return rows;
        }

        private static boolean termsRecorded(double[][] values, int[] lags, int t) {
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(DailySeries.at(values[i], t - lags[i]))) {
                    return false;
                }
            }
            return true;
        }

        private static void fillRow(
                DailySeries series, double[][] values, int[] lags, int t, double[] x, int offset, int[] weekdayColumn) {
            x[offset] = 1;
            x[offset + 1] = series.painPm[t - 1];
            for (int i = 0; i < values.length; i++) {
                x[offset + 2 + i] = values[i][t - lags[i]];
            }
            int weekday = weekdayColumn[series.weekday[t]];
            if (weekday >= 0) {
                x[offset + weekday] = 1;
            }
        }
    }
}
