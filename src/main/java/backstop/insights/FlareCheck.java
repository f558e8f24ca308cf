package backstop.insights;

import backstop.diary.Diary;
import java.util.List;

/**
 * The flare-ups of a diary, found exactly as the insights report finds them ({@link FlareFinder} on the trailing
 * baselines), without the rest of the report: the clinic roster asks this for a few weeks of each patient's diary.
 */
public final class FlareCheck {
    private FlareCheck() {}

    public static List<Flare> flares(Diary diary, InsightSettings settings) {
        DailySeries series = DailySeries.of(diary);
        return FlareFinder.find(series, Baselines.of(series, settings), settings);
    }
}
