package backstop.diary;

import backstop.json.Doc;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code PUT /api/v1/diary/{date}}, bound by {@code web.JsonBodies} (its schema in the API document is
 * derived from this record): every field may be left out or null, which means "not recorded". The ranges are
 * the form's, checked when the body is bound and again when the day is built; the lists of words are those of
 * {@link CheckInDetails} ({@code CheckInBodyTest} keeps them equal).
 */
public record CheckInBody(
        @Doc(value = "Pain in the morning, 0 to 10.", minimum = 0, maximum = 10)
        Optional<Integer> painAm,

        @Doc(value = "Pain in the evening, 0 to 10.", minimum = 0, maximum = 10)
        Optional<Integer> painPm,

        @Doc(value = "Hours at a desk.", minimum = 0, maximum = 24)
        Optional<Double> deskHours,

        @Doc(value = "The longest stretch sitting, in minutes.", minimum = 0, maximum = 1440)
        Optional<Integer> longestSitMin,

        @Doc(value = "Breaks taken.", minimum = 0, maximum = 1440)
        Optional<Integer> breaks,

        @Doc(value = "Minutes of exercise.", minimum = 0, maximum = 1440)
        Optional<Integer> exerciseMin,

        @Doc(value = "Stress, 0 to 10.", minimum = 0, maximum = 10)
        Optional<Integer> stress,

        @Doc(value = "Sleep quality, 0 to 10.", minimum = 0, maximum = 10)
        Optional<Integer> sleepQuality,

        @Doc(allowed = {"back", "side", "stomach", "mixed"}) Optional<String> sleepPosition,

        @Doc(value = "Load on the arms: 0 none, 1 light, 2 moderate, 3 heavy.", minimum = 0, maximum = 3)
        Optional<Integer> armLoad,

        Optional<String> note,

        @Doc(
                value = "Where it hurt.",
                allowed = {
                    "between_shoulder_blades",
                    "mid_back_centre",
                    "one_side",
                    "around_ribs",
                    "neck_shoulder",
                    "into_arm",
                    "into_chest"
                })
        List<String> locations,

        @Doc(
                value = "What kind of pain.",
                allowed = {
                    "dull_ache",
                    "stiffness",
                    "sharp_with_movement",
                    "tight_band",
                    "burning_tingling",
                    "tender_spot"
                })
        List<String> painKinds) {
    /** Any day will do for checking the values: none of the checks depends on it. */
    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    public CheckInBody {
        locations = locations == null ? List.of() : List.copyOf(locations);
        painKinds = painKinds == null ? List.of() : List.copyOf(painKinds);
        // Checked when bound, so a body's wrong values are named in the same answer as its wrong types.
        DiaryFields.fromValues(
                ANY_DAY,
                values(
                        painAm,
                        painPm,
                        deskHours,
                        longestSitMin,
                        breaks,
                        exerciseMin,
                        stress,
                        sleepQuality,
                        sleepPosition,
                        armLoad,
                        note),
                locations,
                painKinds);
    }

    /** The values given, as the form gives them: by field name, as text. */
    Map<String, String> values() {
        return values(
                painAm,
                painPm,
                deskHours,
                longestSitMin,
                breaks,
                exerciseMin,
                stress,
                sleepQuality,
                sleepPosition,
                armLoad,
                note);
    }

    private static Map<String, String> values(
            Optional<Integer> painAm,
            Optional<Integer> painPm,
            Optional<Double> deskHours,
            Optional<Integer> longestSitMin,
            Optional<Integer> breaks,
            Optional<Integer> exerciseMin,
            Optional<Integer> stress,
            Optional<Integer> sleepQuality,
            Optional<String> sleepPosition,
            Optional<Integer> armLoad,
            Optional<String> note) {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "pain_am", painAm);
        put(values, "pain_pm", painPm);
        put(values, "desk_hours", deskHours);
        put(values, "longest_sit_min", longestSitMin);
        put(values, "breaks", breaks);
        put(values, "exercise_min", exerciseMin);
        put(values, "stress", stress);
        put(values, "sleep_quality", sleepQuality);
        put(values, "sleep_position", sleepPosition);
        put(values, "arm_load", armLoad);
        put(values, "note", note);
        return values;
    }

    private static void put(Map<String, String> values, String field, Optional<?> value) {
        if (value != null && value.isPresent()) {
            values.put(field, value.get().toString());
        }
    }
}
