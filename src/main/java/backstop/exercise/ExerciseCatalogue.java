package backstop.exercise;

import backstop.error.NotFoundException;
import backstop.resource.PassedChecks;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercise library: every exercise, its illustration and the sources behind its dose. Immutable and checked
 * as a whole when loaded, so the plan and the pages can rely on every id, step and picture being there.
 */
public final class ExerciseCatalogue {
    /** Where the catalogue lives on the class path: sources.json, exercises/ and illustrations/. */
    public static final String RESOURCE_ROOT = "exercise";

    private final List<Exercise> exercises;
    private final Map<String, Exercise> byId;
    private final Map<String, String> illustrations;
    private final Map<String, Source> sources;

    ExerciseCatalogue(List<Exercise> exercises, Map<String, String> illustrations, Map<String, Source> sources) {
        this.exercises =
                exercises.stream().sorted(Comparator.comparing(Exercise::id)).toList();
        Map<String, Exercise> index = new LinkedHashMap<>();
        this.exercises.forEach(exercise -> index.put(exercise.id(), exercise));
        this.byId = Map.copyOf(index);
        this.illustrations = Map.copyOf(illustrations);
        this.sources = Map.copyOf(sources);
    }

    /**
     * Loads and validates the catalogue shipped with Backstop.
     *
     * @throws backstop.error.BadInputException naming the exercise and field of every problem found
     */
    public static ExerciseCatalogue load() {
        return load(ExerciseCatalogue.class.getClassLoader(), RESOURCE_ROOT);
    }

    // Tests point this at deliberately broken catalogues.
    static ExerciseCatalogue load(ClassLoader classLoader, String root) {
        return load(classLoader, root, PassedChecks.inUserCache());
    }

    static ExerciseCatalogue load(ClassLoader classLoader, String root, PassedChecks passedChecks) {
        return new CatalogueLoader(classLoader, root, passedChecks).load();
    }

    /** Every exercise, sorted by id. */
    public List<Exercise> all() {
        return exercises;
    }

    public int size() {
        return exercises.size();
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws NotFoundException when no exercise has this id */
    public Exercise get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("exercise " + id));
    }

    /** The exercises the filter lets through, sorted by id. */
    public List<Exercise> filter(ExerciseFilter filter) {
        return exercises.stream().filter(filter::matches).toList();
    }

    /** The illustration as SVG text, safe to inline in a page (checked at load: no scripts, no external refs). */
    public String illustrationSvg(String id) {
        String svg = illustrations.get(get(id).id());
        if (svg == null) {
            throw new IllegalStateException("exercise " + id + " was loaded without its illustration");
        }
        return svg;
    }

    public Optional<Source> source(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    /** The sources behind an exercise's choice and dose, in the order its data lists them. */
    public List<Source> sourcesOf(Exercise exercise) {
        return exercise.sources().stream().map(sources::get).toList();
    }
}
