package backstop.care;

import java.util.List;

/** The questionnaires due now (the htmx partial). */
public record TasksView(List<MeasureTask> tasks) {}
