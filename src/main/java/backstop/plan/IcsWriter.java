package backstop.plan;

import java.nio.charset.StandardCharsets;

/** Content lines of RFC 5545: CRLF endings, folded at 75 octets without splitting a character, TEXT escaped. */
final class IcsWriter {
    static final int MAX_OCTETS = 75;
    private final StringBuilder out = new StringBuilder();

    void line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                // A fold is CRLF and one space; the space counts towards the next line's 75 octets.
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    /** A TEXT value: backslash, semicolon and comma escaped, line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
