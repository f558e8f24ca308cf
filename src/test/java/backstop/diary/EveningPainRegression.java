package backstop.diary;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The insights model fitted by OLS on a diary's recorded days: pain_pm on a constant, yesterday's pain_pm, the
 * given habits at their lags and day-of-week dummies (Monday is the reference). Rows lacking any value are left
 * out, as an engine must. Coefficients: [c, φ, β for each term..., Tuesday..Sunday].
 */
final class EveningPainRegression {
    private EveningPainRegression() {}

    record Term(Habit habit, int lag) {}

    static double[] fit(Diary diary, List<Term> terms) {
        List<double[]> rows = new ArrayList<>();
        List<Double> pain = new ArrayList<>();
        for (DiaryDay day : diary.days()) {
            OptionalDouble today = painPm(diary, day, 0);
            OptionalDouble yesterday = painPm(diary, day, 1);
            if (today.isEmpty() || yesterday.isEmpty()) {
                continue;
            }
            double[] row = new double[2 + terms.size() + 6];
            row[0] = 1;
            row[1] = yesterday.getAsDouble();
            boolean complete = true;
            for (int i = 0; i < terms.size(); i++) {
                Term term = terms.get(i);
                OptionalDouble value = diary.day(day.date().minusDays(term.lag()))
                        .map(earlier -> term.habit().valueOn(earlier))
                        .orElse(OptionalDouble.empty());
                complete &= value.isPresent();
                row[2 + i] = value.orElse(0);
            }
            DayOfWeek weekday = day.date().getDayOfWeek();
            if (weekday != DayOfWeek.MONDAY) {
                row[2 + terms.size() + weekday.getValue() - 2] = 1;
            }
            if (complete) {
                rows.add(row);
                pain.add(today.getAsDouble());
            }
        }
        return LeastSquares.fit(
                rows.toArray(new double[0][]),
                pain.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static OptionalDouble painPm(Diary diary, DiaryDay day, int daysBefore) {
        return diary.day(day.date().minusDays(daysBefore))
                .map(found -> found.painPm().isPresent()
                        ? OptionalDouble.of(found.painPm().getAsInt())
                        : OptionalDouble.empty())
                .orElse(OptionalDouble.empty());
    }
}
