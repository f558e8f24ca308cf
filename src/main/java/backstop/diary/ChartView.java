package backstop.diary;

import java.util.List;

/** The diary chart and its summary in words. */
public record ChartView(List<SavedDay> days, String summary) {}
