package backstop.clinic;

import backstop.diary.SavedDay;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Morning and evening pain of a date range as SVG polylines (drawn server-side, so the chart needs no script): x is
 * {@link #STEP} units a day, y runs from 0 pain at the bottom to 10 at the top of a {@link #HEIGHT}-unit box. A day
 * without a value splits its line, so a gap is never drawn over.
 */
public record PainChart(LocalDate from, LocalDate to, List<String> morning, List<String> evening, int daysRecorded) {
    public static final int STEP = 4;
    public static final int HEIGHT = 110;

    public PainChart {
        morning = List.copyOf(morning);
        evening = List.copyOf(evening);
    }

    public int width() {
        return (int) (ChronoUnit.DAYS.between(from, to) + 1) * STEP;
    }

    /** y of a pain level, for the grid lines. */
    public static int y(int pain) {
        return HEIGHT - 5 - pain * 10;
    }

    public static PainChart of(List<SavedDay> days, LocalDate from, LocalDate to) {
        Map<LocalDate, SavedDay> byDate = new HashMap<>();
        days.forEach(day -> byDate.put(day.checkIn().day().date(), day));
        return new PainChart(
                from,
                to,
                lines(byDate, from, to, day -> day.checkIn().day().painAm()),
                lines(byDate, from, to, day -> day.checkIn().day().painPm()),
                byDate.size());
    }

    private static List<String> lines(
            Map<LocalDate, SavedDay> byDate, LocalDate from, LocalDate to, Function<SavedDay, OptionalInt> value) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1), i++) {
            OptionalInt pain = Optional.ofNullable(byDate.get(day)).map(value).orElse(OptionalInt.empty());
            if (pain.isEmpty()) {
                if (line.length() > 0) {
                    lines.add(line.toString().strip());
                    line.setLength(0);
                }
                continue;
            }
            line.append(i * STEP + STEP / 2)
                    .append(',')
                    .append(y(pain.getAsInt()))
                    .append(' ');
        }
        if (line.length() > 0) {
            lines.add(line.toString().strip());
        }
        return lines;
    }
}
