package backstop.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every exercise and every source key the data uses is explained in the clinical documentation. */
class ClinicalDocsSyncTest {
    private static final Path DOC = Path.of("docs", "clinical.md");

    @Test
    void everyExerciseHasARowInTheClinicalTable() throws IOException {
        String doc = Files.readString(DOC);

        for (Exercise exercise : ExerciseCatalogue.load().all()) {
            assertThat(doc).as(exercise.id()).contains("| `" + exercise.id() + "` |");
        }
    }

    @Test
    void everySourceKeyTheDataUsesIsListed() throws IOException {
        String doc = Files.readString(DOC);
        ExerciseCatalogue catalogue = ExerciseCatalogue.load();

        catalogue.all().stream()
                .flatMap(exercise -> exercise.sources().stream())
                .distinct()
                .forEach(key -> assertThat(doc).as(key).contains("| `" + key + "` |"));
    }
}
