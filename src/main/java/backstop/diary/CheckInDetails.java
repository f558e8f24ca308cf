package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parts of a check-in that the CSV interchange format does not carry: where it hurt (the same body map as the
 * assessment) and what kind of pain it was. Stored beside the day and kept when a CSV import updates that day.
 */
public record CheckInDetails(List<String> locations, List<String> painKinds) {
    public static final List<String> LOCATIONS = List.of(
            "between_shoulder_blades",
            "mid_back_centre",
            "one_side",
            "around_ribs",
            "neck_shoulder",
            "into_arm",
            "into_chest");
    public static final List<String> PAIN_KINDS =
            List.of("dull_ache", "stiffness", "sharp_with_movement", "tight_band", "burning_tingling", "tender_spot");

    private static final java.util.Map<String, String> WORDS = java.util.Map.ofEntries(
            java.util.Map.entry("between_shoulder_blades", "between the shoulder blades"),
            java.util.Map.entry("mid_back_centre", "middle of the back"),
            java.util.Map.entry("one_side", "one side"),
            java.util.Map.entry("around_ribs", "around the ribs"),
            java.util.Map.entry("neck_shoulder", "neck and shoulder"),
            java.util.Map.entry("into_arm", "into the arm"),
            java.util.Map.entry("into_chest", "into the chest"),
            java.util.Map.entry("dull_ache", "dull ache"),
            java.util.Map.entry("stiffness", "stiffness"),
            java.util.Map.entry("sharp_with_movement", "sharp when moving"),
            java.util.Map.entry("tight_band", "tight band"),
            java.util.Map.entry("burning_tingling", "burning or tingling"),
            java.util.Map.entry("tender_spot", "tender spot"));

    public CheckInDetails {
        locations = List.copyOf(locations);
        painKinds = List.copyOf(painKinds);
        List<FieldError> errors = new ArrayList<>();
        check(errors, "locations", locations, LOCATIONS);
        check(errors, "pain_kinds", painKinds, PAIN_KINDS);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
    }

    /** The words a person reads for a location or kind of pain (the stored code for an unknown one). */
    public static String words(String code) {
        return WORDS.getOrDefault(code, code.replace('_', ' '));
    }

    /** Nothing recorded about where or how it hurt. */
    public boolean isEmpty() {
        return locations.isEmpty() && painKinds.isEmpty();
    }

    public static CheckInDetails none() {
        return new CheckInDetails(List.of(), List.of());
    }

    private static void check(List<FieldError> errors, String field, List<String> values, List<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                errors.add(new FieldError(field, "'" + value + "' is not one of " + String.join(", ", allowed)));
            }
        }
        if (Set.copyOf(values).size() != values.size()) {
            errors.add(new FieldError(field, "names a value twice"));
        }
    }
}
