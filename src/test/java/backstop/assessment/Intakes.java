package backstop.assessment;

import backstop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Intake documents for tests, taken from the vignettes so they stay valid when the schema grows. */
public final class Intakes {
    private Intakes() {}

    /** A desk worker on a laptop with few breaks: postural strain, no red flags. */
    public static String deskWorker() {
        return intakeOf("01-desk-worker-laptop.json");
    }

    /** The same person after changing their desk habits. */
    static String deskWorkerWithBreaks() {
        return deskWorker()
                .replace("\"breaks_per_day\": 2", "\"breaks_per_day\": 8")
                .replace("\"longest_sitting_minutes\": 120", "\"longest_sitting_minutes\": 40")
                .replace("\"setup\": \"laptop_only\"", "\"setup\": \"external_screen\"")
                .replace("\"screen_height\": \"below_eye_level\"", "\"screen_height\": \"at_eye_level\"");
    }

    /** Someone with chest pressure on exertion: an emergency. */
    public static String heartWarning() {
        return intakeOf("15-emergency-heart.json");
    }

    public static String intakeOf(String vignette) {
        try (InputStream in = Intakes.class.getResourceAsStream("/assessment/vignettes/" + vignette)) {
            if (in == null) {
                throw new IllegalStateException("no vignette " + vignette);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Written with ": " between name and value so tests can edit answers with plain text replacement.
            return VignetteFiles.intakeOf(Json.mapper().readTree(text))
                    .toPrettyString()
                    .replace("\" : ", "\": ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
