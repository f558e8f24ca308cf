package backstop.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The catalogue's enums: a person reads the label; files, JSON and URLs use the code, which is the constant's name
 * in lower case (so a data file can never disagree with the Java name).
 */
public interface Labelled {
    String label();

    @JsonValue
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }
}
