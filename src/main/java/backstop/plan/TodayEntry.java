package backstop.plan;

import backstop.error.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Today form shows besides the plan: the values a refused form sent (kept so nothing is typed twice), each
 * field's first problem, and the problems in words. Empty on a fresh page.
 */
public record TodayEntry(Map<String, String> values, Map<String, String> fieldErrors, List<String> problems) {
    public TodayEntry {
        values = Map.copyOf(values);
        fieldErrors = Map.copyOf(fieldErrors);
        problems = List.copyOf(problems);
    }

    static TodayEntry fresh() {
        return new TodayEntry(Map.of(), Map.of(), List.of());
    }

    /** A refused form: what was sent, and its errors named for the fields and said in words for the person. */
    static TodayEntry refused(Map<String, String> sent, List<FieldError> errors, TodaySession session) {
        Map<String, String> names = new LinkedHashMap<>();
        session.sessions().forEach(part -> part.exercises().forEach(e -> names.put(e.id(), e.name())));
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        List<String> words = errors.stream()
                .map(error -> TodayForm.inWords(error, names))
                .distinct()
                .toList();
        return new TodayEntry(sent, byField, words);
    }

    /** The value sent for a field, or what the plan suggests. */
    public String value(String field, String planned) {
        return values.getOrDefault(field, planned);
    }

    public boolean sent(String field) {
        return values.containsKey(field);
    }

    /** The problem with a field, or "" when there is none. */
    public String error(String field) {
        return fieldErrors.getOrDefault(field, "");
    }

    /** Whether any of one exercise's fields was refused, so its amounts are shown open. */
    public boolean refusedAny(String exerciseId) {
        return fieldErrors.keySet().stream().anyMatch(field -> field.startsWith(exerciseId + "."));
    }

    public boolean refused() {
        return !problems.isEmpty();
    }
}
