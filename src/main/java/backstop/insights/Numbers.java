package backstop.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers are written in insight texts: short, without trailing zeros, never in exponent form. */
final class Numbers {
    private Numbers() {}

    /** At most two decimals: 0.3, 1.25, 8. */
    static String plain(double value) {
        return decimals(value, 2);
    }

    static String decimals(double value, int places) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }
}
