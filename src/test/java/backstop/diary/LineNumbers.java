package backstop.diary;

import java.util.Arrays;

/**
 * Turns a character position into a line number counted the way editors count: from 1, breaking at CRLF, LF or a
 * lone CR. Needed because a quoted note may span lines, so the n-th record is not the n-th line.
 */
final class LineNumbers {
    private final String text;
    private final int[] lineStarts;

    LineNumbers(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnds = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnds) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The line of the first character at or after {@code position} that is not a line end (skipped blank lines). */
    long lineOf(long position) {
        int at = (int) Math.min(position, text.length());
        while (at < text.length() && (text.charAt(at) == '\r' || text.charAt(at) == '\n')) {
            at++;
        }
        int found = Arrays.binarySearch(lineStarts, at);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
