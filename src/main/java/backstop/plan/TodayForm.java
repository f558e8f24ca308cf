package backstop.plan;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The Today page's form: ticked exercises with their numbers and the pain, read into logs, every problem named. */
final class TodayForm {
    private TodayForm() {}

    /** The logs the form describes for the day's session, or a {@link BadInputException} naming every bad field. */
    static List<SessionLog> logs(Function<String, String> field, TodaySession session) {
        List<FieldError> errors = new ArrayList<>();
        int painBefore = pain(field.apply("pain_before"), "pain_before", errors);
        int painDuring = pain(field.apply("pain_during"), "pain_during", errors);
        List<SessionLog> logs = new ArrayList<>();
        for (SessionLog.Planned planned : session.toLog()) {
            String id = planned.exerciseId();
            if (!"on".equals(field.apply(id + ".done"))) {
                continue;
            }
            int sets = count(field.apply(id + ".sets"), id + ".sets", planned.targetSets(), errors);
            int reps = count(field.apply(id + ".reps"), id + ".reps", planned.targetReps(), errors);
            int hold = count(field.apply(id + ".hold"), id + ".hold", planned.targetHoldSeconds(), errors);
            SessionReport.done(planned, sets, reps, hold, painBefore, painDuring, id + ".", errors)
                    .ifPresent(logs::add);
        }
        if (logs.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("exercises", "tick at least one exercise you did"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return logs;
    }

    /** A refused field of the Today form as a sentence a person understands, without field names. */
    static String inWords(FieldError error, Map<String, String> exerciseNames) {
        String field = error.field();
        String what;
        if (field.equals("pain_before")) {
            what = "Pain before the session";
        } else if (field.equals("pain_during")) {
            what = "Worst pain during the session";
        } else if (field.equals("exercises")) {
            what = "Exercises";
        } else if (field.contains(".")) {
            String id = field.substring(0, field.indexOf('.'));
            String part = field.substring(field.indexOf('.') + 1);
            what = exerciseNames.getOrDefault(id, "An exercise") + ": "
                    + switch (part) {
                        case "sets" -> "sets";
                        case "reps" -> "repetitions";
                        case "hold", "hold_seconds" -> "hold (seconds)";
                        default -> part.replace('_', ' ');
                    };
        } else {
            what = field.replace('_', ' ');
        }
        return what + ": " + error.message() + ".";
    }

    private static int pain(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "please rate your pain from 0 to 10"));
            return -1;
        }
        try {
            int value = Integer.parseInt(text.strip());
            SessionReport.checkPain(value, field, errors);
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number from 0 to 10"));
            return -1;
        }
    }

    private static int count(String text, String field, int planned, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return planned;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return planned;
        }
    }
}
