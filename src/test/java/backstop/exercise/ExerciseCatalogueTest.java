package backstop.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backstop.error.NotFoundException;
import backstop.model.Cause;
import backstop.resource.ResourceDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** What the shipped exercise catalogue promises to the plan and the library page. */
class ExerciseCatalogueTest {
    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.load();

    @Test
    void holdsAtLeastFortyTwoExercises() {
        assertThat(CATALOGUE.size()).isGreaterThanOrEqualTo(42);
        assertThat(CATALOGUE.all())
                .extracting(Exercise::id)
                .doesNotHaveDuplicates()
                .isSorted();
    }

    static Stream<Arguments> requiredCoverage() {
        return Stream.of(
                Arguments.of(
                        "thoracic extension mobility",
                        "foam-roller-thoracic-extension",
                        Category.MOBILITY,
                        BodyArea.THORACIC_SPINE),
                Arguments.of(
                        "thoracic extension mobility without a roller",
                        "chair-thoracic-extension",
                        Category.MOBILITY,
                        BodyArea.THORACIC_SPINE),
                Arguments.of(
                        "thoracic rotation mobility", "open-book-rotation", Category.MOBILITY, BodyArea.THORACIC_SPINE),
                Arguments.of(
                        "thoracic rotation mobility, seated",
                        "seated-thoracic-rotation",
                        Category.MOBILITY,
                        BodyArea.THORACIC_SPINE),
                Arguments.of(
                        "scapular retraction",
                        "scapular-retraction-seated",
                        Category.POSTURE_CORRECTION,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "scapular depression",
                        "scapular-depression-seated",
                        Category.POSTURE_CORRECTION,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "middle trapezius and rhomboid strength",
                        "prone-t-raise",
                        Category.STRENGTH,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "rhomboid and middle back strength", "band-row", Category.STRENGTH, BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "lower trapezius strength, arms in a W",
                        "prone-w-raise",
                        Category.STRENGTH,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "lower trapezius strength, arms in a Y",
                        "prone-y-raise",
                        Category.STRENGTH,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of("serratus anterior", "wall-push-up-plus", Category.STRENGTH, BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "serratus anterior, harder", "knee-push-up-plus", Category.STRENGTH, BodyArea.SHOULDER_BLADES),
                Arguments.of("deep neck flexors", "chin-tuck-seated", Category.POSTURE_CORRECTION, BodyArea.NECK),
                Arguments.of("deep neck flexor endurance", "chin-tuck-supine-hold", Category.ENDURANCE, BodyArea.NECK),
                Arguments.of("pectoral stretch", "doorway-pec-stretch", Category.MOBILITY, BodyArea.CHEST),
                Arguments.of("latissimus stretch", "kneeling-lat-stretch", Category.MOBILITY, BodyArea.LATS),
                Arguments.of(
                        "hip flexor stretch", "half-kneeling-hip-flexor-stretch", Category.MOBILITY, BodyArea.HIPS),
                Arguments.of("hip mobility", "standing-hip-circles", Category.MOBILITY, BodyArea.HIPS),
                Arguments.of(
                        "endurance between the shoulder blades",
                        "scapular-set-hold",
                        Category.ENDURANCE,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "endurance between the shoulder blades, lying",
                        "prone-cobra-hold",
                        Category.ENDURANCE,
                        BodyArea.SHOULDER_BLADES),
                Arguments.of(
                        "diaphragmatic breathing",
                        "diaphragmatic-breathing-supine",
                        Category.RELAXATION_BREATHING,
                        BodyArea.RIBS_BREATHING),
                Arguments.of(
                        "relaxation for stress tension",
                        "shoulder-shrug-release",
                        Category.RELAXATION_BREATHING,
                        BodyArea.SHOULDERS),
                Arguments.of(
                        "pre-bed mobility for sleep position",
                        "towel-roll-chest-opener",
                        Category.MOBILITY,
                        BodyArea.CHEST));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("requiredCoverage")
    void coversWhatTheIssueAsksFor(String need, String id, Category category, BodyArea area) {
        Exercise exercise = CATALOGUE.get(id);

        assertThat(exercise.category()).as(need).isEqualTo(category);
        assertThat(exercise.areas()).as(need).contains(area);
    }

    @Test
    void offersSeveralDeskMicroBreaksUnderAMinute() {
        List<Exercise> microBreaks =
                CATALOGUE.filter(ExerciseFilter.any().withCategories(Set.of(Category.MICRO_BREAK)));

        assertThat(microBreaks).hasSizeGreaterThanOrEqualTo(5);
        assertThat(microBreaks).allSatisfy(exercise -> {
            assertThat(exercise.dose().estimatedSeconds()).isLessThan(60);
            assertThat(exercise.dose().daily()).isTrue();
        });
    }

    @Test
    void offersSeveralItemsForSleepPositionIncludingABreathingOne() {
        List<Exercise> forSleep = CATALOGUE.filter(ExerciseFilter.any().withCauses(Set.of(Cause.SLEEP_POSITION)));

        assertThat(forSleep).hasSizeGreaterThanOrEqualTo(3);
        assertThat(forSleep).anyMatch(exercise -> exercise.category() == Category.RELAXATION_BREATHING);
    }

    @ParameterizedTest
    @EnumSource(Cause.class)
    void everyCauseHasMobilityOrStrengthWork(Cause cause) {
        assertThat(CATALOGUE.filter(ExerciseFilter.any().withCauses(Set.of(cause))))
                .anyMatch(exercise ->
                        exercise.category() == Category.MOBILITY || exercise.category() == Category.STRENGTH);
    }

    @ParameterizedTest
    @EnumSource(Cause.class)
    void everyCauseHasSomethingForEveryDay(Cause cause) {
        assertThat(CATALOGUE.filter(ExerciseFilter.any().withCauses(Set.of(cause))))
                .anyMatch(exercise -> exercise.dose().daily());
    }

    @ParameterizedTest
    @EnumSource(Category.class)
    void everyCategoryIsUsed(Category category) {
        assertThat(CATALOGUE.filter(ExerciseFilter.any().withCategories(Set.of(category))))
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void everyKindOfEquipmentIsUsed(Equipment equipment) {
        assertThat(CATALOGUE.all()).anyMatch(exercise -> exercise.equipment().contains(equipment));
    }

    @Test
    void everyIllustrationIsAnSvgWithATitle() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Exercise exercise : CATALOGUE.all()) {
            String path = "exercise/illustrations/" + exercise.illustration();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                Document svg = factory.newDocumentBuilder().parse(in);

                assertThat(svg.getDocumentElement().getLocalName()).as(path).isEqualTo("svg");
                assertThat(svg.getDocumentElement().getAttribute("viewBox"))
                        .as(path)
                        .isEqualTo("0 0 320 160");
                assertThat(svg.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                        .as(path)
                        .contains(exercise.name());
                assertThat(svg.getElementsByTagNameNS("*", "script").getLength())
                        .as(path)
                        .isZero();
            }
            String inline = CATALOGUE.illustrationSvg(exercise.id());
            assertThat(factory.newDocumentBuilder()
                            .parse(new ByteArrayInputStream(inline.getBytes(StandardCharsets.UTF_8)))
                            .getDocumentElement()
                            .getLocalName())
                    .isEqualTo("svg");
        }
    }

    @Test
    void everyIllustrationFileBelongsToAnExercise() {
        List<String> files = new ResourceDirectory(getClass().getClassLoader(), "exercise/illustrations").fileNames();

        assertThat(files)
                .containsExactlyInAnyOrderElementsOf(
                        CATALOGUE.all().stream().map(Exercise::illustration).toList());
    }

    @Test
    void everyStepPointsToARealExerciseOrADoseThatMovesTheRightWay() {
        for (Exercise exercise : CATALOGUE.all()) {
            assertThat(exercise.progressions()).hasSize(2);
            assertThat(exercise.regressions()).hasSize(2);
            for (Step step : exercise.progressions()) {
                if (step instanceof Step.UseExercise use) {
                    assertThat(CATALOGUE.find(use.exerciseId()))
                            .as(exercise.id() + " -> " + use.exerciseId())
                            .isPresent();
                } else if (step instanceof Step.ChangeDose change) {
                    assertThat(change.dose().weeklyWorkSeconds())
                            .as(exercise.id())
                            .isGreaterThan(exercise.dose().weeklyWorkSeconds());
                }
            }
            for (Step step : exercise.regressions()) {
                if (step instanceof Step.UseExercise use) {
                    assertThat(CATALOGUE.find(use.exerciseId()))
                            .as(exercise.id() + " -> " + use.exerciseId())
                            .isPresent();
                } else if (step instanceof Step.ChangeDose change) {
                    assertThat(change.dose().weeklyWorkSeconds())
                            .as(exercise.id())
                            .isLessThan(exercise.dose().weeklyWorkSeconds());
                }
            }
        }
    }

    @Test
    void noExerciseIsAnOrphan() {
        // Reachable from the plan: every exercise serves at least one cause.
        assertThat(CATALOGUE.all())
                .allSatisfy(exercise -> assertThat(exercise.causes()).isNotEmpty());
    }

    @Test
    void dosesStayWithinSensibleRanges() {
        for (Exercise exercise : CATALOGUE.all()) {
            Dose dose = exercise.dose();
            switch (exercise.category()) {
                // Resistance work: 2 to 5 sessions a week, 8 to 15 repetitions (ACSM 2009; Andersen 2011 for 5 a week).
                case STRENGTH -> {
                    assertThat(dose.per()).as(exercise.id()).isEqualTo(Period.WEEK);
                    assertThat(dose.times()).as(exercise.id()).isBetween(2, 5);
                    assertThat(dose.reps()).as(exercise.id()).isBetween(5, 15);
                }
                // Static stretches: 15 to 60 s per hold (Garber 2011 gives 10-30 s, 30-60 s for older adults).
                case MOBILITY -> {
                    if (dose.holdSeconds() >= 15) {
                        assertThat(dose.holdSeconds() * dose.reps())
                                .as(exercise.id())
                                .isBetween(30, 120);
                    }
                }
                case MICRO_BREAK ->
                    assertThat(dose.estimatedSeconds()).as(exercise.id()).isLessThanOrEqualTo(60);
                default -> assertThat(dose.estimatedSeconds()).as(exercise.id()).isLessThanOrEqualTo(300);
            }
        }
    }

    @Test
    void everyExerciseNamesItsSources() {
        for (Exercise exercise : CATALOGUE.all()) {
            assertThat(CATALOGUE.sourcesOf(exercise))
                    .as(exercise.id())
                    .isNotEmpty()
                    .doesNotContainNull();
        }
    }

    @Test
    void writesAsJsonWithTheSameCodesAsTheDataFiles() throws Exception {
        String json = new ObjectMapper().writeValueAsString(CATALOGUE.get("chin-tuck-seated"));

        assertThat(json)
                .contains(
                        "\"causes\":[\"postural_strain\",\"muscle_overuse\"]",
                        "\"category\":\"posture_correction\"",
                        "\"hold_seconds\":5",
                        "\"per\":\"day\"",
                        "\"stop_if\":[",
                        "\"kind\":\"dose\"",
                        "\"kind\":\"exercise\",\"exercise_id\":\"chin-tuck-supine-hold\"");
    }

    @Test
    void findsByIdAndRefusesUnknownIds() {
        assertThat(CATALOGUE.find("chin-tuck-seated")).map(Exercise::name).hasValue("Seated chin tuck");
        assertThat(CATALOGUE.find("no-such-exercise")).isEmpty();
        assertThatThrownBy(() -> CATALOGUE.get("no-such-exercise"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no-such-exercise");
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> CATALOGUE.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        Exercise any = CATALOGUE.all().get(0);
        assertThatThrownBy(() -> any.cues().add("more")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> any.causes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void filteringByCauseAreaCategoryAndEquipmentCombines() {
        ExerciseFilter filter = ExerciseFilter.any()
                .withCauses(Set.of(Cause.POSTURAL_STRAIN))
                .withAreas(Set.of(BodyArea.SHOULDER_BLADES))
                .withCategories(Set.of(Category.STRENGTH))
                .withAvailable(Set.of(Equipment.BAND));

        List<Exercise> found = CATALOGUE.filter(filter);

        assertThat(found)
                .extracting(Exercise::id)
                .contains("band-row", "band-pull-apart", "prone-t-raise")
                .doesNotContain("wall-push-up-plus", "one-arm-row-supported", "chin-tuck-seated");
        assertThat(found).allSatisfy(exercise -> {
            assertThat(exercise.causes()).contains(Cause.POSTURAL_STRAIN);
            assertThat(exercise.areas()).contains(BodyArea.SHOULDER_BLADES);
            assertThat(exercise.category()).isEqualTo(Category.STRENGTH);
            assertThat(EnumSet.of(Equipment.NONE, Equipment.BAND)).containsAll(exercise.equipment());
        });
    }

    @Test
    void anEmptyFilterLetsEverythingThroughAndNoEquipmentMeansBodyweightOnly() {
        assertThat(CATALOGUE.filter(ExerciseFilter.any())).isEqualTo(CATALOGUE.all());
        assertThat(CATALOGUE.filter(ExerciseFilter.any().withAvailable(Set.of(Equipment.NONE))))
                .isNotEmpty()
                .allSatisfy(exercise -> assertThat(exercise.equipment()).containsExactly(Equipment.NONE));
    }

    @Test
    void filteringBySeveralCausesMatchesAnyOfThem() {
        List<Exercise> found =
                CATALOGUE.filter(ExerciseFilter.any().withCauses(Set.of(Cause.STRESS_TENSION, Cause.SLEEP_POSITION)));

        assertThat(found)
                .allSatisfy(exercise ->
                        assertThat(exercise.causes()).containsAnyOf(Cause.STRESS_TENSION, Cause.SLEEP_POSITION));
        assertThat(found).extracting(Exercise::id).contains("micro-breath-reset", "open-book-rotation");
    }
}
