package backstop.diary;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/** The pain chart in one sentence, for a screen reader and for anyone who would rather read than look. */
final class ChartSummary {
    private ChartSummary() {}

    static String of(List<SavedDay> days) {
        if (days.isEmpty()) {
            return "No check-ins in the last 31 days yet.";
        }
        String morning = average(days, DiaryDay::painAm);
        String evening = average(days, DiaryDay::painPm);
        int highest = days.stream()
                .map(SavedDay::checkIn)
                .map(CheckIn::day)
                .flatMapToInt(day -> java.util.stream.IntStream.of(
                        day.painAm().orElse(-1), day.painPm().orElse(-1)))
                .max()
                .orElse(-1);
        StringBuilder text = new StringBuilder()
                .append("In the last 31 days you checked in on ")
                .append(days.size())
                .append(days.size() == 1 ? " day" : " days");
        if (!evening.isEmpty() || !morning.isEmpty()) {
            text.append(": pain averaged ");
            if (!morning.isEmpty()) {
                text.append(morning).append(" in the morning");
            }
            if (!morning.isEmpty() && !evening.isEmpty()) {
                text.append(" and ");
            }
            if (!evening.isEmpty()) {
                text.append(evening).append(" in the evening");
            }
            text.append(" out of 10, at most ").append(highest);
        }
        return text.append(". Days without a check-in are left out.").toString();
    }

    private static String average(List<SavedDay> days, Function<DiaryDay, OptionalInt> value) {
        double[] values = days.stream()
                .map(day -> value.apply(day.checkIn().day()))
                .filter(OptionalInt::isPresent)
                .mapToDouble(OptionalInt::getAsInt)
                .toArray();
        if (values.length == 0) {
            return "";
        }
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return String.format(java.util.Locale.ROOT, "%.1f", mean);
    }
}
