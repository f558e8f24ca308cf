package backstop.exercise;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Json;
import backstop.resource.ResourceDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and cross-checks the whole catalogue under one resource root:
 * {@code sources.json}, {@code exercises/<id>.json} and {@code illustrations/<id>.svg}. Every problem in every file
 * is collected before refusing, so one start-up shows the full list.
 */
final class CatalogueLoader {
    private static final Set<String> SOURCE_FIELDS = Set.of("key", "citation", "project_judgement");

    private final ObjectMapper json = Json.mapper();
    private final ClassLoader classLoader;
    private final String root;
    private final List<FieldError> errors = new ArrayList<>();
    // Exercises whose file exists but was refused: they are reported once, not again by everything pointing at them.
    private final Set<String> refusedIds = new TreeSet<>();
    private final Set<String> refusedIllustrations = new TreeSet<>();
    private final Map<String, JsonNode> refusedExercises = new LinkedHashMap<>();

    CatalogueLoader(ClassLoader classLoader, String root) {
        this.classLoader = classLoader;
        this.root = root.endsWith("/") ? root : root + "/";
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
        JsonNode list = folder.read("sources.json")
                .map(bytes -> parse(bytes, "sources.json"))
                .orElse(null);
        if (list == null || !list.isArray()) {
            errors.add(new FieldError("sources.json", list == null ? "is missing or unreadable" : "must be a list"));
            return sources;
        }
        for (int i = 0; i < list.size(); i++) {
            var fields = new JsonFields(list.get(i), "sources.json[" + i + "]", errors, SOURCE_FIELDS);
            String key = fields.text("key");
            String citation = fields.text("citation");
            boolean judgement = fields.bool("project_judgement", false);
            try {
                if (sources.put(key, new Source(key, citation, judgement)) != null) {
                    fields.fail("key", "'" + key + "' is listed twice");
                }
            } catch (BadInputException invalid) {
                invalid.errors().forEach(error -> fields.fail(error.field(), error.message()));
            }
        }
        return sources;
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
            JsonNode node = folder.read(file)
                    .map(bytes -> parse(bytes, folder.folder() + file))
                    .orElse(null);
            if (node == null) {
                refusedIds.add(stem);
                continue;
            }
            try {
                Exercise exercise = ExerciseReader.read(node, stem);
                if (!exercise.id().equals(stem)) {
                    errors.add(ExerciseReader.named(
                            exercise.id(), new FieldError("id", "must match its file name '" + file + "'")));
                } else if (exercises.putIfAbsent(exercise.id(), exercise) != null) {
                    errors.add(ExerciseReader.named(exercise.id(), new FieldError("id", "is used twice")));
                }
            } catch (BadInputException invalid) {
                errors.addAll(invalid.errors());
                refusedIds.add(stem);
                refusedExercises.put(stem, node);
                refusedIllustrations.add(
                        node.path("illustration").isTextual()
                                ? node.path("illustration").asText()
                                : stem + ".svg");
            }
        }
        return exercises;
    }

    // A refused exercise may still point nowhere; say so too, so one run shows every problem.
    private void checkReferencesOfRefused(Map<String, Exercise> exercises) {
        refusedExercises.forEach((stem, node) -> {
            for (String field : List.of("progressions", "regressions")) {
                JsonNode steps = node.path(field);
                for (int i = 0; i < steps.size(); i++) {
                    JsonNode target = steps.get(i).path("exercise");
                    if (target.isTextual() && !exists(target.asText(), exercises)) {
                        errors.add(ExerciseReader.named(
                                stem,
                                new FieldError(
                                        field + "[" + i + "]",
                                        "points to '" + target.asText() + "', which is not in the catalogue")));
                    }
                }
            }
        });
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
                    errors.add(ExerciseReader.named(
                            exercise.id(),
                            new FieldError("sources[" + i + "]", "'" + key + "' is not in sources.json")));
                }
            }
        }
    }

    private void checkSteps(Exercise exercise, String field, List<Step> steps, Map<String, Exercise> exercises) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Step.UseExercise use && !exists(use.exerciseId(), exercises)) {
                errors.add(ExerciseReader.named(
                        exercise.id(),
                        new FieldError(
                                field + "[" + i + "]",
                                "points to '" + use.exerciseId() + "', which is not in the catalogue")));
            }
        }
    }

    private Map<String, String> readIllustrations(Map<String, Exercise> exercises) {
        var folder = new ResourceDirectory(classLoader, root + "illustrations");
        Map<String, String> illustrations = new LinkedHashMap<>();
        Set<String> wanted = new TreeSet<>();
        SvgCheck check = new SvgCheck();
        for (Exercise exercise : exercises.values()) {
            wanted.add(exercise.illustration());
            var svg = folder.read(exercise.illustration());
            if (svg.isEmpty()) {
                errors.add(ExerciseReader.named(
                        exercise.id(),
                        new FieldError(
                                "illustration", "'" + folder.folder() + exercise.illustration() + "' does not exist")));
                continue;
            }
            List<String> problems = check.problems(svg.get());
            problems.forEach(problem -> errors.add(ExerciseReader.named(
                    exercise.id(), new FieldError("illustration", exercise.illustration() + " " + problem))));
            if (problems.isEmpty()) {
                illustrations.put(exercise.id(), new String(svg.get(), StandardCharsets.UTF_8));
            }
        }
        for (String file : folder.fileNames()) {
            if (!wanted.contains(file) && !refusedIllustrations.contains(file)) {
                errors.add(new FieldError(folder.folder() + file, "belongs to no exercise"));
            }
        }
        return illustrations;
    }

    private JsonNode parse(byte[] bytes, String where) {
        try {
            return json.readTree(bytes);
        } catch (JsonProcessingException malformed) {
            errors.add(new FieldError(where, "is not valid JSON: " + malformed.getOriginalMessage()));
            return null;
        } catch (IOException unreadable) {
            errors.add(new FieldError(where, "cannot be read: " + unreadable.getMessage()));
            return null;
        }
    }
}
