package backstop.plan;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.json.Doc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/plans/current/sessions}: what was done of a day's session, each exercise planned
 * next to performed. {@link #logs} checks it against the day's plan and names every problem at once.
 */
record SessionReport(
        LocalDate date,
        @Doc(minimum = 0, maximum = 10) int painBefore,
        @Doc(minimum = 0, maximum = 10) int painDuring,
        @Doc(minItems = 1) List<Done> exercises) {

    SessionReport {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }

    /** One exercise as done; the hold is left out for exercises without one. */
    record Done(String exerciseId, int sets, int reps, Optional<Integer> holdSeconds) {
        Done {
            holdSeconds = holdSeconds == null ? Optional.empty() : holdSeconds;
        }
    }

    /** The logs for the day's plan, or a {@link BadInputException} naming every bad field. */
    List<SessionLog> logs(TodaySession today) {
        List<FieldError> errors = new ArrayList<>();
        checkPain(painBefore, "pain_before", errors);
        checkPain(painDuring, "pain_during", errors);
        Map<String, SessionLog.Planned> planned = new LinkedHashMap<>();
        today.toLog().forEach(p -> planned.put(p.exerciseId(), p));
        List<SessionLog> logs = new ArrayList<>();
        if (exercises.isEmpty()) {
            errors.add(new FieldError("exercises", "must be a list of at least one exercise"));
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < exercises.size(); index++) {
            Done item = exercises.get(index);
            String at = "exercises[" + index + "]";
            SessionLog.Planned target = planned.get(item.exerciseId());
            if (target == null) {
                errors.add(new FieldError(
                        at + ".exercise_id", "'" + item.exerciseId() + "' is not in the plan for " + date));
            } else if (!seen.add(item.exerciseId())) {
                errors.add(new FieldError(at + ".exercise_id", "'" + item.exerciseId() + "' is listed twice"));
            } else {
                done(
                                target,
                                item.sets(),
                                item.reps(),
                                item.holdSeconds().orElse(0),
                                painBefore,
                                painDuring,
                                at + ".",
                                errors)
                        .ifPresent(logs::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return logs;
    }

    /** The log of one exercise, or its problems added to {@code errors} under {@code prefix} (pain is named apart). */
    static Optional<SessionLog> done(
            SessionLog.Planned planned,
            int sets,
            int reps,
            int hold,
            int painBefore,
            int painDuring,
            String prefix,
            List<FieldError> errors) {
        if (errors.stream()
                .anyMatch(error ->
                        error.field().startsWith(prefix) || error.field().startsWith("pain_"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(planned.done(sets, reps, hold, painBefore, painDuring));
        } catch (BadInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(prefix + error.field(), error.message())));
            return Optional.empty();
        }
    }

    static void checkPain(int value, String field, List<FieldError> errors) {
        if (value < 0 || value > 10) {
            errors.add(new FieldError(field, "must be from 0 to 10"));
        }
    }
}
