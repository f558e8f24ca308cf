package backstop.care;

import java.util.List;

/** A person's questionnaires: those due and the answers so far. */
public record MeasuresView(List<MeasureTask> tasks, List<MeasureSeries> series, boolean answered) {}
