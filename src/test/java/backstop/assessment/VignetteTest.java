package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.model.Cause;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Clinical vignettes written for this project (src/test/resources/assessment/vignettes): each is a short story, the
 * intake that person would give, and what the assessment should say. {@code top_causes} are the leading causes in
 * any order; {@code red_flags}, {@code active_causes} and {@code findings} must match exactly (absent means none).
 */
class VignetteTest {
    private static final Assessor ASSESSOR = new Assessor(AssessmentRules.load());
    private static final IntakeReader READER = IntakeReader.load();

    record Vignette(String file, JsonNode document) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Vignette> vignettes() {
        try {
            Path folder = Path.of(
                    VignetteTest.class.getResource("/assessment/vignettes").toURI());
            List<Vignette> all = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    all.add(new Vignette(file.getFileName().toString(), AssessmentJson.MAPPER.readTree(file.toFile())));
                }
            }
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    @Test
    void thereAreAtLeastThirtyTwoVignettes() {
        assertThat(vignettes()).hasSizeGreaterThanOrEqualTo(32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vignettes")
    void theAssessmentSaysWhatTheVignetteExpects(Vignette vignette) {
        JsonNode expected = vignette.document().get("expected");
        assertThat(vignette.document().path("description").asText()).isNotBlank();

        AssessmentResult result =
                ASSESSOR.assess(READER.read(vignette.document().get("intake").toString()));
        String scores = result.causes().stream()
                .map(c -> c.cause().key() + "=" + c.score())
                .collect(Collectors.joining(", "));

        assertThat(result.urgency().key())
                .as("urgency")
                .isEqualTo(expected.get("urgency").asText());
        assertThat(result.redFlags().stream().map(AssessmentResult.RedFlag::id).collect(Collectors.toSet()))
                .as("red flags")
                .isEqualTo(texts(expected.path("red_flags")));
        if (expected.has("top_causes")) {
            Set<String> top = texts(expected.get("top_causes"));
            assertThat(result.causes().stream()
                            .limit(top.size())
                            .map(c -> c.cause().key())
                            .collect(Collectors.toSet()))
                    .as("top causes of " + scores)
                    .isEqualTo(top);
        }
        assertThat(result.activeCauses().stream().map(Cause::key).collect(Collectors.toSet()))
                .as("active causes of " + scores)
                .isEqualTo(texts(expected.path("active_causes")));
        assertThat(result.findings().stream().map(f -> f.id().key()).collect(Collectors.toSet()))
                .as("findings")
                .isEqualTo(texts(expected.path("findings")));
        assertThat(result.summary()).contains("not a diagnosis");
    }
}
