package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    /**
     * y = 2, 4, 5, 8 at x = 1..4: slope Sxy/Sxx = 9.5/5 = 1.9, intercept 4.75 − 1.9·2.5 = 0; residuals 0.1, 0.2,
     * −0.7, 0.4, so RSS = 0.7 and s² = 0.35; se(slope) = √(0.35/5), se(intercept) = √(0.35·(1/4 + 2.5²/5)).
     */
    @Test
    void aFourPointLineMatchesTheSumsDoneByHand() throws Exception {
        double[] x = {1, 1, 1, 2, 1, 3, 1, 4};
        double[] y = {2, 4, 5, 8};

        LeastSquares.Fit fit = LeastSquares.fit(x, y, 4, 2);

        assertThat(fit.coefficients()[0]).isCloseTo(0, within(1e-12));
        assertThat(fit.coefficients()[1]).isCloseTo(1.9, within(1e-12));
        assertThat(fit.residualVariance()).isCloseTo(0.35, within(1e-12));
        assertThat(fit.standardErrors()[1]).isCloseTo(Math.sqrt(0.35 / 5), within(1e-12));
        assertThat(fit.standardErrors()[0]).isCloseTo(Math.sqrt(0.35 * 1.5), within(1e-12));
        assertThat(fit.degreesOfFreedom()).isEqualTo(2);
        // At x = 5: 9.5 predicted, variance s²·(1 + 1/4 + (5 − 2.5)²/5) = 0.35·2.5.
        assertThat(fit.predict(new double[] {1, 5})).isCloseTo(9.5, within(1e-12));
        assertThat(fit.predictiveVariance(new double[] {1, 5})).isCloseTo(0.875, within(1e-12));
    }

    @Test
    void aFitGrownOneRowAtATimeForecastsEachRowAsAFitFromScratchOnTheRowsBeforeIt() throws Exception {
        int k = 4;
        int rows = 60;
        double[] x = new double[rows * k];
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r * k] = 1;
            x[r * k + 1] = r % 7;
            x[r * k + 2] = Math.sin(r) * 3;
            x[r * k + 3] = r % 3 == 0 ? 1 : 0;
            y[r] = 2 + 0.5 * x[r * k + 1] - x[r * k + 2] + 1.5 * x[r * k + 3] + Math.cos(r * 1.7);
        }
        int start = 10;
        LeastSquares.Recursive grown = new LeastSquares.Recursive(LeastSquares.fit(x, y, start, k));
        double[] row = new double[k];
        for (int r = start; r < rows; r++) {
            System.arraycopy(x, r * k, row, 0, k);
            LeastSquares.Fit scratch = LeastSquares.fit(x, y, r, k);

            grown.forecastThenAdd(row, y[r]);

            assertThat(grown.mean).isCloseTo(scratch.predict(row), within(1e-10));
            assertThat(grown.variance).isCloseTo(scratch.predictiveVariance(row), within(1e-10));
        }
        LeastSquares.Fit all = LeastSquares.fit(x, y, rows, k);
        double[] at = {1, 3, -1, 1};
        grown.forecast(at);
        assertThat(grown.rows()).isEqualTo(rows);
        assertThat(grown.mean).isCloseTo(all.predict(at), within(1e-10));
        assertThat(grown.variance).isCloseTo(all.predictiveVariance(at), within(1e-10));
    }

    @Test
    void sumsAddedFourRowsAtATimeEqualSumsAddedOneByOne() {
        int k = 3;
        int rows = 7;
        double[] x = new double[rows * k];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i * 37 % 11) - 4;
        }
        for (int r = 0; r < rows; r++) {
            y[r] = r * r - 3;
        }
        double[] gram = new double[k * k];
        double[] moment = new double[k];
        double yy = LeastSquares.accumulate(x, y, rows, k, gram, moment);
        double[] oneByOne = new double[k * k];
        double[] momentOneByOne = new double[k];
        double yyOneByOne = 0;
        for (int r = 0; r < rows; r++) {
            LeastSquares.addRow(x, r * k, y[r], k, oneByOne, momentOneByOne);
            yyOneByOne += y[r] * y[r];
        }

        assertThat(gram).containsExactly(oneByOne, within(1e-9));
        assertThat(moment).containsExactly(momentOneByOne, within(1e-9));
        assertThat(yy).isCloseTo(yyOneByOne, within(1e-9));
    }

    @Test
    void aColumnThatRepeatsAnotherIsRefusedRatherThanGivenANumber() {
        double[] x = {1, 2, 1, 3, 1, 5, 1, 7};
        double[] doubled = new double[12];
        for (int r = 0; r < 4; r++) {
            doubled[r * 3] = x[r * 2];
            doubled[r * 3 + 1] = x[r * 2 + 1];
            doubled[r * 3 + 2] = 2 * x[r * 2 + 1];
        }

        assertThatThrownBy(() -> LeastSquares.fit(doubled, new double[] {1, 2, 3, 4}, 4, 3))
                .isInstanceOf(LeastSquares.Collinear.class);
    }

    @Test
    void benjaminiHochbergQValuesAreTheStepUpAdjustment() {
        double[] q = BenjaminiHochberg.qValues(new double[] {0.01, 0.04, 0.03, 0.5});

        // Sorted 0.01, 0.03, 0.04, 0.5 → 4·0.01/1 = 0.04, min(4·0.03/2, 4·0.04/3) = 0.0533…, 0.0533…, 0.5.
        assertThat(q).containsExactly(new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5}, within(1e-12));
    }
}
