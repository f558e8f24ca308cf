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

    /**
     * The value rounded half up to at most {@code places} decimals, trailing zeros dropped: the decimal that
     * {@code BigDecimal.valueOf(value)} reads (the digits of {@link Double#toString}), rounded as
     * {@code setScale(places, HALF_UP).stripTrailingZeros().toPlainString()} would, and "0" for zero. It rounds those
     * digits as text: BigDecimal did the same in about ten times the time, and was the largest method a roster run
     * compiled late, for a few numbers per report.
     */
    static String decimals(double value, int places) {
        String shortest = Double.toString(value);
        int point = shortest.indexOf('.');
        if (point < 0 || places < 0 || shortest.indexOf('E') >= 0) {
            return viaBigDecimal(value, places); // NaN, infinities and exponent forms: rare, and BigDecimal's rules
        }
        boolean negative = shortest.charAt(0) == '-';
        int fractionDigits = Math.min(places, shortest.length() - point - 1);
        StringBuilder digits = new StringBuilder(point + fractionDigits + 1);
        digits.append(shortest, negative ? 1 : 0, point).append(shortest, point + 1, point + 1 + fractionDigits);
        int firstDropped = point + 1 + places;
        if (firstDropped < shortest.length() && shortest.charAt(firstDropped) >= '5') {
            roundUp(digits);
        }
        int end = digits.length();
        while (fractionDigits > 0 && digits.charAt(end - 1) == '0') {
            end--;
            fractionDigits--;
        }
        digits.setLength(end);
        if (isZero(digits)) {
            return "0";
        }
        int integerDigits = end - fractionDigits;
        int leadingZeros = 0;
        while (leadingZeros < integerDigits - 1 && digits.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        StringBuilder written = new StringBuilder(end + 2);
        if (negative) {
            written.append('-');
        }
        written.append(digits, leadingZeros, integerDigits);
        if (fractionDigits > 0) {
            written.append('.').append(digits, integerDigits, end);
        }
        return written.toString();
    }

    /** Adds one in the last place of a string of decimal digits, carrying as far as it goes. */
    private static void roundUp(StringBuilder digits) {
        for (int i = digits.length() - 1; i >= 0; i--) {
            char digit = digits.charAt(i);
            if (digit != '9') {
                digits.setCharAt(i, (char) (digit + 1));
                return;
            }
            digits.setCharAt(i, '0');
        }
        digits.insert(0, '1');
    }

    private static boolean isZero(CharSequence digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** The definition {@link #decimals} follows, for the values it does not round as text. */
    static String viaBigDecimal(double value, int places) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString();
    }
}
