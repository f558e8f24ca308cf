package backstop.desk;

import backstop.insights.AlternatingWeeks;
import backstop.insights.BreakEffect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What the desk service hands to its pages and API: computed views, apart from the stored rows. */
final class DeskViews {
    private DeskViews() {}

    /** The outcome of recording one event: the event as stored, whether it was a repeat, and its day now. */
    record Recorded(DeskEvent event, boolean repeat, DeskDay day) {}

    /** One exercise to show at a micro-break, from the person's plan (or the library when there is no plan). */
    record BreakExercise(
            String id, String name, String dose, int seconds, String purpose, List<String> cues, boolean fromPlan) {
        BreakExercise {
            cues = List.copyOf(cues);
        }
    }

    /** The person's calendar as kept: never its titles, only where it came from and how many events it has. */
    record CalendarInfo(String source, Optional<String> url, int events, Instant fetchedAt, Optional<String> error) {}

    /** Where the experiment stands today. */
    record ExperimentToday(AlternatingWeeks weeks, int phase, boolean remindersOn, LocalDate phaseEnds) {}

    /** Everything the Desk page needs to run the working day in the browser. */
    record Today(
            LocalDate date,
            Instant now,
            DeskSettings settings,
            List<DeskEvent> events,
            List<Pause> busy,
            Optional<CalendarInfo> calendar,
            TimerState state,
            DeskDay totals,
            List<BreakExercise> exercises,
            Optional<ExperimentToday> experiment) {
        Today {
            events = List.copyOf(events);
            busy = List.copyOf(busy);
            exercises = List.copyOf(exercises);
        }

        boolean remindersOn() {
            return experiment.map(ExperimentToday::remindersOn).orElse(true);
        }
    }

    /** A day of break history beside that evening's pain. */
    record HistoryDay(DeskDay desk, OptionalInt painPm) {}

    /** A week of break history (Monday to Sunday) beside its mean evening pain. */
    record HistoryWeek(
            LocalDate monday,
            int deskDays,
            long sittingMinutes,
            int breaksTaken,
            int postponed,
            int skipped,
            int longestStretchMinutes,
            OptionalDouble meanPainPm,
            int painDays) {}

    /** A shorter micro-break interval the person's own data argues for; applied only when the person says so. */
    record Suggestion(int currentMinutes, int suggestedMinutes, BreakEffect evidence) {}

    /** Break history and "does it help me?" for a range of days. */
    record Summary(
            LocalDate from,
            LocalDate to,
            List<HistoryDay> days,
            List<HistoryWeek> weeks,
            BreakEffect sitting,
            Optional<BreakEffect> experiment,
            Optional<AlternatingWeeks> experimentWeeks,
            Optional<Suggestion> suggestion) {
        Summary {
            Objects.requireNonNull(from, "from");
            days = List.copyOf(days);
            weeks = List.copyOf(weeks);
        }
    }
}
