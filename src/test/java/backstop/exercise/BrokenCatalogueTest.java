package backstop.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.resource.PassedChecks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalogue with anything wrong in it is refused at start-up, naming the exercise and the field. */
class BrokenCatalogueTest {
    @TempDir
    Path classpath;

    private CatalogueFixture fixture;

    @BeforeEach
    void writeAValidCatalogue() {
        fixture = new CatalogueFixture(classpath);
    }

    @Test
    void theUntouchedFixtureLoads() {
        ExerciseCatalogue catalogue = fixture.load();

        assertThat(catalogue.all()).extracting(Exercise::id).containsExactly("alpha", "beta");
        assertThat(catalogue.get("alpha").progressions().get(0))
                .isEqualTo(new Step.ChangeDose(new Dose(1, 8, 5, false, 1, Period.DAY, 64), "Eight instead of five."));
    }

    @Test
    void theBrokenCatalogueKeptAsATestResourceIsRefused() {
        var refused = catchThrowableOfType(
                BadInputException.class, () -> ExerciseCatalogue.load(getClass().getClassLoader(), "exercise-broken"));

        assertThat(refused.errors())
                .contains(
                        new FieldError(
                                "exercise neck-roll, category",
                                "'stretching' is not one of [mobility, strength, "
                                        + "posture_correction, endurance, relaxation_breathing, micro_break] (line 7)"),
                        new FieldError(
                                "exercise neck-roll, progressions[1]",
                                "points to 'neck-circle', which is not in the catalogue (line 10)"));
        assertThat(refused).hasMessageContaining("exercise neck-roll, category");
    }

    @Test
    void aCauseOutsideTheVocabularyIsRefused() {
        fixture.exercise("alpha").putArray("causes").add("back_ache");

        assertThat(errorsOf(fixture)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("exercise alpha, causes[0]");
            assertThat(error.message()).contains("'back_ache' is not one of [postural_strain, muscle_overuse");
        });
    }

    @Test
    void aMissingFieldIsRefused() {
        fixture.exercise("beta").remove("cues");

        assertThat(errorsOf(fixture)).containsExactly(new FieldError("exercise beta, cues", "is required (line 1)"));
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        fixture.exercise("alpha").set("cue", fixture.exercise("alpha").remove("cues"));

        assertThat(errorsOf(fixture))
                .contains(
                        new FieldError("exercise alpha, cue", "is not a known field (line 37)"),
                        new FieldError("exercise alpha, cues", "is required (line 1)"));
    }

    @Test
    void anExerciseServingNoCauseIsAnOrphanAndRefused() {
        fixture.exercise("alpha").putArray("causes");

        assertThat(errorsOf(fixture)).extracting(FieldError::field).containsExactly("exercise alpha, causes");
    }

    @Test
    void aProgressionToAnExerciseThatDoesNotExistIsRefused() {
        fixture.exercise("alpha")
                .withArray("progressions")
                .set(1, fixture.exercise("alpha").objectNode().put("exercise", "gamma"));

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError(
                        "exercise alpha, progressions[1]",
                        "points to 'gamma', which is not in the catalogue (line 22)"));
    }

    @Test
    void aRegressionThatAddsWorkIsRefused() {
        fixture.exercise("beta")
                .withArray("regressions")
                .set(
                        0,
                        fixture.exercise("beta")
                                .objectNode()
                                .put("note", "More, by mistake.")
                                .set(
                                        "dose",
                                        fixture.exercise("beta").objectNode().put("reps", 9)));

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError(
                        "exercise beta, regressions[0].dose", "a regression must take work away (line 27)"));
    }

    @Test
    void aStepWithBothAnExerciseAndADoseIsRefused() {
        var step =
                (ObjectNode) fixture.exercise("alpha").withArray("progressions").get(1);
        step.set("dose", step.objectNode().put("reps", 9));

        assertThat(errorsOf(fixture)).extracting(FieldError::field).containsExactly("exercise alpha, progressions[1]");
    }

    @Test
    void aDoseOutsideItsRangeIsRefused() {
        fixture.exercise("alpha").withObjectProperty("dose").put("sets", 9);

        assertThat(errorsOf(fixture)).extracting(FieldError::field).contains("exercise alpha, dose.sets");
    }

    @Test
    void aTimeEstimateShorterThanTheWorkItselfIsRefused() {
        fixture.exercise("alpha").withObjectProperty("dose").put("estimated_seconds", 10);

        assertThat(errorsOf(fixture)).extracting(FieldError::field).contains("exercise alpha, dose.estimated_seconds");
    }

    @Test
    void aMicroBreakLongerThanAMinuteIsRefused() {
        fixture.exercise("alpha")
                .put("category", "micro_break")
                .withObjectProperty("dose")
                .put("estimated_seconds", 90);

        assertThat(errorsOf(fixture)).extracting(FieldError::field).contains("exercise alpha, dose.estimated_seconds");
    }

    @Test
    void anUnknownSourceKeyIsRefused() {
        fixture.exercise("alpha").withArray("sources").add("hearsay-2024");

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError(
                        "exercise alpha, sources[1]", "'hearsay-2024' is not in sources.json (line 37)"));
    }

    @Test
    void anExerciseFileNamedDifferentlyFromItsIdIsRefused() {
        fixture.rename("beta", "beta-old.json");

        assertThat(errorsOf(fixture))
                .contains(new FieldError("exercise beta, id", "must match its file name 'beta-old.json' (line 2)"));
    }

    @Test
    void aMissingIllustrationIsRefused() {
        fixture.withoutIllustration("beta.svg");

        assertThat(errorsOf(fixture)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("exercise beta, illustration");
            assertThat(error.message()).contains("beta.svg' does not exist");
        });
    }

    @Test
    void anIllustrationNoExerciseUsesIsRefused() {
        fixture.illustration("old-drawing.svg", CatalogueFixture.VALID_SVG);

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError("catalogue/illustrations/old-drawing.svg", "belongs to no exercise"));
    }

    @Test
    void anIllustrationThatIsNotWellFormedXmlIsRefused() {
        fixture.illustration("alpha.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title>");

        assertThat(errorsOf(fixture)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("exercise alpha, illustration");
            assertThat(error.message()).contains("is not well-formed XML");
        });
    }

    @Test
    void anIllustrationWhoseRootIsNotSvgIsRefused() {
        fixture.illustration("alpha.svg", "<html><title>x</title></html>");

        assertThat(errorsOf(fixture))
                .extracting(FieldError::message)
                .anyMatch(message -> message.contains("root element must be <svg>"));
    }

    @Test
    void anIllustrationWithoutATitleIsRefused() {
        fixture.illustration("alpha.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"3\"/></svg>");

        assertThat(errorsOf(fixture)).extracting(FieldError::message).anyMatch(message -> message.contains("<title>"));
    }

    @Test
    void anIllustrationWithScriptsOrOutsideReferencesIsRefused() {
        fixture.illustration(
                "alpha.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><title>x</title>"
                        + "<script>alert(1)</script><image href=\"https://example.org/x.png\"/></svg>");

        assertThat(errorsOf(fixture))
                .extracting(FieldError::message)
                .anyMatch(message -> message.contains("<script>"))
                .anyMatch(message -> message.contains("event handlers"))
                .anyMatch(message -> message.contains("outside itself"));
    }

    @Test
    void illustrationsThatPassedBeforeAreNotParsedAgainButAChangedOneIsCheckedAndRefused(@TempDir Path checks) {
        PassedChecks passedChecks = new PassedChecks(checks);
        assertThat(fixture.load(passedChecks).size()).isEqualTo(2);
        assertThat(checks).isNotEmptyDirectory();

        fixture.illustration(
                "alpha.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title><script>alert(1)</script></svg>");
        var refused = catchThrowableOfType(BadInputException.class, () -> fixture.load(passedChecks));

        assertThat(refused.errors()).extracting(FieldError::message).anyMatch(message -> message.contains("<script>"));
    }

    @Test
    void anIllustrationWithADoctypeIsRefusedSoNoEntityIsEverExpanded() {
        fixture.illustration(
                "alpha.svg",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>&x;</title></svg>");

        assertThat(errorsOf(fixture))
                .extracting(FieldError::message)
                .anyMatch(message -> message.contains("not well-formed"));
    }

    @Test
    void everyProblemInEveryExerciseIsReportedAtOnce() {
        fixture.exercise("alpha").put("category", "stretching");
        fixture.exercise("beta").remove("mistakes");
        fixture.withoutIllustration("beta.svg");

        assertThat(errorsOf(fixture))
                .extracting(FieldError::field)
                .contains("exercise alpha, category", "exercise beta, mistakes");
    }

    @Test
    void loadsFromInsideAJarAsWellAsFromAFolder() throws IOException {
        Path folder = fixture.write().getParent();
        Path jar = classpath.resolveSibling(classpath.getFileName() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                var zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(folder)) {
            // Folders get entries of their own, as in the jars Maven builds.
            for (Path path : files.filter(path -> !path.equals(folder)).sorted().toList()) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(Files.isDirectory(path) ? name + "/" : name));
                if (Files.isRegularFile(path)) {
                    zip.write(Files.readAllBytes(path));
                }
                zip.closeEntry();
            }
        }
        try (var loader = new URLClassLoader(new URL[] {CatalogueFixture.url(jar)}, null)) {
            assertThat(ExerciseCatalogue.load(loader, CatalogueFixture.ROOT).size())
                    .isEqualTo(2);
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsLineAndNeverConverted() {
        fixture.exercise("alpha").withObjectProperty("dose").put("sets", "three");
        fixture.exercise("alpha").put("name", 7);

        assertThat(errorsOf(fixture))
                .containsExactlyInAnyOrder(
                        new FieldError("exercise alpha, name", "must be text (line 3)"),
                        new FieldError("exercise alpha, dose.sets", "must be a whole number (line 10)"));
    }

    @Test
    void aListGivenAsTextIsRefused() {
        fixture.exercise("beta").put("cues", "Sit tall.");

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError("exercise beta, cues", "must be a list of text (line 33)"));
    }

    @Test
    void anUnknownOrMissingFieldInsideTheDoseIsNamedWithItsPath() {
        fixture.exercise("alpha")
                .withObjectProperty("dose")
                .put("rest_seconds", 30)
                .remove("times");

        assertThat(errorsOf(fixture))
                .containsExactlyInAnyOrder(
                        new FieldError("exercise alpha, dose.rest_seconds", "is not a known field (line 15)"),
                        new FieldError("exercise alpha, dose.times", "is required (line 9)"));
    }

    @Test
    void aDoseStepWithoutItsNoteIsRefused() {
        ((ObjectNode) fixture.exercise("alpha").withArray("progressions").get(0)).remove("note");

        assertThat(errorsOf(fixture))
                .containsExactly(new FieldError("exercise alpha, progressions[0].note", "is required (line 17)"));
    }

    @Test
    void anAreaListedTwiceIsRefused() {
        fixture.exercise("alpha").withArray("areas").add("thoracic_spine");

        assertThat(errorsOf(fixture))
                .containsExactly(
                        new FieldError("exercise alpha, areas[1]", "'thoracic_spine' is listed twice (line 6)"));
    }

    @Test
    void aFileThatIsNotJsonIsNamedWithItsLine() throws IOException {
        Path root = fixture.write();
        Files.writeString(root.resolve("exercises/beta.json"), "{\n  \"id\": \"beta\",\n  \"name\" \"x\"\n}");

        List<FieldError> errors;
        try (var loader = new URLClassLoader(new URL[] {CatalogueFixture.url(classpath)}, null)) {
            errors = catchThrowableOfType(
                            BadInputException.class, () -> ExerciseCatalogue.load(loader, CatalogueFixture.ROOT))
                    .errors();
        }

        assertThat(errors).anySatisfy(error -> {
            assertThat(error.field()).isEqualTo("exercise beta");
            assertThat(error.message()).startsWith("is not valid JSON (line 3");
        });
    }

    private static List<FieldError> errorsOf(CatalogueFixture broken) {
        return catchThrowableOfType(BadInputException.class, broken::load).errors();
    }
}
