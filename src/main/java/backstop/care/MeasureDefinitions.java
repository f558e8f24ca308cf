package backstop.care;

import backstop.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome measures a clinician can schedule, read from {@code care/measures-v1.json} and checked at start-up: a
 * broken file stops the server rather than asking people wrong questions. The instructions are Backstop's own words;
 * the minimal clinically important differences and their sources are in docs/clinical.md.
 */
public record MeasureDefinitions(int version, List<Measure> measures) {
    static final String RESOURCE = "/care/measures-v1.json";

    /** How a measure is answered. */
    public enum Kind {
        @com.fasterxml.jackson.annotation.JsonProperty("diary")
        DIARY,
        @com.fasterxml.jackson.annotation.JsonProperty("activities")
        ACTIVITIES,
        @com.fasterxml.jackson.annotation.JsonProperty("choice")
        CHOICE
    }

    /** One answer of a choice measure, and whether choosing it counts as a meaningful change. */
    public record Choice(int value, String label, boolean meaningful) {}

    /** One measure: what the person reads, how it is answered, its MCID (in tenths of a point) and its sources. */
    public record Measure(
            String id,
            String name,
            Kind kind,
            String instructions,
            int mcidTenths,
            String mcidText,
            List<Choice> choices,
            List<String> sources) {
        public Measure {
            choices = choices == null ? List.of() : List.copyOf(choices);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** True for the measures a clinician schedules (the pain rating comes from the diary). */
        public boolean schedulable() {
            return kind != Kind.DIARY;
        }

        public Optional<Choice> choice(int value) {
            return choices.stream().filter(c -> c.value() == value).findFirst();
        }
    }

    public MeasureDefinitions {
        measures = List.copyOf(measures);
    }

    public Optional<Measure> find(String id) {
        return measures.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public List<Measure> schedulable() {
        return measures.stream().filter(Measure::schedulable).toList();
    }

    /** Reads and checks the definitions; every problem is named in the message. */
    public static MeasureDefinitions load() {
        try (InputStream in = MeasureDefinitions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return check(Json.mapper().readValue(in, MeasureDefinitions.class));
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    static MeasureDefinitions check(MeasureDefinitions definitions) {
        List<String> problems = new ArrayList<>();
        if (definitions.version() < 1) {
            problems.add("version must be 1 or more");
        }
        for (String id : List.of("nprs", "psfs", "pgic")) {
            if (definitions.find(id).isEmpty()) {
                problems.add("measure " + id + " is missing");
            }
        }
        for (Measure m : definitions.measures()) {
            String at = "measure " + m.id() + ": ";
            if (m.id() == null || !m.id().matches("[a-z]{2,16}")) {
                problems.add(at + "id must be 2 to 16 lower-case letters");
            }
            if (m.kind() == null) {
                problems.add(at + "kind is missing");
            }
            for (String text : new String[] {m.name(), m.instructions(), m.mcidText()}) {
                if (text == null || text.isBlank()) {
                    problems.add(at + "name, instructions and mcid_text must be written");
                    break;
                }
            }
            if (m.sources().isEmpty()) {
                problems.add(at + "must name at least one source key");
            }
            if (m.kind() == Kind.CHOICE) {
                Set<Integer> values = new java.util.HashSet<>();
                m.choices().forEach(c -> values.add(c.value()));
                if (m.choices().size() < 2 || values.size() != m.choices().size()) {
                    problems.add(at + "a choice measure needs at least two choices with different values");
                }
                if (m.choices().stream().noneMatch(Choice::meaningful)) {
                    problems.add(at + "at least one choice must count as a meaningful change");
                }
            } else if (m.kind() != null) {
                if (!m.choices().isEmpty()) {
                    problems.add(at + "only a choice measure has choices");
                }
                if (m.mcidTenths() < 1 || m.mcidTenths() > 100) {
                    problems.add(at + "mcid_tenths must be 1 to 100");
                }
            }
        }
        if (definitions.measures().stream()
                        .map(Measure::id)
                        .filter(Objects::nonNull)
                        .distinct()
                        .count()
                != definitions.measures().size()) {
            problems.add("measure ids must differ");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": " + String.join("; ", problems));
        }
        return definitions;
    }
}
