package backstop.exercise;

import backstop.model.Cause;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One exercise of the catalogue, exactly as its data file describes it. Everything a person reads here (purpose,
 * cues, mistakes, stop signs) was written for Backstop.
 */
public record Exercise(
        String id,
        String name,
        String purpose,
        Set<Cause> causes,
        Set<BodyArea> areas,
        Category category,
        Set<Equipment> equipment,
        Dose dose,
        List<Step> progressions,
        List<Step> regressions,
        List<String> cues,
        List<String> mistakes,
        @JsonProperty("stop_if") List<String> stopIf,
        String illustration,
        List<String> sources) {

    static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    /** The issue asks for two steps each way, so a person always has somewhere to go. */
    static final int STEPS_EACH_WAY = 2;
    /** A micro-break has to fit between two stretches of work without anyone noticing. */
    static final int MICRO_BREAK_MAX_SECONDS = 60;

    public Exercise {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(dose, "dose");
        Objects.requireNonNull(illustration, "illustration");
        causes = frozen(causes, Cause.class);
        areas = frozen(areas, BodyArea.class);
        equipment = frozen(equipment, Equipment.class);
        progressions = List.copyOf(progressions);
        regressions = List.copyOf(regressions);
        cues = List.copyOf(cues);
        mistakes = List.copyOf(mistakes);
        stopIf = List.copyOf(stopIf);
        sources = List.copyOf(sources);

        var checks = new FieldChecks()
                .require(id.matches(ID_PATTERN), "id", "must be kebab-case, was '" + id + "'")
                .text(name, "name", 60)
                .text(purpose, "purpose", 220)
                .require(isOneSentence(purpose), "purpose", "must be one sentence ending in a full stop")
                .require(!causes.isEmpty(), "causes", "must name at least one cause, or nothing would ever reach it")
                .require(!areas.isEmpty(), "areas", "must name at least one body area")
                .require(!equipment.isEmpty(), "equipment", "must list the equipment, or [\"none\"]")
                .require(
                        !equipment.contains(Equipment.NONE) || equipment.size() == 1,
                        "equipment",
                        "\"none\" cannot be combined with other equipment")
                .require(
                        progressions.size() == STEPS_EACH_WAY,
                        "progressions",
                        "must have exactly " + STEPS_EACH_WAY + " steps")
                .require(
                        regressions.size() == STEPS_EACH_WAY,
                        "regressions",
                        "must have exactly " + STEPS_EACH_WAY + " steps")
                .texts(cues, "cues", 2, 200)
                .texts(mistakes, "mistakes", 1, 200)
                .texts(stopIf, "stop_if", 1, 200)
                .require(
                        illustration.equals(id + ".svg"),
                        "illustration",
                        "must be '" + id + ".svg', was '" + illustration + "'")
                .require(!sources.isEmpty(), "sources", "must name at least one source key")
                .require(
                        category != Category.MICRO_BREAK || dose.estimatedSeconds() <= MICRO_BREAK_MAX_SECONDS,
                        "dose.estimated_seconds",
                        "a micro-break must take at most " + MICRO_BREAK_MAX_SECONDS + " s");
        checkSteps(checks, id, "progressions", progressions, category, dose);
        checkSteps(checks, id, "regressions", regressions, category, dose);
        checks.throwIfAny();
    }

    // Static on purpose: a compact constructor has not assigned the fields yet, so everything comes in as arguments.
    private static void checkSteps(
            FieldChecks checks, String id, String field, List<Step> steps, Category category, Dose dose) {
        for (int i = 0; i < steps.size(); i++) {
            String at = field + "[" + i + "]";
            if (steps.get(i) instanceof Step.UseExercise use) {
                checks.require(!use.exerciseId().equals(id), at, "must not point to the exercise itself");
            } else if (steps.get(i) instanceof Step.ChangeDose change) {
                boolean harder = change.dose().weeklyWorkSeconds() > dose.weeklyWorkSeconds();
                boolean easier = change.dose().weeklyWorkSeconds() < dose.weeklyWorkSeconds();
                checks.require(
                        field.equals("progressions") ? harder : easier,
                        at + ".dose",
                        field.equals("progressions")
                                ? "a progression must add work over a week"
                                : "a regression must take work away");
                // A progressed micro-break is still a micro-break: it has to stay short.
                checks.require(
                        category != Category.MICRO_BREAK || change.dose().estimatedSeconds() <= MICRO_BREAK_MAX_SECONDS,
                        at + ".dose.estimated_seconds",
                        "a micro-break must take at most " + MICRO_BREAK_MAX_SECONDS + " s");
            }
        }
    }

    private static boolean isOneSentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".")
                && !trimmed.substring(0, trimmed.length() - 1).matches(".*[.!?]\\s.*");
    }

    private static <E extends Enum<E>> Set<E> frozen(Set<E> values, Class<E> type) {
        return Collections.unmodifiableSet(values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values));
    }
}
