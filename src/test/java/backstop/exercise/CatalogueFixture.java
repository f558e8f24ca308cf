package backstop.exercise;

import backstop.resource.PassedChecks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, valid catalogue written to a temporary folder, which a test breaks in exactly one way before loading
 * it through its own class loader, the same way the application loads the real one.
 */
final class CatalogueFixture {
    static final String ROOT = "catalogue";
    static final String VALID_SVG =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 160\"><title>A drawing</title></svg>";

    private final ObjectMapper json = new ObjectMapper();
    private final Path classpath;
    private final Map<String, ObjectNode> exercises = new LinkedHashMap<>();
    private final Map<String, String> illustrations = new LinkedHashMap<>();

    CatalogueFixture(Path classpath) {
        this.classpath = classpath;
        exercises.put("alpha", exercise("alpha", "beta"));
        exercises.put("beta", exercise("beta", "alpha"));
        illustrations.put("alpha.svg", VALID_SVG);
        illustrations.put("beta.svg", VALID_SVG);
    }

    /** The JSON of one exercise, to change before {@link #load()}. */
    ObjectNode exercise(String id) {
        return exercises.get(id);
    }

    CatalogueFixture illustration(String fileName, String svg) {
        illustrations.put(fileName, svg);
        return this;
    }

    CatalogueFixture withoutIllustration(String fileName) {
        illustrations.remove(fileName);
        return this;
    }

    /** Writes the catalogue into {@code exercises/<fileName>} instead of {@code <id>.json}. */
    CatalogueFixture rename(String id, String fileName) {
        exercises.put(fileName.replace(".json", ""), exercises.remove(id));
        return this;
    }

    ExerciseCatalogue load() {
        return load(PassedChecks.inUserCache());
    }

    /** Loads it, skipping the checks that {@code passedChecks} has seen pass on the very same files. */
    ExerciseCatalogue load(PassedChecks passedChecks) {
        write();
        try (var loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
            return ExerciseCatalogue.load(loader, ROOT, passedChecks);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    Path write() {
        try {
            Path root = classpath.resolve(ROOT);
            Files.createDirectories(root.resolve("exercises"));
            Files.createDirectories(root.resolve("illustrations"));
            Files.writeString(
                    root.resolve("sources.json"),
                    "[{\"key\": \"project-judgement\", \"citation\": \"Backstop project judgement.\", \"project_judgement\": true}]");
            for (var entry : exercises.entrySet()) {
                Files.writeString(
                        root.resolve("exercises").resolve(entry.getKey() + ".json"),
                        json.writerWithDefaultPrettyPrinter().writeValueAsString(entry.getValue()));
            }
            for (var entry : illustrations.entrySet()) {
                Files.writeString(
                        root.resolve("illustrations").resolve(entry.getKey()),
                        entry.getValue(),
                        StandardCharsets.UTF_8);
            }
            return root;
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private ObjectNode exercise(String id, String other) {
        try {
            return (ObjectNode) json.readTree("""
                    {
                      "id": "%1$s",
                      "name": "Exercise %1$s",
                      "purpose": "Moves the upper back for the test.",
                      "causes": ["postural_strain"],
                      "areas": ["thoracic_spine"],
                      "category": "mobility",
                      "equipment": ["none"],
                      "dose": {"sets": 1, "reps": 5, "hold_seconds": 5, "times": 1, "per": "day", "estimated_seconds": 40},
                      "progressions": [{"dose": {"reps": 8}, "note": "Eight instead of five."}, {"exercise": "%2$s"}],
                      "regressions": [{"dose": {"reps": 3}, "note": "Three instead of five."}, {"exercise": "%2$s"}],
                      "cues": ["Sit tall.", "Move slowly."],
                      "mistakes": ["Rushing."],
                      "stop_if": ["The pain turns sharp."],
                      "illustration": "%1$s.svg",
                      "sources": ["project-judgement"]
                    }
                    """.formatted(id, other));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
