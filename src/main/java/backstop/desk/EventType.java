package backstop.desk;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What the Desk page reports: the working day starting or stopping, and what the person did with a break. */
enum EventType {
    WORK_START("work_start"),
    WORK_STOP("work_stop"),
    BREAK_TAKEN("break_taken"),
    BREAK_SKIPPED("break_skipped"),
    BREAK_POSTPONED("break_postponed");

    private final String code;

    EventType(String code) {
        this.code = code;
    }

    @JsonValue
    String code() {
        return code;
    }

    boolean isBreak() {
        return this == BREAK_TAKEN || this == BREAK_SKIPPED || this == BREAK_POSTPONED;
    }

    static Optional<EventType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(EventType::code).toList());
    }
}
