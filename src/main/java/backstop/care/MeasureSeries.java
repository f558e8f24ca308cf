package backstop.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One measure over time for one person: each point's score, its change from the first, and whether that change is
 * larger than the measure's minimal clinically important difference (for the global impression: whether the answer
 * itself counts as meaningful). {@code mcidText} says in words what counts.
 */
public record MeasureSeries(String measure, String name, String mcidText, List<Point> points) {
    public MeasureSeries {
        Objects.requireNonNull(measure, "measure");
        points = List.copyOf(points);
    }

    /**
     * One score. {@code scoreTenths} is the score times ten; {@code changeTenths} the change from the first point
     * (empty for the first and for the global impression); {@code direction} "better", "worse" or "" when the change
     * is within the MCID.
     */
    public record Point(
            LocalDate date,
            int scoreTenths,
            String scoreText,
            Optional<Integer> changeTenths,
            boolean beyondMcid,
            String direction,
            String detail) {
        public Point {
            Objects.requireNonNull(date, "date");
            changeTenths = changeTenths == null ? Optional.empty() : changeTenths;
        }
    }

    /** True when any point's change is larger than the MCID. */
    public boolean anyBeyondMcid() {
        return points.stream().anyMatch(Point::beyondMcid);
    }
}
