package backstop.insights;

import java.util.List;

/** The insight report and its cards. */
public record InsightsView(InsightReport report, List<InsightCard> cards) {}
