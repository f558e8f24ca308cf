package backstop.diary;

import java.util.Objects;

/** Everything one check-in records about one day: the diary values and the details the CSV does not carry. */
public record CheckIn(DiaryDay day, CheckInDetails details) {
    public CheckIn {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(details, "details");
    }
}
