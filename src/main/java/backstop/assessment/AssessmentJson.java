package backstop.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The one JSON mapper of the assessment package and the reading of its resource files. */
final class AssessmentJson {
    // Configured once here and never changed afterwards, so sharing it is safe. Optional follow-up answers that
    // are absent (morning stiffness minutes, pressing a knot) become 0 or false; the schema has refused nulls.
    // Answers a version 1 intake never asked are empty Optionals, written as absent, never as "no".
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A field given twice would silently keep the last answer; refuse it instead.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Text after the document would be ignored; refuse it, as the API does everywhere.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private AssessmentJson() {}

    /** A stored JSON text as a tree, for exports that embed it as it was given. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is broken", e);
        }
    }

    /** Reads a resource that ships in the jar; a missing or broken one is a build fault, so it fails loudly. */
    static JsonNode resource(String path) {
        try (InputStream in = AssessmentJson.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the jar");
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("resource " + path + " is not valid JSON", e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
