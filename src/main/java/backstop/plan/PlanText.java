package backstop.plan;

import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plan and a day's session as plain text, for {@code backstop plan --text} and the terminal. */
public final class PlanText {
    private PlanText() {}

    public static String format(Plan plan) {
        StringBuilder text = new StringBuilder();
        text.append("Your plan, from ").append(plan.start()).append('\n');
        text.append("(")
                .append(plan.planVersion())
                .append(", assessment rules ")
                .append(plan.rulesVersion())
                .append(", ")
                .append(plan.minutesPerSession())
                .append(" minutes a session)\n\n");
        text.append("SESSIONS\n");
        for (Session session : plan.sessions()) {
            text.append(session(session));
        }
        plan.desk()
                .ifPresent(desk -> text.append('\n')
                        .append("DESK: a short break every ")
                        .append(desk.breakIntervalMinutes())
                        .append(" minutes of desk work\n"));
        for (PlanPart part : plan.parts()) {
            text.append('\n').append(part.title().toUpperCase(Locale.ROOT));
            if (!part.causes().isEmpty()) {
                text.append("  (for: ")
                        .append(part.causes().stream()
                                .map(cause -> cause.label().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")))
                        .append(')');
            }
            text.append('\n').append(part.why()).append('\n');
            part.items().forEach(item -> text.append("  * ").append(item).append('\n'));
        }
        Coverage coverage = plan.coverage();
        text.append("\nWHAT ADDRESSES EACH CAUSE\n");
        for (Coverage.CauseCoverage cause : coverage.causes()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-24s %3d %-8s ",
                    cause.label(),
                    cause.score(),
                    cause.active() ? "active" : "minor"));
            text.append(cause.exerciseIds().isEmpty() ? "no exercise" : String.join(", ", cause.exerciseIds()));
            if (!cause.habits().isEmpty()) {
                text.append("; ").append(String.join(", ", cause.habits()));
            }
            text.append('\n');
        }
        coverage.warnings()
                .forEach(warning -> text.append("  ! ").append(warning).append('\n'));
        return text.toString();
    }

    public static String format(TodaySession today) {
        StringBuilder text = new StringBuilder();
        text.append(today.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .append(' ')
                .append(today.date())
                .append('\n');
        if (today.sessions().isEmpty()) {
            text.append("No session today.\n");
        }
        today.sessions().forEach(session -> text.append(session(session)));
        if (!today.microBreak().isEmpty()) {
            text.append("At your desk breaks: ")
                    .append(today.microBreak().stream().map(PlanExercise::name).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return text.toString();
    }

    private static String session(Session session) {
        StringBuilder text = new StringBuilder();
        String days = session.daysOfWeek().size() == 7
                ? "every day"
                : session.daysOfWeek().stream()
                        .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                        .collect(Collectors.joining(" "));
        text.append("  ")
                .append(session.name())
                .append(" - ")
                .append(days)
                .append(" - about ")
                .append(session.minutes())
                .append(" min\n");
        for (PlanExercise exercise : session.exercises()) {
            text.append("    - ")
                    .append(exercise.name())
                    .append(": ")
                    .append(exercise.doseText())
                    .append('\n');
        }
        return text.toString();
    }
}
