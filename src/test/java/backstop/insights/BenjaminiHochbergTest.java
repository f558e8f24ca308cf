package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
    @Test
    void equalPValuesGetEqualQValuesWhereverTheyStand() {
        double[] q = BenjaminiHochberg.qValues(new double[] {0.04, 0.01, 0.04, 0.3, 0.04});

        assertThat(q[0]).isEqualTo(q[2]).isEqualTo(q[4]).isEqualTo(0.04 * 5 / 4);
        assertThat(q[1]).isEqualTo(0.05);
        assertThat(q[3]).isEqualTo(0.3);
    }

    @Test
    void noPValuesGiveNoQValues() {
        assertThat(BenjaminiHochberg.qValues(new double[0])).isEmpty();
    }

    @Property(tries = 2_000)
    void sameAsTheStepUpOverIndicesSortedByPValue(@ForAll("pValues") List<Double> values) {
        double[] p = values.stream().mapToDouble(Double::doubleValue).toArray();

        assertThat(BenjaminiHochberg.qValues(p)).containsExactly(stepUpOverSortedIndices(p));
    }

    /** The textbook procedure: rank the indices by p-value, then the running minimum from the largest rank down. */
    private static double[] stepUpOverSortedIndices(double[] p) {
        int m = p.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            running = Math.min(running, p[order[rank - 1]] * m / rank);
            q[order[rank - 1]] = running;
        }
        return q;
    }

    /** Up to the 30 p-values of a report, with ties (coarse values) and zeros. */
    @Provide
    Arbitrary<List<Double>> pValues() {
        Arbitrary<Double> p = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 20).map(i -> i / 20.0),
                Arbitraries.just(0.0));
        return p.list().ofMaxSize(30);
    }
}
