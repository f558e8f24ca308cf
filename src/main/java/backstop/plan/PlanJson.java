package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plans as JSON in Backstop's one dialect (snake_case, ISO dates, unknown fields refused). */
final class PlanJson {
    private PlanJson() {}

    static String write(Object value) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan value could not be written as JSON", e);
        }
    }

    /** A stored plan as the API returns it: its version's facts, then the plan itself. */
    static Map<String, Object> view(StoredPlan stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.id());
        view.put("created_at", stored.createdAt().toString());
        view.put("reason", stored.reason());
        view.put("preferences", stored.preferences());
        stored.change().ifPresent(change -> view.put("changed_by", change));
        view.putAll(Json.mapper()
                .convertValue(Json.mapper().valueToTree(stored.plan()), new TypeReference<Map<String, Object>>() {}));
        return view;
    }

    /** @throws IllegalArgumentException when the text is not a plan */
    static Plan read(String json) {
        try {
            return Json.mapper().readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plan: " + e.getOriginalMessage(), e);
        }
    }
}
