package backstop.diary;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The answers that seldom change from one day to the next — where it hurt, what kind of pain, how the person slept —
 * taken from their latest earlier check-in, so the check-in can offer them as one "same as yesterday" tap.
 *
 * @param from the day they come from
 * @param sleepPosition the code, or empty when it was not recorded
 */
public record CarryOver(LocalDate from, List<String> locations, List<String> painKinds, String sleepPosition) {
    /** How far back an earlier check-in still counts as "the last time": a week. */
    static final int DAYS_BACK = 7;

    public CarryOver {
        locations = List.copyOf(locations);
        painKinds = List.copyOf(painKinds);
    }

    /** The carry-over for {@code date} from the latest of {@code earlier} days, if it holds anything. */
    static Optional<CarryOver> latest(LocalDate date, List<SavedDay> earlier) {
        return earlier.stream()
                .filter(day -> day.checkIn().day().date().isBefore(date))
                .filter(SavedDay::checkedIn)
                .max(java.util.Comparator.comparing(day -> day.checkIn().day().date()))
                .map(day -> new CarryOver(
                        day.checkIn().day().date(),
                        day.checkIn().details().locations(),
                        day.checkIn().details().painKinds(),
                        day.checkIn()
                                .day()
                                .sleepPosition()
                                .map(SleepPosition::code)
                                .orElse("")))
                .filter(carry -> !carry.isEmpty());
    }

    boolean isEmpty() {
        return locations.isEmpty() && painKinds.isEmpty() && sleepPosition.isEmpty();
    }

    /** "Same as yesterday", or the day's name when the last check-in is older. */
    public String label(LocalDate date) {
        if (from.equals(date.minusDays(1))) {
            return "Same as yesterday";
        }
        return "Same as " + from.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + from;
    }

    /** What the tap fills in, in words. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!locations.isEmpty()) {
            parts.add(String.join(
                    ", ", locations.stream().map(CheckInDetails::words).toList()));
        }
        if (!painKinds.isEmpty()) {
            parts.add(String.join(
                    ", ", painKinds.stream().map(CheckInDetails::words).toList()));
        }
        if (!sleepPosition.isEmpty()) {
            parts.add(
                    switch (sleepPosition) {
                        case "back" -> "slept on your back";
                        case "side" -> "slept on your side";
                        case "stomach" -> "slept on your front";
                        default -> "slept in mixed positions";
                    });
        }
        return String.join(" · ", parts);
    }
}
