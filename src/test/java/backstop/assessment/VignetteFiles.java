package backstop.assessment;

import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The clinical vignettes in {@code src/test/resources/assessment/vignettes}. A vignette holds its whole intake
 * ({@code "intake"}), or names a calm baseline ({@code "base": "benign-intake-v2"}) and only the answers that make
 * the case ({@code "answers": {"red_flags.saddle_numbness": true}}), so the story's signs stand out.
 */
public final class VignetteFiles {
    private VignetteFiles() {}

    /** One vignette: its file name, the document as written, and the complete intake it stands for. */
    public record Vignette(String file, JsonNode document, JsonNode intake) {
        public JsonNode expected() {
            return document.path("expected");
        }

        @Override
        public String toString() {
            return file;
        }
    }

    public static List<Vignette> all() {
        try {
            Path folder = Path.of(
                    VignetteFiles.class.getResource("/assessment/vignettes").toURI());
            List<Vignette> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    JsonNode document = Json.mapper().readTree(file.toFile());
                    all.add(new Vignette(file.getFileName().toString(), document, intakeOf(document)));
                }
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The complete intake of a vignette document: its own, or its base with its answers set. */
    static JsonNode intakeOf(JsonNode document) {
        if (document.has("intake")) {
            return document.get("intake");
        }
        String base = document.path("base").asText("");
        ObjectNode intake = (ObjectNode) Json.resource("/assessment/" + base + ".json");
        document.path("answers").properties().forEach(entry -> set(intake, entry.getKey(), entry.getValue()));
        return intake;
    }

    private static void set(ObjectNode document, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = document;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            if (!(child instanceof ObjectNode object)) {
                throw new IllegalArgumentException("vignette answer " + path + ": no section " + parts[i]);
            }
            parent = object;
        }
        parent.set(parts[parts.length - 1], value.deepCopy());
    }
}
