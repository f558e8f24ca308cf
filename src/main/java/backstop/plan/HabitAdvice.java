package backstop.plan;

import backstop.assessment.Intake;
import backstop.json.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the habit parts and the referral part ({@code plan/habit-advice-v1.json}), written for Backstop; their
 * sources are in docs/clinical.md. Checked when read: every part and line the plan uses is there, none it does not
 * use, and each line has exactly the {@code {placeholders}} the plan fills in.
 *
 * @param leadWeakCause the first sentence of a part for a cause with some evidence but under the threshold
 */
public record HabitAdvice(String version, String leadWeakCause, Map<String, Part> parts) {
    static final String RESOURCE = "plan/habit-advice-v1.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** The lines each part must have, with the placeholders each line takes. */
    static final Map<String, Map<String, Set<String>>> REQUIRED = required();

    /** One part's title, why, sources and lines. */
    public record Part(String title, String why, List<String> sources, Map<String, String> lines) {
        public Part {
            PlanRules.present("title", title);
            PlanRules.present("why", why);
            sources = List.copyOf(PlanRules.present("sources", sources));
            lines = Map.copyOf(PlanRules.present("lines", lines));
        }
    }

    public HabitAdvice {
        PlanRules.present("version", version);
        PlanRules.present("lead_weak_cause", leadWeakCause);
        parts = Map.copyOf(PlanRules.present("parts", parts));
        check(parts);
    }

    /** The words of one part; {@link PlanPart.Kind} names it. */
    Part part(PlanPart.Kind kind) {
        return parts.get(key(kind));
    }

    /** A line of a part with its placeholders filled in, e.g. {@code {minutes}}. */
    String line(PlanPart.Kind kind, String name, Map<String, String> values) {
        String text = part(kind).lines().get(name);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    String line(PlanPart.Kind kind, String name) {
        return line(kind, name, Map.of());
    }

    /** A line named after an intake answer, e.g. {@code setup_laptop_only}. */
    static String answer(String prefix, Enum<?> value) {
        return prefix + "_" + value.name().toLowerCase(Locale.ROOT);
    }

    static HabitAdvice read(String resource) {
        try (InputStream in = HabitAdvice.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return Json.mapper()
                    .readerFor(HabitAdvice.class)
                    .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(in);
        } catch (JsonMappingException e) {
            throw new IllegalStateException(resource + ": " + PlanRules.problem(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static void check(Map<String, Part> parts) {
        for (var required : REQUIRED.entrySet()) {
            String partName = required.getKey();
            Part part = parts.get(partName);
            if (part == null) {
                throw new IllegalArgumentException("parts." + partName + " is missing");
            }
            for (var line : required.getValue().entrySet()) {
                String field = "parts." + partName + ".lines." + line.getKey();
                String text = part.lines().get(line.getKey());
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException(field + " is missing");
                }
                Set<String> placeholders = new TreeSet<>();
                PLACEHOLDER.matcher(text).results().forEach(match -> placeholders.add(match.group(1)));
                if (!placeholders.equals(new TreeSet<>(line.getValue()))) {
                    throw new IllegalArgumentException(field + " must have the placeholders "
                            + new TreeSet<>(line.getValue()) + ", has " + placeholders);
                }
            }
            for (String line : part.lines().keySet()) {
                if (!required.getValue().containsKey(line)) {
                    throw new IllegalArgumentException("parts." + partName + ".lines." + line + " is not used");
                }
            }
        }
        for (String partName : parts.keySet()) {
            if (!REQUIRED.containsKey(partName)) {
                throw new IllegalArgumentException("parts." + partName + " is not used");
            }
        }
    }

    private static String key(PlanPart.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Map<String, Set<String>>> required() {
        Set<String> exercise = Set.of("exercise", "dose");
        Map<String, Set<String>> desk = new LinkedHashMap<>();
        desk.put("break_every", Set.of("minutes"));
        desk.put("at_a_break", exercise);
        List.of("general_screen", "general_laptop", "general_chair", "within_reach")
                .forEach(name -> desk.put(name, Set.of()));
        for (Intake.Setup setup : Intake.Setup.values()) {
            desk.put(answer("setup", setup), Set.of());
        }
        for (Intake.ScreenHeight height : Intake.ScreenHeight.values()) {
            desk.put(answer("screen", height), Set.of());
        }
        for (Intake.Chair chair : Intake.Chair.values()) {
            desk.put(answer("chair", chair), Set.of());
        }
        Map<String, Set<String>> sleep = new LinkedHashMap<>();
        List.of(
                        "general_position",
                        "general_pillow",
                        "pillow_high_or_stacked",
                        "pillow_flat_on_back",
                        "pillow_flat_otherwise",
                        "pillow_medium",
                        "morning_stiffness")
                .forEach(name -> sleep.put(name, Set.of()));
        for (Intake.SleepPosition position : Intake.SleepPosition.values()) {
            sleep.put(answer("position", position), Set.of());
        }
        sleep.put("before_sleep", exercise);
        Map<String, Map<String, Set<String>>> required = new LinkedHashMap<>();
        required.put(key(PlanPart.Kind.DESK_HABITS), desk);
        required.put(key(PlanPart.Kind.LOAD_PACING), plain("spread", "lifting", "arm_work", "training", "heavy_day"));
        required.put(key(PlanPart.Kind.MOVEMENT), plain("keep_moving", "smaller", "twisting_sport"));
        required.put(key(PlanPart.Kind.SLEEP), sleep);
        Map<String, Set<String>> stress = plain("routine", "shoulders", "check_in");
        stress.put("routine_exercise", exercise);
        required.put(key(PlanPart.Kind.STRESS), stress);
        Map<String, Set<String>> referral = plain("red_flags");
        referral.put("criterion", Set.of("title", "ask_when", "framing"));
        required.put(key(PlanPart.Kind.INJECTION_REFERRAL), referral);
        required.replaceAll((part, lines) -> Map.copyOf(lines));
        return Map.copyOf(required);
    }

    private static Map<String, Set<String>> plain(String... names) {
        Map<String, Set<String>> lines = new LinkedHashMap<>();
        for (String name : names) {
            lines.put(name, Set.of());
        }
        return lines;
    }
}
