package backstop.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void numbersAreRoundedHalfUpWithoutTrailingZerosOrExponents() {
        assertThat(Numbers.decimals(0.25, 1)).isEqualTo("0.3");
        assertThat(Numbers.decimals(-0.25, 1)).isEqualTo("-0.3");
        assertThat(Numbers.decimals(0.15, 1)).isEqualTo("0.2"); // the decimal 0.15, not the binary 0.1499…
        assertThat(Numbers.decimals(8.0, 2)).isEqualTo("8");
        assertThat(Numbers.decimals(1.204, 2)).isEqualTo("1.2");
        assertThat(Numbers.decimals(9.96, 1)).isEqualTo("10");
        assertThat(Numbers.decimals(99.995, 2)).isEqualTo("100");
        assertThat(Numbers.decimals(12.5, 0)).isEqualTo("13");
        assertThat(Numbers.decimals(1.0e7, 1)).isEqualTo("10000000");
        assertThat(Numbers.decimals(0.00004, 3)).isEqualTo("0");
        assertThat(Numbers.decimals(0.0005, 3)).isEqualTo("0.001");
        assertThat(Numbers.plain(0.3)).isEqualTo("0.3");
    }

    @Test
    void zeroHasNoSignWhateverItWasRoundedFrom() {
        assertThat(Numbers.decimals(-0.04, 1)).isEqualTo("0");
        assertThat(Numbers.decimals(-0.0, 2)).isEqualTo("0");
        assertThat(Numbers.decimals(0.0, 2)).isEqualTo("0");
    }

    @Test
    void notANumberIsRefusedAsBigDecimalRefusedIt() {
        assertThatThrownBy(() -> Numbers.decimals(Double.NaN, 1)).isInstanceOf(NumberFormatException.class);
    }

    @Property(tries = 20_000)
    void roundsExactlyAsBigDecimalDoes(@ForAll("values") double value, @ForAll @IntRange(min = 0, max = 4) int places) {
        assertThat(Numbers.decimals(value, places)).isEqualTo(Numbers.viaBigDecimal(value, places));
    }

    /** Report-sized numbers, halves and near-halves, and the whole range of doubles. */
    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-20, 20),
                Arbitraries.integers().between(-4000, 4000).map(i -> i / 200.0),
                Arbitraries.integers().between(-40000, 40000).map(i -> i / 2000.0 + 0.00005),
                Arbitraries.doubles().between(-1e9, 1e9),
                Arbitraries.doubles());
    }
}
