package backstop.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {
    @Test
    void anExactLinearRelationIsRecoveredExactly() {
        double[][] rows = {{1, 0, 2}, {1, 1, 0}, {1, 2, 5}, {1, 3, 1}, {1, 4, 4}};
        double[] y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            y[r] = 1.5 - 0.25 * rows[r][1] + 2 * rows[r][2];
        }

        assertThat(LeastSquares.fit(rows, y)).containsExactly(new double[] {1.5, -0.25, 2}, within(1e-12));
    }
}
