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
    void theAllocationFreePredictorAgreesWithTheFullFit() throws Exception {
        double[] x = {1, 1, 1, 2, 1, 3, 1, 4};
        double[] y = {2, 4, 5, 8};
        double[] gram = {4, 0, 10, 30};
        double[] moment = {19, 57};
        LeastSquares.Predictor predictor = new LeastSquares.Predictor(2);

        assertThat(predictor.predict(gram, moment, 4 + 16 + 25 + 64, 4, new double[] {1, 5}))
                .isTrue();

        LeastSquares.Fit fit = LeastSquares.fit(x, y, 4, 2);
        assertThat(predictor.mean).isCloseTo(fit.predict(new double[] {1, 5}), within(1e-12));
        assertThat(predictor.variance).isCloseTo(fit.predictiveVariance(new double[] {1, 5}), within(1e-12));
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
