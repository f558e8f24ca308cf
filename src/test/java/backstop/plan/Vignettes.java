package backstop.plan;

import backstop.assessment.AssessmentResult;
import backstop.assessment.AssessmentRules;
import backstop.assessment.Assessor;
import backstop.assessment.Intake;
import backstop.assessment.IntakeReader;
import backstop.exercise.ExerciseCatalogue;
import backstop.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The assessment's clinical vignettes, assessed by the shipped rules, as input for plan tests. */
final class Vignettes {
    static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.load();
    private static final Assessor ASSESSOR = new Assessor(AssessmentRules.load());
    private static final IntakeReader READER = IntakeReader.load();
    private static final List<Vignette> ALL = read();

    record Vignette(String file, Intake intake, AssessmentResult result) {
        DailyLife life() {
            return DailyLife.from(intake);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Vignettes() {}

    static List<Vignette> all() {
        return ALL;
    }

    static Stream<Vignette> stream() {
        return ALL.stream();
    }

    static Vignette named(String prefix) {
        return ALL.stream()
                .filter(vignette -> vignette.file().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vignette " + prefix));
    }

    private static List<Vignette> read() {
        try {
            Path folder =
                    Path.of(Vignettes.class.getResource("/assessment/vignettes").toURI());
            List<Vignette> vignettes = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    JsonNode document = Json.mapper().readTree(file.toFile());
                    Intake intake = READER.read(document.get("intake").toString());
                    vignettes.add(new Vignette(file.getFileName().toString(), intake, ASSESSOR.assess(intake)));
                }
            }
            return List.copyOf(vignettes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
