package backstop.insights;

import java.util.Arrays;

/** The Benjamini–Hochberg (1995) step-up adjustment: q-values that control the false discovery rate. */
final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /** q[i] = min over j with p[j] ≥ p[i] of m·p[j]/rank(j), capped at 1. */
    static double[] qValues(double[] pValues) {
        int m = pValues.length;
        double[] sorted = pValues.clone();
        Arrays.sort(sorted);
        double[] byRank = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            running = Math.min(running, sorted[rank - 1] * m / rank);
            byRank[rank - 1] = running;
        }
        // Equal p-values get equal q-values (the running minimum reaches the lower rank through the higher), so any
        // rank that holds a p-value gives its q: no sort of indices by a comparator, which boxes every index.
        double[] q = new double[m];
        for (int i = 0; i < m; i++) {
            q[i] = byRank[Arrays.binarySearch(sorted, pValues[i])];
        }
        return q;
    }
}
