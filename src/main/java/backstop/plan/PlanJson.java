package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;

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

    /** @throws IllegalArgumentException when the text is not a plan */
    static Plan read(String json) {
        try {
            return Json.mapper().readValue(json, Plan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a plan: " + e.getOriginalMessage(), e);
        }
    }
}
