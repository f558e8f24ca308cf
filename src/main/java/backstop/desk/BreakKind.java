package backstop.desk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * A micro-break (under a minute, one exercise), a rest break (a few minutes away from the desk) or a natural break
 * (the person was away and said so when the page asked).
 */
enum BreakKind {
    MICRO("micro"),
    REST("rest"),
    NATURAL("natural");

    private final String code;

    BreakKind(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    static Optional<BreakKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
