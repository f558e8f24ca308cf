package backstop.assessment;

import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Intake documents for tests: a calm, low-risk baseline that each test changes in the one way it is about. */
final class TestIntakes {
    private TestIntakes() {}

    /**
     * A fresh copy of {@code benign-intake-v2.json}, in the current intake version: no red flags, mild pain, little
     * desk time, sleeps on the back, and "no difference" to every factor.
     */
    static ObjectNode benign() {
        return (ObjectNode) Json.resource("/assessment/benign-intake-v2.json");
    }

    /** The same calm person as a version 1 document ({@code benign-intake.json}): the newer questions unasked. */
    static ObjectNode benignV1() {
        return (ObjectNode) Json.resource("/assessment/benign-intake.json");
    }

    /** Sets a dotted path ({@code red_flags.fever_or_chills}) to a value given as JSON text ({@code true}, {@code "side"}). */
    static ObjectNode with(ObjectNode document, String path, String jsonValue) {
        String[] parts = path.split("\\.");
        ObjectNode parent = document;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], parse(jsonValue));
        return document;
    }

    static JsonNode parse(String jsonValue) {
        try {
            return Json.mapper().readTree(jsonValue);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(jsonValue, e);
        }
    }
}
