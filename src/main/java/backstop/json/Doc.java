package backstop.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the JSON Schema of a record component says beyond its Java type: a description, a range, a list size, the
 * choices of a text field. {@link RecordSchema} reads it; the record's constructor keeps the same limits.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Doc {
    String value() default "";

    long minimum() default Long.MIN_VALUE;

    long maximum() default Long.MAX_VALUE;

    int minItems() default -1;

    int maxItems() default -1;

    int minLength() default -1;

    int maxLength() default -1;

    /** For text written in a standard form, as JSON Schema names it ({@code date-time}). */
    String format() default "";

    /** For text that must match a regular expression (JSON Schema's {@code pattern}). */
    String pattern() default "";

    /** For text (or a list of texts) that must be one of a few fixed words not kept in an enum. */
    String[] allowed() default {};

    /** For text (or a list of texts) that must be one of an enum's values, written as the mapper writes them. */
    Class<? extends Enum<?>> choices() default NoChoices.class;

    /** The default of {@link #choices()}: any text. */
    enum NoChoices {}
}
