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
