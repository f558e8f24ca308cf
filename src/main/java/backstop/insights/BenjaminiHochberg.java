package backstop.insights;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The Benjamini–Hochberg (1995) step-up adjustment: q-values that control the false discovery rate. */
final class BenjaminiHochberg {
    private BenjaminiHochberg() {}

    /** q[i] = min over j with p[j] ≥ p[i] of m·p[j]/rank(j), capped at 1. */
    static double[] qValues(double[] pValues) {
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            q[index] = running;
        }
        return q;
    }
}
