package backstop.diary;

/** Ordinary least squares by the normal equations; small and plain, enough to check the simulator's truth. */
final class LeastSquares {
    private LeastSquares() {}

    /** Coefficients b minimising |y − X·b|², X given as rows. */
    static double[] fit(double[][] rows, double[] y) {
        int k = rows[0].length;
        double[][] system = new double[k][k + 1];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    system[i][j] += rows[r][i] * rows[r][j];
                }
                system[i][k] += rows[r][i] * y[r];
            }
        }
        return solve(system);
    }

    /** Gaussian elimination with partial pivoting on an augmented k × (k+1) matrix. */
    private static double[] solve(double[][] system) {
        int k = system.length;
        for (int column = 0; column < k; column++) {
            int pivot = column;
            for (int row = column + 1; row < k; row++) {
                if (Math.abs(system[row][column]) > Math.abs(system[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swap = system[column];
            system[column] = system[pivot];
            system[pivot] = swap;
            for (int row = column + 1; row < k; row++) {
                double factor = system[row][column] / system[column][column];
                for (int j = column; j <= k; j++) {
                    system[row][j] -= factor * system[column][j];
                }
            }
        }
        double[] solution = new double[k];
        for (int row = k - 1; row >= 0; row--) {
            double sum = system[row][k];
            for (int j = row + 1; j < k; j++) {
                sum -= system[row][j] * solution[j];
            }
            solution[row] = sum / system[row][row];
        }
        return solution;
    }
}
