package backstop.plan;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.assessment.FindingKind;
import backstop.assessment.Urgency;
import backstop.exercise.Equipment;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of every generated plan, over minutes, equipment and the vignettes. */
class PlanSessionPropertyTest {

    @Provide
    Arbitrary<Vignettes.Vignette> vignettes() {
        return Arbitraries.of(Vignettes.all().stream()
                .filter(vignette -> !vignette.result().isEmergency())
                .toList());
    }

    @Provide
    Arbitrary<Set<Equipment>> equipment() {
        return Arbitraries.of(Equipment.class).set();
    }

    private static Plan build(Vignettes.Vignette vignette, int minutes, Set<Equipment> equipment) {
        PlanPreferences preferences =
                PlanPreferences.defaults().withMinutes(minutes).withEquipment(equipment);
        if (vignette.result().urgency() != Urgency.SELF_CARE) {
            preferences = preferences.withClinicianClearance();
        }
        return PlanGenerator.build(
                vignette.result(),
                vignette.life(),
                preferences,
                Vignettes.CATALOGUE,
                Vignettes.RULES,
                LocalDate.of(2026, 11, 30));
    }

    @Property(tries = 300)
    void noSessionIsLongerThanTheMinutesAvailable(
            @ForAll("vignettes") Vignettes.Vignette vignette,
            @ForAll @IntRange(min = 10, max = 20) int minutes,
            @ForAll("equipment") Set<Equipment> equipment) {
        Plan plan = build(vignette, minutes, equipment);
        assertThat(plan.sessions()).allSatisfy(session -> {
            assertThat(session.estimatedSeconds()).isLessThanOrEqualTo(minutes * 60);
            assertThat(session.minutes()).isLessThanOrEqualTo(minutes);
        });
    }

    @Property(tries = 300)
    void onlyEquipmentAtHandIsUsed(
            @ForAll("vignettes") Vignettes.Vignette vignette,
            @ForAll @IntRange(min = 10, max = 20) int minutes,
            @ForAll("equipment") Set<Equipment> equipment) {
        Plan plan = build(vignette, minutes, equipment);
        Set<Equipment> atHand = EnumSet.of(Equipment.NONE);
        atHand.addAll(equipment);
        plan.sessions().stream()
                .flatMap(session -> session.exercises().stream())
                .forEach(exercise -> assertThat(atHand)
                        .containsAll(Vignettes.CATALOGUE.get(exercise.id()).equipment()));
        plan.desk()
                .ifPresent(desk -> desk.microBreak()
                        .forEach(exercise -> assertThat(atHand)
                                .containsAll(
                                        Vignettes.CATALOGUE.get(exercise.id()).equipment())));
    }

    @Property(tries = 200)
    void everyActiveCauseIsCoveredWhateverTheTimeAndEquipment(
            @ForAll("vignettes") Vignettes.Vignette vignette,
            @ForAll @IntRange(min = 10, max = 20) int minutes,
            @ForAll("equipment") Set<Equipment> equipment) {
        assertThat(build(vignette, minutes, equipment).coverage().warnings()).isEmpty();
    }

    @Property(tries = 200)
    void withSignsOfAnIrritatedNerveNothingAddsLoad(
            @ForAll("vignettes") Vignettes.Vignette vignette,
            @ForAll @IntRange(min = 10, max = 20) int minutes,
            @ForAll("equipment") Set<Equipment> equipment) {
        Plan plan = build(vignette, minutes, equipment);
        if (!plan.findings().contains(FindingKind.NERVE_IRRITATION)) {
            return;
        }
        plan.sessions().stream()
                .flatMap(session -> session.exercises().stream())
                .forEach(exercise -> assertThat(
                                Vignettes.CATALOGUE.get(exercise.id()).equipment())
                        .doesNotContain(Equipment.BAND, Equipment.LIGHT_WEIGHTS));
    }

    @Property(tries = 100)
    void eachWeekdayHasExactlyOneSession(
            @ForAll("vignettes") Vignettes.Vignette vignette,
            @ForAll @IntRange(min = 10, max = 20) int minutes,
            @ForAll("equipment") Set<Equipment> equipment) {
        Plan plan = build(vignette, minutes, equipment);
        for (int day = 0; day < 7; day++) {
            assertThat(plan.today(LocalDate.of(2026, 11, 30).plusDays(day)).sessions())
                    .hasSize(1);
        }
    }
}
