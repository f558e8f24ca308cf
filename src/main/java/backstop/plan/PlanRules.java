package backstop.plan;

import backstop.json.Json;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The clinical numbers of the plan, read once at start-up and handed to the pure generator and progression: the
 * weekly progression thresholds, the break intervals, the session planner's choices (all in
 * {@code plan/plan-rules-v1.json}), the words of the habit parts ({@code plan/habit-advice-v1.json}) and the
 * injection-referral criteria ({@code plan/referral-criteria-v2.json}). A
 * file that is wrong stops start-up with a message naming the file and the field. Sources: docs/clinical.md.
 */
public record PlanRules(
        String version,
        ProgressionRules progression,
        BreakRules breaks,
        SessionRules sessions,
        HabitAdvice advice,
        ReferralCriteria referrals) {
    static final String RESOURCE = "plan/plan-rules-v1.json";

    public PlanRules {
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(referrals, "referrals");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is missing");
        }
        present("progression", progression);
        present("breaks", breaks);
        present("sessions", sessions);
    }

    /** What Backstop ships. @throws IllegalStateException naming the file and the field that is wrong */
    public static PlanRules load() {
        return read(RESOURCE, HabitAdvice.read(HabitAdvice.RESOURCE), ReferralCriteria.load());
    }

    // Tests point this at deliberately broken files.
    static PlanRules read(String resource, HabitAdvice advice, ReferralCriteria referrals) {
        try (InputStream in = PlanRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            // Every field must be written: a missing number would otherwise read as 0 and pass unnoticed.
            File file = Json.mapper()
                    .readerFor(File.class)
                    .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .readValue(in);
            return new PlanRules(file.version(), file.progression(), file.breaks(), file.sessions(), advice, referrals);
        } catch (JsonMappingException e) {
            throw new IllegalStateException(resource + ": " + problem(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /** The file as written: everything but the referral criteria, which have their own file. */
    private record File(String version, ProgressionRules progression, BreakRules breaks, SessionRules sessions) {
        File {
            if (version == null || version.isBlank()) {
                throw new IllegalArgumentException("version is missing");
            }
            present("progression", progression);
            present("breaks", breaks);
            present("sessions", sessions);
        }
    }

    /** The path to what was wrong and what: {@code breaks: some_desk_hours must be 1 to 8, was 9}. */
    static String problem(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e.getOriginalMessage().startsWith("Missing creator property")) {
            return path + " is missing";
        }
        // A record's own check names its field; Jackson's path names the object it sits in.
        String what =
                e.getCause() instanceof IllegalArgumentException check ? check.getMessage() : e.getOriginalMessage();
        return path.isEmpty() ? what : path + ": " + what;
    }

    static void within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
        }
    }

    static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    static <T extends Collection<?>> T nonEmpty(String name, T values) {
        if (present(name, values).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return values;
    }
}
