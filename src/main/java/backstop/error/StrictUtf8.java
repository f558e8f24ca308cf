package backstop.error;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes a person sent, as UTF-8 text: bytes in another encoding are refused, never read with broken letters. */
public final class StrictUtf8 {
    private StrictUtf8() {}

    /** The text, or a {@link BadInputException} on {@code field} with {@code reason} when it is not UTF-8. */
    public static String decode(byte[] bytes, String field, String reason) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new BadInputException(field, reason);
        }
    }
}
