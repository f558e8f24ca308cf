package backstop.care;

import backstop.error.BadInputException;
import backstop.error.FieldError;
import backstop.model.Cause;
import backstop.plan.Plan;
import backstop.plan.PlanExercise;
import backstop.plan.PlanPart;
import backstop.plan.Session;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the prescribing form, which shows the whole plan as fields, into the list of changes that turn the current
 * plan into what the form says. Fields: {@code days.<session>}, {@code add.<session>}, {@code sets.<exercise>},
 * {@code reps.<exercise>}, {@code hold.<exercise>}, {@code swap.<exercise>}, {@code remove} and {@code held} (exercise
 * ids), {@code break_interval}, {@code remove_part} (part kinds), {@code habit_kind}, {@code habit_causes},
 * {@code habit_title}, {@code habit_items} (one per line), {@code reason}, {@code note}.
 */
final class PlanForm {
    private PlanForm() {}

    static PlanEdit read(Plan plan, List<String> held, Map<String, List<String>> form) {
        List<Change> changes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> removed = new HashSet<>(values(form, "remove"));
        Set<String> holds = new HashSet<>(values(form, "held"));
        Map<String, PlanExercise> exercises = new LinkedHashMap<>();
        plan.sessions().forEach(s -> s.exercises().forEach(e -> exercises.putIfAbsent(e.id(), e)));
        for (PlanExercise exercise : exercises.values()) {
            String id = exercise.id();
            if (removed.contains(id)) {
                changes.add(new Change.RemoveExercise(id));
                continue;
            }
            String swap = value(form, "swap." + id);
            if (!swap.isEmpty()) {
                changes.add(new Change.SwapExercise(id, swap));
                continue;
            }
            Integer sets = number(form, "sets." + id, exercise.sets(), errors);
            Integer reps = number(form, "reps." + id, exercise.reps(), errors);
            Integer hold = number(form, "hold." + id, exercise.holdSeconds(), errors);
            if (sets != null
                    && reps != null
                    && hold != null
                    && (sets != exercise.sets() || reps != exercise.reps() || hold != exercise.holdSeconds())) {
                changes.add(new Change.SetDose(id, sets, reps, hold));
            }
            if (holds.contains(id) != held.contains(id)) {
                changes.add(new Change.HoldProgression(id, holds.contains(id)));
            }
        }
        plan.desk()
                .ifPresent(desk -> desk.microBreak().stream()
                        .filter(e -> removed.contains(e.id()) && !exercises.containsKey(e.id()))
                        .forEach(e -> changes.add(new Change.RemoveExercise(e.id()))));
        for (Session session : plan.sessions()) {
            if (form.containsKey("days_shown." + session.id())) {
                List<DayOfWeek> days = new ArrayList<>();
                for (String day : values(form, "days." + session.id())) {
                    try {
                        days.add(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError("days." + session.id(), "'" + day + "' is not a day of the week"));
                    }
                }
                if (!days.stream().sorted().distinct().toList().equals(session.daysOfWeek())) {
                    changes.add(new Change.SetDays(session.id(), days));
                }
            }
            String add = value(form, "add." + session.id());
            if (!add.isEmpty()) {
                changes.add(new Change.AddExercise(session.id(), add));
            }
        }
        plan.desk().ifPresent(desk -> {
            Integer minutes = number(form, "break_interval", desk.breakIntervalMinutes(), errors);
            if (minutes != null && minutes != desk.breakIntervalMinutes()) {
                changes.add(new Change.SetBreakInterval(minutes));
            }
        });
        for (String kind : values(form, "remove_part")) {
            changes.add(new Change.RemovePart(kind(kind, "remove_part", errors)));
        }
        String title = value(form, "habit_title");
        if (!title.isEmpty()) {
            List<Cause> causes = new ArrayList<>();
            for (String key : values(form, "habit_causes")) {
                Cause.fromKey(key)
                        .ifPresentOrElse(
                                causes::add,
                                () -> errors.add(new FieldError("habit_causes", "'" + key + "' is not a cause")));
            }
            changes.add(new Change.AddHabit(
                    kind(value(form, "habit_kind"), "habit_kind", errors),
                    causes,
                    title,
                    List.of(value(form, "habit_items").split("\\R"))));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException(errors);
        }
        return new PlanEdit(changes, value(form, "reason"), value(form, "note"));
    }

    private static PlanPart.Kind kind(String code, String field, List<FieldError> errors) {
        try {
            return PlanPart.Kind.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + code + "' is not a part of a plan"));
            return null;
        }
    }

    private static Integer number(Map<String, List<String>> form, String field, int current, List<FieldError> errors) {
        String text = value(form, field);
        if (text.isEmpty()) {
            return current;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static List<String> values(Map<String, List<String>> form, String field) {
        return form.getOrDefault(field, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private static String value(Map<String, List<String>> form, String field) {
        List<String> all = form.getOrDefault(field, List.of());
        return all.isEmpty() || all.get(0) == null ? "" : all.get(0).strip();
    }
}
