package backstop.desk;

import backstop.error.FieldError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Desk page template shows, ready to print: the server's view of the working day (the page's script takes
 * over and keeps it live), the settings form, the calendar, the break history and "does it help me?".
 */
public record DeskPage(
        String notice,
        List<FieldError> errors,
        String dayId,
        boolean working,
        String status,
        String totals,
        Form form,
        Optional<Calendar> calendar,
        List<String> busyToday,
        List<Row> days,
        List<Week> weeks,
        String sittingText,
        Experiment experiment,
        Optional<Offer> suggestion,
        List<String> exerciseNames,
        boolean exercisesFromPlan) {

    public DeskPage {
        Objects.requireNonNull(notice, "notice");
        errors = List.copyOf(errors);
        busyToday = List.copyOf(busyToday);
        days = List.copyOf(days);
        weeks = List.copyOf(weeks);
        exerciseNames = List.copyOf(exerciseNames);
    }

    /** The settings form's values. */
    public record Form(
            boolean followPlan,
            int microMinutes,
            int restMinutes,
            int restLengthMinutes,
            int dailyLimitMinutes,
            int postponeMinutes,
            int maxPostpones,
            int maxSkips,
            boolean strict,
            boolean sound,
            int idleMinutes,
            String planNote) {}

    public record Calendar(String source, String address, int events, String fetched, Optional<String> error) {}

    /** One day of break history, printed. */
    public record Row(
            String date, String sitting, int taken, int postponed, int skipped, String longest, String painPm) {}

    public record Week(
            String monday,
            int deskDays,
            String sitting,
            int taken,
            int postponed,
            int skipped,
            String longest,
            String meanPainPm) {}

    public record Experiment(boolean running, String description, Optional<String> result) {}

    public record Offer(String text, int minutes) {}

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
