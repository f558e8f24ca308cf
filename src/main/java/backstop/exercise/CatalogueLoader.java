package backstop.exercise;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.json.JsonBinding;
import backstop.resource.PassedChecks;
import backstop.resource.ResourceDirectory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads and cross-checks the whole catalogue under one resource root:
 * {@code sources.json}, {@code exercises/<id>.json} and {@code illustrations/<id>.svg}. Each JSON file is bound to
 * its records ({@link ExerciseFile}) by {@link JsonBinding}, then the records are checked. Every problem in every
 * file is collected before refusing, so one start-up shows the full list, each with the line of its file.
 */
final class CatalogueLoader {
    private static final JavaType SOURCES =
            Json.mapper().getTypeFactory().constructCollectionType(List.class, ExerciseFile.SourceFile.class);

    private final ClassLoader classLoader;
    private final String root;
    private final PassedChecks passedChecks;
    private final List<FieldError> errors = new ArrayList<>();
    // Exercises whose file exists but was refused: they are reported once, not again by everything pointing at them.
    private final Set<String> refusedIds = new TreeSet<>();
    private final Set<String> refusedIllustrations = new TreeSet<>();
    private final Map<String, Refused> refusedExercises = new LinkedHashMap<>();
    // The lines of each loaded exercise's file, for the problems found across files.
    private final Map<String, JsonBinding.Lines> linesOf = new LinkedHashMap<>();

    /** A refused exercise: what it is called in messages, where it points, and the lines of its file. */
    private record Refused(String name, ExerciseFile.References references, JsonBinding.Lines lines) {}

    CatalogueLoader(ClassLoader classLoader, String root, PassedChecks passedChecks) {
        this.classLoader = classLoader;
        this.root = root.endsWith("/") ? root : root + "/";
        this.passedChecks = passedChecks;
    }

    ExerciseCatalogue load() {
        Map<String, Source> sources = readSources();
        Map<String, Exercise> exercises = readExercises();
        checkReferences(exercises, sources);
        checkReferencesOfRefused(exercises);
        Map<String, String> illustrations = readIllustrations(exercises);
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new ExerciseCatalogue(List.copyOf(exercises.values()), illustrations, sources);
    }

    private Map<String, Source> readSources() {
        Map<String, Source> sources = new LinkedHashMap<>();
        var folder = new ResourceDirectory(classLoader, root);
        Optional<byte[]> file = folder.read("sources.json");
        if (file.isEmpty()) {
            errors.add(new FieldError("sources.json", "is missing or unreadable"));
            return sources;
        }
        JsonBinding.Bound<List<ExerciseFile.SourceFile>> bound = JsonBinding.bind(text(file.get()), SOURCES);
        bound.problems()
                .forEach(problem -> errors.add(
                        new FieldError("sources.json" + problem.path(), atLine(problem.message(), problem.line()))));
        List<ExerciseFile.SourceFile> listed = bound.value().orElse(List.of());
        for (int i = 0; i < listed.size(); i++) {
            ExerciseFile.SourceFile entry = listed.get(i);
            String at = "[" + i + "]";
            try {
                Source source = new Source(
                        entry.key(), entry.citation(), entry.projectJudgement().orElse(false));
                if (sources.put(source.key(), source) != null) {
                    errors.add(inSources(bound.lines(), at + ".key", "'" + source.key() + "' is listed twice"));
                }
            } catch (BadInputException invalid) {
                invalid.errors()
                        .forEach(error ->
                                errors.add(inSources(bound.lines(), at + "." + error.field(), error.message())));
            }
        }
        return sources;
    }

    private static FieldError inSources(JsonBinding.Lines lines, String path, String message) {
        return new FieldError("sources.json" + path, atLine(message, lines.line(path)));
    }

    private Map<String, Exercise> readExercises() {
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        var folder = new ResourceDirectory(classLoader, root + "exercises");
        List<String> files = folder.fileNames();
        if (files.isEmpty()) {
            errors.add(new FieldError(folder.folder(), "holds no exercises"));
        }
        for (String file : files) {
            String stem = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
            if (!file.endsWith(".json")) {
                errors.add(new FieldError(folder.folder() + file, "is not an exercise file (expected <id>.json)"));
                continue;
            }
            Optional<byte[]> bytes = folder.read(file);
            if (bytes.isEmpty()) {
                errors.add(new FieldError(folder.folder() + file, "cannot be read"));
                refusedIds.add(stem);
                continue;
            }
            String text = text(bytes.get());
            JsonBinding.Bound<ExerciseFile> bound = JsonBinding.bind(text, ExerciseFile.class);
            JsonBinding.Lines lines = bound.lines();
            List<FieldError> problems = new ArrayList<>();
            bound.problems()
                    .forEach(problem ->
                            problems.add(new FieldError(problem.path(), atLine(problem.message(), problem.line()))));
            Optional<Exercise> exercise = Optional.empty();
            if (bound.value().isPresent()) {
                try {
                    exercise = Optional.of(ExerciseReader.read(bound.value().get()));
                } catch (BadInputException invalid) {
                    invalid.errors()
                            .forEach(error -> problems.add(
                                    new FieldError(error.field(), atLine(error.message(), lines.line(error.field())))));
                }
            }
            if (exercise.isPresent()) {
                String id = exercise.get().id();
                if (!id.equals(stem)) {
                    errors.add(inFile(id, lines, "id", "must match its file name '" + file + "'"));
                } else if (exercises.putIfAbsent(id, exercise.get()) != null) {
                    errors.add(inFile(id, lines, "id", "is used twice"));
                } else {
                    linesOf.put(id, lines);
                }
                continue;
            }
            ExerciseFile.References references = references(text);
            String name = references.id().orElse(stem);
            problems.forEach(problem -> errors.add(named(name, problem)));
            refusedIds.add(stem);
            refusedExercises.put(stem, new Refused(name, references, lines));
            refusedIllustrations.add(references.illustration().orElse(stem + ".svg"));
        }
        return exercises;
    }

    // A refused exercise may still point nowhere; say so too, so one run shows every problem.
    private void checkReferencesOfRefused(Map<String, Exercise> exercises) {
        refusedExercises.values().forEach(refused -> {
            var references = refused.references();
            Map<String, List<ExerciseFile.Reference>> steps = new LinkedHashMap<>();
            steps.put("progressions", references.progressions().orElse(List.of()));
            steps.put("regressions", references.regressions().orElse(List.of()));
            steps.forEach((field, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    String target = list.get(i).exercise().orElse(null);
                    if (target != null && !exists(target, exercises)) {
                        errors.add(inFile(
                                refused.name(),
                                refused.lines(),
                                field + "[" + i + "]",
                                "points to '" + target + "', which is not in the catalogue"));
                    }
                }
            });
        });
    }

    /** Where a refused file points, read without the strict rules (its problems are already reported). */
    private static ExerciseFile.References references(String text) {
        try {
            return Json.mapper()
                    .readerFor(ExerciseFile.References.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (java.io.IOException | RuntimeException unreadable) {
            return new ExerciseFile.References(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    // A step to an exercise whose file exists but was refused is not reported again: the refusal already was.
    private boolean exists(String id, Map<String, Exercise> exercises) {
        return exercises.containsKey(id) || refusedIds.contains(id);
    }

    private void checkReferences(Map<String, Exercise> exercises, Map<String, Source> sources) {
        for (Exercise exercise : exercises.values()) {
            checkSteps(exercise, "progressions", exercise.progressions(), exercises);
            checkSteps(exercise, "regressions", exercise.regressions(), exercises);
            for (int i = 0; i < exercise.sources().size(); i++) {
                String key = exercise.sources().get(i);
                if (!sources.containsKey(key)) {
                    errors.add(inFile(
                            exercise.id(),
                            linesOf.get(exercise.id()),
                            "sources[" + i + "]",
                            "'" + key + "' is not in sources.json"));
                }
            }
        }
    }

    private void checkSteps(Exercise exercise, String field, List<Step> steps, Map<String, Exercise> exercises) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.UseExercise use && !exists(use.exerciseId(), exercises)) {
                errors.add(inFile(
                        exercise.id(),
                        linesOf.get(exercise.id()),
                        field + "[" + i + "]",
                        "points to '" + use.exerciseId() + "', which is not in the catalogue"));
            }
        }
    }

    /**
     * Every exercise's illustration must exist and pass {@link SvgCheck}. Parsing them all is the costliest part of a
     * start, so when the very same files passed the same check before ({@link PassedChecks}) it is not repeated.
     */
    private Map<String, String> readIllustrations(Map<String, Exercise> exercises) {
        var folder = new ResourceDirectory(classLoader, root + "illustrations");
        Map<String, byte[]> found = new LinkedHashMap<>();
        Set<String> wanted = new TreeSet<>();
        for (Exercise exercise : exercises.values()) {
            wanted.add(exercise.illustration());
            var svg = folder.read(exercise.illustration());
            if (svg.isEmpty()) {
                errors.add(inFile(
                        exercise.id(),
                        linesOf.get(exercise.id()),
                        "illustration",
                        "'" + folder.folder() + exercise.illustration() + "' does not exist"));
                continue;
            }
            found.put(exercise.id(), svg.get());
        }
        PassedChecks.Inputs inputs = PassedChecks.of(SvgCheck.class);
        found.forEach(
                (id, svg) -> inputs.add(folder.folder() + exercises.get(id).illustration(), svg));
        boolean passedBefore = passedChecks.passedBefore(inputs);
        Function<byte[], List<String>> problemsOf = passedBefore ? svg -> List.of() : new SvgCheck()::problems;
        Map<String, String> illustrations = new LinkedHashMap<>();
        boolean allPassed = true;
        for (Map.Entry<String, byte[]> svg : found.entrySet()) {
            String id = svg.getKey();
            List<String> problems = problemsOf.apply(svg.getValue());
            problems.forEach(problem -> errors.add(
                    named(id, new FieldError("illustration", exercises.get(id).illustration() + " " + problem))));
            if (problems.isEmpty()) {
                illustrations.put(id, new String(svg.getValue(), StandardCharsets.UTF_8));
            } else {
                allPassed = false;
            }
        }
        if (allPassed && !passedBefore) {
            passedChecks.passed(inputs);
        }
        for (String file : folder.fileNames()) {
            if (!wanted.contains(file) && !refusedIllustrations.contains(file)) {
                errors.add(new FieldError(folder.folder() + file, "belongs to no exercise"));
            }
        }
        return illustrations;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String atLine(String message, int line) {
        return message + " (line " + line + ")";
    }

    private static FieldError inFile(String name, JsonBinding.Lines lines, String path, String message) {
        return named(name, new FieldError(path, atLine(message, lines.line(path))));
    }

    static FieldError named(String id, FieldError error) {
        return new FieldError(
                "exercise " + id + (error.field().isEmpty() ? "" : ", " + error.field()), error.message());
    }
}
