package backstop.diary;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One check-in as named fields — the CSV column names plus {@code locations} and {@code pain_kinds} — for the
 * API's JSON, the browser form and the stored revisions. A missing or empty field means "not recorded".
 */
public final class DiaryFields {
    static final List<String> WHOLE_NUMBERS = List.of(
            "pain_am", "pain_pm", "longest_sit_min", "breaks", "exercise_min", "stress", "sleep_quality", "arm_load");
    static final Set<String> KNOWN = Set.of(
            "pain_am",
            "pain_pm",
            "desk_hours",
            "longest_sit_min",
            "breaks",
            "exercise_min",
            "stress",
            "sleep_quality",
            "sleep_position",
            "arm_load",
            "note",
            "locations",
            "pain_kinds");

    private DiaryFields() {}

    /** The values in the order of the CSV header; {@code null} for what was not recorded. */
    public static Map<String, Object> toMap(CheckIn checkIn) {
        DiaryDay day = checkIn.day();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("pain_am", boxed(day.painAm()));
        map.put("pain_pm", boxed(day.painPm()));
        map.put("desk_hours", day.deskHours().isPresent() ? day.deskHours().getAsDouble() : null);
        map.put("longest_sit_min", boxed(day.longestSitMin()));
        map.put("breaks", boxed(day.breaks()));
        map.put("exercise_min", boxed(day.exerciseMin()));
        map.put("stress", boxed(day.stress()));
        map.put("sleep_quality", boxed(day.sleepQuality()));
        map.put("sleep_position", day.sleepPosition().map(SleepPosition::code).orElse(null));
        map.put("arm_load", day.armLoad().map(ArmLoad::level).orElse(null));
        map.put("note", day.note());
        map.put("locations", checkIn.details().locations());
        map.put("pain_kinds", checkIn.details().painKinds());
        return map;
    }

    /**
     * Reads the API's body, already bound (unknown fields and wrong types refused by {@code web.JsonBodies}); the
     * values then go through the same checks as the form's, so both name the same fields for the same mistakes.
     */
    public static CheckIn fromBody(LocalDate date, CheckInBody body) {
        return fromValues(date, body.values(), body.locations(), body.painKinds());
    }

    static CheckIn fromValues(LocalDate date, Map<String, String> values, List<String> locations, List<String> kinds) {
        return build(date, values, locations, kinds, new ArrayList<>());
    }

    /** Reads the browser form, where every value arrives as text and an empty box means "not recorded". */
    public static CheckIn fromForm(LocalDate date, Map<String, List<String>> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : KNOWN) {
            List<String> given = form.getOrDefault(name, List.of());
            if (!name.equals("locations")
                    && !name.equals("pain_kinds")
                    && !given.isEmpty()
                    && !given.get(0).isBlank()) {
                values.put(name, given.get(0).strip());
            }
        }
        return build(
                date,
                values,
                form.getOrDefault("locations", List.of()),
                form.getOrDefault("pain_kinds", List.of()),
                new ArrayList<>());
    }

    private static CheckIn build(
            LocalDate date,
            Map<String, String> values,
            List<String> locations,
            List<String> kinds,
            List<FieldError> errors) {
        DiaryDay.Builder day = DiaryDay.on(date);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String name = entry.getKey();
            String text = entry.getValue();
            try {
                switch (name) {
                    case "pain_am" -> day.painAm(Integer.parseInt(text));
                    case "pain_pm" -> day.painPm(Integer.parseInt(text));
                    case "desk_hours" -> day.deskHours(Double.parseDouble(text));
                    case "longest_sit_min" -> day.longestSitMin(Integer.parseInt(text));
                    case "breaks" -> day.breaks(Integer.parseInt(text));
                    case "exercise_min" -> day.exerciseMin(Integer.parseInt(text));
                    case "stress" -> day.stress(Integer.parseInt(text));
                    case "sleep_quality" -> day.sleepQuality(Integer.parseInt(text));
                    case "sleep_position" ->
                        day.sleepPosition(SleepPosition.fromCode(text)
                                .orElseThrow(() ->
                                        new IllegalArgumentException("must be one of back, side, stomach, mixed")));
                    case "arm_load" ->
                        day.armLoad(ArmLoad.fromLevel(Integer.parseInt(text))
                                .orElseThrow(() -> new IllegalArgumentException(
                                        "must be 0 (none), 1 (light), 2 (moderate) or 3 (heavy)")));
                    case "note" -> day.note(text);
                    default -> throw new IllegalStateException("unhandled field " + name);
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(
                        name, name.equals("desk_hours") ? "must be a number such as 7.5" : "must be a whole number"));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
            }
        }
        DiaryDay built = null;
        try {
            built = day.build();
        } catch (BadInputException e) {
            errors.addAll(e.errors());
        }
        CheckInDetails details = null;
        try {
            details = new CheckInDetails(locations, kinds);
        } catch (BadInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new CheckIn(built, details);
    }

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }
}
