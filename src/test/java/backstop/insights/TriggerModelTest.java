package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class TriggerModelTest {
    @Test
    void theCriticalValueKeptPerDegreesOfFreedomIsTheTDistributionsOwnEveryTime() {
        for (int df : new int[] {10, 11, 384, 10, 1000, 384}) {
            double direct = new TDistribution(null, df).inverseCumulativeProbability(0.975);

            assertThat(TriggerModel.critical(df)).isEqualTo(direct);
        }
        // The textbook values: t(10) 2.228, t(1000) 1.962.
        assertThat(TriggerModel.critical(10)).isBetween(2.2281, 2.2282);
        assertThat(TriggerModel.critical(1000)).isBetween(1.9623, 1.9624);
    }
}
