package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intake.Effect;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Invariants that hold for every possible intake, not only the ones we thought of. */
class AssessorPropertiesTest {
    private static final Assessor ASSESSOR = new Assessor(AssessmentRules.load());
    private static final IntakeReader READER = IntakeReader.load();
    private static final List<String> RED_FLAG_QUESTIONS = IntakeSchema.load().fields().stream()
            .filter(field -> field.path().startsWith("red_flags.") && field.type() == IntakeSchema.Field.Type.BOOLEAN)
            .map(IntakeSchema.Field::path)
            .toList();

    @Property
    void noAnswerSetGivesAScoreOutside0To100(@ForAll("intakes") Intake intake) {
        assertThat(ASSESSOR.assess(intake).causes())
                .allSatisfy(cause -> assertThat(cause.score()).isBetween(0, 100));
    }

    @Property
    void addingARedFlagNeverLowersUrgency(
            @ForAll("intakes") Intake intake, @ForAll("redFlagQuestions") String question) {
        Urgency before = ASSESSOR.assess(intake).urgency();
        ObjectNode document = AssessmentJson.MAPPER.valueToTree(intake);
        TestIntakes.with(document, question, "true");

        Urgency after = ASSESSOR.assess(READER.read(document.toString())).urgency();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property
    void causesAreSortedAndActiveMeansAtOrAboveTheThreshold(@ForAll("intakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);

        assertThat(result.causes())
                .isSortedAccordingTo(Comparator.comparingInt(AssessmentResult.CauseScore::score)
                        .reversed());
        result.causes()
                .forEach(cause -> assertThat(result.activeCauses().contains(cause.cause()))
                        .isEqualTo(cause.score() >= result.activeThreshold()));
    }

    @Property
    void anEmergencyShowsOnlyTheEmergency(@ForAll("intakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);
        if (result.isEmergency()) {
            assertThat(result.causes()).isEmpty();
            assertThat(result.findings()).isEmpty();
        } else {
            assertThat(result.causes()).hasSize(Cause.values().length);
        }
    }

    @Property
    void theSameIntakeAlwaysGivesTheSameResult(@ForAll("intakes") Intake intake) {
        assertThat(ASSESSOR.assess(intake)).isEqualTo(ASSESSOR.assess(intake));
    }

    @Property
    void everyValidIntakePassesTheSchemaAndReadsBackTheSame(@ForAll("intakes") Intake intake) {
        assertThat(READER.read(AssessmentJson.write(intake))).isEqualTo(intake);
    }

    @Property
    void aStoredResultReadsBackTheSame(@ForAll("intakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);

        assertThat(AssessmentResult.fromJson(result.toJson())).isEqualTo(result);
    }

    @Provide
    Arbitrary<String> redFlagQuestions() {
        return Arbitraries.of(RED_FLAG_QUESTIONS);
    }

    @Provide
    Arbitrary<Intake> intakes() {
        Arbitrary<Integer> ages = Arbitraries.integers().between(12, 120);
        return ages.flatMap(age -> Combinators.combine(
                        redFlags(age),
                        pain(),
                        Arbitraries.of(Intake.Location.class).set().ofMinSize(1).map(ArrayList::new),
                        Arbitraries.of(Intake.Quality.class).set().ofMinSize(1).map(ArrayList::new),
                        factors(),
                        desk(),
                        workstation(),
                        rest())
                .as((redFlags, pain, locations, qualities, factors, desk, workstation, rest) -> new Intake(
                        redFlags,
                        pain,
                        locations,
                        qualities,
                        factors,
                        desk,
                        workstation,
                        rest.load(),
                        rest.stress(),
                        rest.sleep(),
                        rest.knots(),
                        age)));
    }

    private record Rest(Intake.Load load, Intake.Stress stress, Intake.Sleep sleep, Intake.Knots knots) {}

    private static Arbitrary<Intake.RedFlagAnswers> redFlags(int age) {
        // Most generated people have no or few flags, so the scoring is exercised as well as the screening.
        Arbitrary<List<Boolean>> answers = Arbitraries.frequency(List.of(Tuple.of(4, false), Tuple.of(1, true)))
                .list()
                .ofSize(19);
        return Combinators.combine(answers, Arbitraries.integers().between(0, age))
                .as((flags, onset) -> new Intake.RedFlagAnswers(
                        flags.get(0),
                        flags.get(1),
                        flags.get(2),
                        flags.get(3),
                        flags.get(4),
                        flags.get(5),
                        flags.get(6),
                        flags.get(7),
                        flags.get(8),
                        flags.get(9),
                        flags.get(10),
                        flags.get(11),
                        flags.get(12),
                        flags.get(13),
                        flags.get(14),
                        flags.get(15),
                        flags.get(16),
                        flags.get(17),
                        flags.get(18),
                        onset));
    }

    private static Arbitrary<Intake.Pain> pain() {
        return Arbitraries.integers()
                .between(0, 10)
                .flatMap(now -> Combinators.combine(
                                Arbitraries.integers().between(now, 10),
                                Arbitraries.of(Intake.EpisodeLength.class),
                                Arbitraries.integers().between(1, 52))
                        .as((worst, length, episodes) -> new Intake.Pain(now, worst, length, episodes)));
    }

    private static Arbitrary<Intake.Factors> factors() {
        return Arbitraries.of(Effect.class)
                .list()
                .ofSize(9)
                .map(e -> new Intake.Factors(
                        e.get(0), e.get(1), e.get(2), e.get(3), e.get(4), e.get(5), e.get(6), e.get(7), e.get(8)));
    }

    private static Arbitrary<Intake.Desk> desk() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 24),
                        Arbitraries.integers().between(0, 24),
                        Arbitraries.integers().between(0, 1440),
                        Arbitraries.integers().between(0, 100))
                .as(Intake.Desk::new);
    }

    private static Arbitrary<Intake.Workstation> workstation() {
        return Combinators.combine(
                        Arbitraries.of(Intake.Setup.class),
                        Arbitraries.of(Intake.ScreenHeight.class),
                        Arbitraries.of(Intake.Chair.class))
                .as(Intake.Workstation::new);
    }

    private static Arbitrary<Rest> rest() {
        Arbitrary<Intake.Load> load = Combinators.combine(
                        Arbitraries.of(Intake.Frequency.class),
                        Arbitraries.of(Intake.Frequency.class),
                        Arbitraries.of(Intake.Sport.class).set().map(ArrayList::new))
                .as(Intake.Load::new);
        Arbitrary<Intake.Stress> stress = Combinators.combine(
                        Arbitraries.integers().between(0, 10), Arbitraries.of(true, false))
                .as(Intake.Stress::new);
        Arbitrary<Intake.Sleep> sleep = Combinators.combine(
                        Arbitraries.of(Intake.SleepPosition.class),
                        Arbitraries.of(Intake.Pillow.class),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 720))
                .as(Intake.Sleep::new);
        Arbitrary<Intake.Knots> knots = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Intake.Knots::new);
        return Combinators.combine(load, stress, sleep, knots).as(Rest::new);
    }
}
