package backstop.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.Intake.Effect;
import backstop.json.Json;
import backstop.model.Cause;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Invariants that hold for every possible intake, of either version, not only the ones we thought of: a red-flag sign
 * is never answered with self-care, adding one never lowers the urgency, and adding what provokes a cause never lowers
 * that cause's score.
 */
class AssessorPropertiesTest {
    private static final AssessmentRules RULES = AssessmentRules.load();
    private static final Assessor ASSESSOR = new Assessor(RULES);
    private static final IntakeReader READER = IntakeReader.load();
    private static final List<String> RED_FLAG_QUESTIONS = IntakeSchema.load().fields().stream()
            .filter(field -> field.path().startsWith("red_flags.") && field.type() == IntakeSchema.Field.Type.BOOLEAN)
            .filter(field -> !field.path().equals("red_flags.self_care_tried"))
            .map(IntakeSchema.Field::path)
            .toList();

    /** A red-flag sign (a rule's trigger from RedFlagTest) applied to an intake of the version it belongs to. */
    record Sign(String rule, Urgency urgency, boolean olderIntake) {
        @Override
        public String toString() {
            return rule;
        }
    }

    private static AssessmentResult assess(ObjectNode document) {
        return ASSESSOR.assess(READER.read(document.toString()));
    }

    /**
     * Sets the answers of the sign. A sign that names an age only ever raises it, and a first onset later than the
     * age moves the age up, since both cannot be.
     */
    private static ObjectNode withSign(Intake intake, Sign sign) {
        ObjectNode document = Json.mapper().valueToTree(intake);
        RedFlagTest.TRIGGERS
                .get(sign.rule())
                .answers()
                .forEach((path, value) -> TestIntakes.with(document, path, value));
        int onset = document.at("/red_flags/onset_age").asInt();
        if (onset > document.get("age").asInt()) {
            document.put("age", onset);
        }
        return document;
    }

    @Property(tries = 400)
    void noAnswersContainingARedFlagSignAreAnsweredWithSelfCare(
            @ForAll("currentIntakes") Intake current,
            @ForAll("olderIntakes") Intake older,
            @ForAll("signs") Sign sign) {
        AssessmentResult result = assess(withSign(sign.olderIntake() ? older : current, sign));

        assertThat(result.urgency()).isNotEqualTo(Urgency.SELF_CARE);
        assertThat(result.urgency()).isGreaterThanOrEqualTo(sign.urgency());
        if (!result.isEmergency()) {
            // A "soon" rule that another sign makes more urgent gives way to that rule (a first onset after 50
            // with another flag, fragile bones with a fall), so one sign never shows two different actions.
            assertThat(result.redFlags())
                    .anySatisfy(flag -> assertThat(flag.id().equals(sign.rule())
                                    || flag.urgency().compareTo(sign.urgency()) > 0)
                            .isTrue());
        }
    }

    /**
     * Adding a sign: a warning-sign question answered yes, a heart or clot risk ticked, pain on a deep breath, or
     * self-care that went worse. (A rule's whole trigger may also change answers, such as the age the pain began,
     * which is not adding a sign; those are covered by the property above.)
     */
    @Property(tries = 600)
    void addingARedFlagSignNeverLowersUrgency(
            @ForAll("anyIntakes") Intake intake, @ForAll("additions") String addition) {
        ObjectNode document = Json.mapper().valueToTree(intake);
        String[] pathAndValue = addition.split("=", 2);
        String path = pathAndValue[0];
        var current = document.at("/" + path.replace('.', '/'));
        if (current.isMissingNode()) {
            return; // a version 1 intake never asked this question, or self-care was not tried
        }
        Urgency before = ASSESSOR.assess(intake).urgency();
        if (current.isArray()) {
            var item = TestIntakes.parse(pathAndValue[1]);
            if (!current.toString().contains(item.toString())) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) current).add(item);
            }
        } else {
            TestIntakes.with(document, path, pathAndValue[1]);
        }

        assertThat(assess(document).urgency()).isGreaterThanOrEqualTo(before);
    }

    @Provide
    Arbitrary<String> additions() {
        List<String> all = new ArrayList<>();
        RED_FLAG_QUESTIONS.forEach(question -> all.add(question + "=true"));
        Arrays.stream(Intake.HeartRisk.values())
                .forEach(
                        risk -> all.add("red_flags.heart_risks=" + Json.mapper().valueToTree(risk)));
        Arrays.stream(Intake.ClotRisk.values())
                .forEach(risk -> all.add("red_flags.clot_risks=" + Json.mapper().valueToTree(risk)));
        all.add("factors.deep_breaths=\"worse\"");
        all.add("red_flags.self_care_change=\"worse\"");
        return Arbitraries.of(all);
    }

    @Property
    void answeringAnyRedFlagQuestionYesNeverLowersUrgency(
            @ForAll("currentIntakes") Intake intake, @ForAll("redFlagQuestions") String question) {
        Urgency before = ASSESSOR.assess(intake).urgency();
        ObjectNode document = Json.mapper().valueToTree(intake);
        TestIntakes.with(document, question, "true");

        assertThat(assess(document).urgency()).isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 500)
    void addingAProvokingFactorNeverLowersThatCausesScore(
            @ForAll("anyIntakes") Intake intake, @ForAll("provocations") Map.Entry<Cause, String> provocation) {
        ObjectNode document = Json.mapper().valueToTree(intake);
        if (document.at("/" + provocation.getValue().replace('.', '/')).isMissingNode()) {
            return; // a version 1 intake never asked this question
        }
        int before = score(ASSESSOR.assess(intake), provocation.getKey());
        TestIntakes.with(document, provocation.getValue(), "\"worse\"");

        assertThat(score(assess(document), provocation.getKey())).isGreaterThanOrEqualTo(before);
    }

    @Property
    void aHeavierLoadAnywhereNeverLowersMuscleOveruse(
            @ForAll("currentIntakes") Intake intake, @ForAll Intake.LiftingPlace place) {
        int before = score(ASSESSOR.assess(intake), Cause.MUSCLE_OVERUSE);
        ObjectNode document = Json.mapper().valueToTree(intake);
        TestIntakes.with(document, "load.heaviest_load", "\"heavy\"");
        var places = document.at("/load/lifting_where");
        if (!places.toString().contains("\"" + Json.mapper().valueToTree(place).asText() + "\"")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) places)
                    .add(Json.mapper().valueToTree(place));
        }

        assertThat(score(assess(document), Cause.MUSCLE_OVERUSE)).isGreaterThanOrEqualTo(before);
    }

    @Property
    void noAnswerSetGivesAScoreOutside0To100OrReachesTheTop(@ForAll("anyIntakes") Intake intake) {
        assertThat(ASSESSOR.assess(intake).causes())
                .allSatisfy(cause -> assertThat(cause.score()).isBetween(0, 99));
    }

    @Property
    void causesAreSortedAndActiveMeansAtOrAboveTheThreshold(@ForAll("anyIntakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);

        assertThat(result.causes())
                .isSortedAccordingTo(Comparator.comparingInt(AssessmentResult.CauseScore::score)
                        .reversed());
        result.causes()
                .forEach(cause -> assertThat(result.activeCauses().contains(cause.cause()))
                        .isEqualTo(cause.score() >= result.activeThreshold()));
    }

    @Property
    void aSharedLeadingScoreIsAlwaysReportedAsATie(@ForAll("anyIntakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);
        if (result.causes().size() > 1 && result.causes().get(0).score() > 0) {
            int top = result.causes().get(0).score();
            Set<Cause> leading = result.causes().stream()
                    .filter(cause -> cause.score() == top)
                    .map(AssessmentResult.CauseScore::cause)
                    .collect(Collectors.toSet());
            if (leading.size() > 1) {
                assertThat(result.leadingTie()).hasValueSatisfying(tie -> {
                    assertThat(Set.copyOf(tie.causes())).isEqualTo(leading);
                    assertThat(tie.tellApart()).isNotEmpty();
                });
                assertThat(result.summary()).contains("point equally to");
            } else {
                assertThat(result.leadingTie()).isEmpty();
            }
        }
    }

    @Property
    void theEvidenceOfEveryCauseAddsUpToItsScore(@ForAll("anyIntakes") Intake intake) {
        ASSESSOR.assess(intake)
                .causes()
                .forEach(cause -> assertThat(Math.max(
                                0,
                                cause.evidence().stream()
                                        .mapToInt(AssessmentResult.Evidence::points)
                                        .sum()))
                        .isEqualTo(cause.score()));
    }

    @Property
    void anEmergencyShowsOnlyTheEmergency(@ForAll("anyIntakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);
        if (result.isEmergency()) {
            assertThat(result.causes()).isEmpty();
            assertThat(result.findings()).isEmpty();
        } else {
            assertThat(result.causes()).hasSize(Cause.values().length);
        }
    }

    @Property
    void onlyAnOlderIntakeListsQuestionsItDidNotAsk(@ForAll("anyIntakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);
        assertThat(result.intakeVersion()).isEqualTo(intake.version());
        if (intake.version() == 2 || result.isEmergency()) {
            assertThat(result.notAsked()).isEmpty();
        } else {
            assertThat(result.notAsked()).hasSize(RULES.notAsked().size());
        }
    }

    @Property
    void theSameIntakeAlwaysGivesTheSameResult(@ForAll("anyIntakes") Intake intake) {
        assertThat(ASSESSOR.assess(intake)).isEqualTo(ASSESSOR.assess(intake));
    }

    @Property
    void everyValidIntakePassesTheSchemaAndReadsBackTheSame(@ForAll("anyIntakes") Intake intake) {
        assertThat(READER.read(Json.pretty(intake))).isEqualTo(intake);
    }

    @Property
    void aStoredResultReadsBackTheSame(@ForAll("anyIntakes") Intake intake) {
        AssessmentResult result = ASSESSOR.assess(intake);

        assertThat(AssessmentResult.fromJson(result.toJson())).isEqualTo(result);
    }

    private static int score(AssessmentResult result, Cause cause) {
        return result.causes().stream()
                .filter(score -> score.cause() == cause)
                .mapToInt(AssessmentResult.CauseScore::score)
                .findFirst()
                .orElse(0);
    }

    @Provide
    Arbitrary<String> redFlagQuestions() {
        return Arbitraries.of(RED_FLAG_QUESTIONS);
    }

    @Provide
    Arbitrary<Sign> signs() {
        return Arbitraries.of(RULES.redFlags().stream()
                .map(rule -> new Sign(
                        rule.id(),
                        rule.urgency(),
                        RedFlagTest.TRIGGERS.get(rule.id()).olderIntake()))
                .toList());
    }

    /** Every factor the rules file names as provoking a cause, with that cause. */
    @Provide
    Arbitrary<Map.Entry<Cause, String>> provocations() {
        List<Map.Entry<Cause, String>> all = new ArrayList<>();
        RULES.causes()
                .forEach(definition ->
                        definition.provokedBy().forEach(field -> all.add(Map.entry(definition.cause(), field))));
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<Intake> anyIntakes() {
        return Arbitraries.oneOf(intakes(2), intakes(1));
    }

    @Provide
    Arbitrary<Intake> currentIntakes() {
        return intakes(2);
    }

    @Provide
    Arbitrary<Intake> olderIntakes() {
        return intakes(1);
    }

    private static Arbitrary<Intake> intakes(int version) {
        boolean current = version == 2;
        Arbitrary<Integer> ages = Arbitraries.integers().between(12, 120);
        return ages.flatMap(age -> Combinators.combine(
                        redFlags(age, current),
                        pain(current),
                        Arbitraries.of(Intake.Location.class).set().ofMinSize(1).map(ArrayList::new),
                        qualities(current),
                        factors(current),
                        desk(),
                        workstation(),
                        rest(current))
                .as((redFlags, pain, locations, qualities, factors, desk, workstation, rest) -> new Intake(
                        current ? Optional.of(2) : Optional.empty(),
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

    private record NewFlags(
            List<Boolean> yesNo,
            List<Intake.HeartRisk> heartRisks,
            List<Intake.ClotRisk> clotRisks,
            List<Intake.SelfCareKind> kinds,
            int weeks,
            Intake.SelfCareChange change) {}

    /** Rare signs, so the scoring is exercised as well as the screening. */
    private static Arbitrary<Boolean> rarely() {
        return Arbitraries.frequency(List.of(Tuple.of(6, false), Tuple.of(1, true)));
    }

    private static <T extends Enum<T>> Arbitrary<List<T>> rareSubset(Class<T> type) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(List.<T>of())),
                Tuple.of(1, Arbitraries.of(type).set().ofMinSize(1).map(ArrayList::new)));
    }

    private static Arbitrary<Intake.RedFlagAnswers> redFlags(int age, boolean current) {
        Arbitrary<List<Boolean>> answers = rarely().list().ofSize(19);
        Arbitrary<NewFlags> added = Combinators.combine(
                        rarely().list().ofSize(7),
                        rareSubset(Intake.HeartRisk.class),
                        rareSubset(Intake.ClotRisk.class),
                        Arbitraries.of(Intake.SelfCareKind.class)
                                .set()
                                .ofMinSize(1)
                                .map(ArrayList::new),
                        Arbitraries.integers().between(0, 260),
                        Arbitraries.of(Intake.SelfCareChange.class))
                .as(NewFlags::new);
        return Combinators.combine(answers, Arbitraries.integers().between(0, age), added)
                .as((flags, onset, extra) -> {
                    boolean triedSelfCare = current && extra.yesNo().get(6);
                    return new Intake.RedFlagAnswers(
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
                            onset,
                            when(current, extra.yesNo().get(0)),
                            when(current, extra.heartRisks()),
                            when(current, extra.clotRisks()),
                            when(current, extra.yesNo().get(1)),
                            when(current, extra.yesNo().get(2)),
                            when(current, extra.yesNo().get(3)),
                            when(current, extra.yesNo().get(4)),
                            when(current, extra.yesNo().get(5)),
                            when(current, triedSelfCare),
                            when(triedSelfCare, extra.kinds()),
                            when(triedSelfCare, extra.weeks()),
                            when(triedSelfCare, extra.change()));
                });
    }

    private static <T> Optional<T> when(boolean asked, T value) {
        return asked ? Optional.of(value) : Optional.empty();
    }

    private static Arbitrary<Intake.Pain> pain(boolean current) {
        Set<Intake.EpisodeLength> lengths = EnumSet.allOf(Intake.EpisodeLength.class);
        lengths.remove(current ? Intake.EpisodeLength.WEEKS_1_TO_6 : Intake.EpisodeLength.WEEKS_1_TO_5);
        return Arbitraries.integers()
                .between(0, 10)
                .flatMap(now -> Combinators.combine(
                                Arbitraries.integers().between(now, 10),
                                Arbitraries.of(lengths),
                                Arbitraries.integers().between(1, 52),
                                Arbitraries.of(Intake.Onset.class))
                        .as((worst, length, episodes, onset) ->
                                new Intake.Pain(now, worst, length, episodes, when(current, onset))));
    }

    private static Arbitrary<List<Intake.Quality>> qualities(boolean current) {
        List<Intake.Quality> offered = Arrays.stream(Intake.Quality.values())
                .filter(quality -> current || !quality.newInVersion2())
                .toList();
        return Arbitraries.of(offered).set().ofMinSize(1).map(ArrayList::new);
    }

    private static Arbitrary<Effect> effects(boolean current) {
        return current ? Arbitraries.of(Effect.class) : Arbitraries.of(Effect.WORSE, Effect.BETTER, Effect.NO_EFFECT);
    }

    private static Arbitrary<Intake.Factors> factors(boolean current) {
        return effects(current)
                .list()
                .ofSize(18)
                .map(e -> new Intake.Factors(
                        e.get(0),
                        e.get(1),
                        e.get(2),
                        e.get(3),
                        e.get(4),
                        e.get(5),
                        e.get(6),
                        e.get(7),
                        e.get(8),
                        when(current, e.get(9)),
                        when(current, e.get(10)),
                        when(current, e.get(11)),
                        when(current, e.get(12)),
                        when(current, e.get(13)),
                        when(current, e.get(14)),
                        when(current, e.get(15)),
                        when(current, e.get(16)),
                        when(current, e.get(17))));
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

    private static Arbitrary<Rest> rest(boolean current) {
        Arbitrary<Intake.Load> load = Combinators.combine(
                        Arbitraries.of(Intake.Frequency.class),
                        Arbitraries.of(Intake.Frequency.class),
                        Arbitraries.of(Intake.Sport.class).set().map(ArrayList::new),
                        Arbitraries.of(Intake.HeaviestLoad.class),
                        Arbitraries.of(Intake.LiftingPlace.class).set().map(ArrayList::new))
                .as((lifting, arms, sport, heaviest, places) ->
                        new Intake.Load(lifting, arms, sport, when(current, heaviest), when(current, places)));
        Arbitrary<Intake.Stress> stress = Combinators.combine(
                        Arbitraries.integers().between(0, 10), Arbitraries.of(true, false))
                .as(Intake.Stress::new);
        Arbitrary<Intake.Sleep> sleep = Combinators.combine(
                        Arbitraries.of(Intake.SleepPosition.class),
                        Arbitraries.of(Intake.Pillow.class),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 720),
                        Arbitraries.of(Intake.NightWaking.class))
                .as((position, pillow, stiff, minutes, waking) ->
                        new Intake.Sleep(position, pillow, stiff, minutes, when(current, waking)));
        Arbitrary<Intake.Knots> knots = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(Intake.Knots::new);
        return Combinators.combine(load, stress, sleep, knots).as(Rest::new);
    }
}
