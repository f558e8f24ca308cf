package backstop.diary;

import java.math.BigDecimal;

/** The one way diary decimals are written, so an export reads back as the same double. */
final class DiaryNumbers {
    private DiaryNumbers() {}

    /**
     * Shortest plain decimal that reads back as exactly {@code value}: {@code 7.5}, {@code 8}, never {@code 8.0} or
     * {@code 1.0E-4}. {@link BigDecimal#valueOf(double)} starts from {@link Double#toString}, which is the shortest
     * round-tripping form.
     */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
