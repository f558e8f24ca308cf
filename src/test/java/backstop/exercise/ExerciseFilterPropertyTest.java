package backstop.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import backstop.model.Cause;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of filtering that must hold for any combination a person can click together. */
class ExerciseFilterPropertyTest {
    private static final ExerciseCatalogue CATALOGUE = ExerciseCatalogue.load();

    @Property
    void returnsExactlyTheExercisesThatMatch(@ForAll("filters") ExerciseFilter filter) {
        List<Exercise> found = CATALOGUE.filter(filter);

        assertThat(found).allMatch(filter::matches);
        assertThat(CATALOGUE.all().stream().filter(exercise -> !found.contains(exercise)))
                .noneMatch(filter::matches);
    }

    @Property
    void havingMoreEquipmentNeverHidesAnExercise(@ForAll("filters") ExerciseFilter filter, @ForAll Equipment extra) {
        if (filter.available().isEmpty()) {
            return; // "any equipment" already shows everything
        }
        Set<Equipment> more = EnumSet.copyOf(filter.available());
        more.add(extra);

        assertThat(CATALOGUE.filter(filter.withAvailable(more))).containsAll(CATALOGUE.filter(filter));
    }

    @Property
    void askingForMoreCausesNeverHidesAnExercise(@ForAll("filters") ExerciseFilter filter, @ForAll Cause extra) {
        if (filter.causes().isEmpty()) {
            return; // "any cause" already shows everything
        }
        Set<Cause> more = EnumSet.copyOf(filter.causes());
        more.add(extra);

        assertThat(CATALOGUE.filter(filter.withCauses(more))).containsAll(CATALOGUE.filter(filter));
    }

    @Provide
    Arbitrary<ExerciseFilter> filters() {
        return Combinators.combine(
                        Arbitraries.of(Cause.class).set(),
                        Arbitraries.of(BodyArea.class).set(),
                        Arbitraries.of(Category.class).set(),
                        Arbitraries.of(Equipment.class).set())
                .as(ExerciseFilter::new);
    }
}
